import {
  classifyStepSize,
  formatNumber,
  gdPresets,
  runDescent,
  startDescent,
  stepDescent,
  surfaceFromFormula,
  type GdRun,
  type GradientDescentLabState,
} from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';
import { CurvePlot } from './CurvePlot';
import { ContourPlot } from './ContourPlot';
import { GdStatusLine } from './GdStatusLine';
import { GdTable } from './GdTable';

export interface GradientDescentLabProps {
  readonly initial: GradientDescentLabState;
  readonly onChange: (state: GradientDescentLabState) => void;
}

/** How many steps Run takes at most. */
const RUN_STEPS = 200;

/** x ← x − η∇f(x) on a preset or typed surface, with the path drawn and tabulated. */
export function GradientDescentLab({ initial, onChange }: GradientDescentLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<GradientDescentLabState>(initial);
  const [formulaText, setFormulaText] = useState(initial.formula);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);

  const preset = gdPresets.find((p) => p.id === state.presetId) ?? null;
  const surface = useMemo(
    () => surfaceFromFormula(state.formula, state.dims),
    [state.formula, state.dims],
  );
  const typed = useMemo(() => surfaceFromFormula(formulaText), [formulaText]);

  // The run is replayed from the start: the state stores only how many steps were taken.
  const run: GdRun | null = useMemo(() => {
    if (!surface.ok) return null;
    let r = startDescent(surface.value, state.start, state.eta);
    for (let i = 0; i < state.steps && (r.status === 'ready' || r.status === 'running'); i++)
      r = stepDescent(r);
    return r;
  }, [surface, state.start, state.eta, state.steps]);

  // The plot window: the preset's, widened to show every visited point (so a diverging
  // zig-zag stays visible), but never beyond ±1000.
  const domain = useMemo(() => {
    const base = preset?.domain ?? [
      [-5, 5],
      [-5, 5],
    ];
    return base.map(([a, b], i) => {
      const visited = (run?.path ?? [])
        .map((p) => p.point[i] ?? 0)
        .filter((v) => Number.isFinite(v) && Math.abs(v) <= 1000);
      const lo = Math.min(a, ...visited);
      const hi = Math.max(b, ...visited);
      const margin = lo < a || hi > b ? (hi - lo) * 0.05 : 0;
      return [lo - margin, hi + margin] as const;
    });
  }, [preset, run]);

  const choosePreset = (id: string) => {
    const p = gdPresets.find((x) => x.id === id);
    if (!p) {
      setState((s) => ({ ...s, presetId: null, steps: 0 }));
      return;
    }
    setFormulaText(p.formula);
    setState({
      presetId: p.id,
      formula: p.formula,
      dims: p.dims,
      start: [...p.start],
      eta: p.eta,
      steps: 0,
    });
  };
  const applyFormula = () => {
    if (!typed.ok) return;
    const dims = typed.value.dims;
    setState((s) => ({
      ...s,
      presetId: null,
      formula: formulaText,
      dims,
      start: Array.from({ length: dims }, (_, i) => s.start[i] ?? 2),
      steps: 0,
    }));
  };
  const finished = run !== null && run.status !== 'ready' && run.status !== 'running';
  const check = run ? classifyStepSize(run.surface, run.path[0]?.point ?? [0], state.eta) : null;

  return (
    <div className="lab-columns">
      <section className="lab-panel lab-controls" aria-labelledby="gd-heading">
        <h2 id="gd-heading">{t('gd.heading')}</h2>
        <label className="lab-field">
          <span>{t('gd.surface')}</span>
          <select
            data-testid="gd-preset"
            value={state.presetId ?? 'custom'}
            onChange={(e) => choosePreset(e.target.value)}
          >
            {gdPresets.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`gd.presets.${p.id}`)} — {p.formula}
              </option>
            ))}
            <option value="custom">{t('gd.custom')}</option>
          </select>
        </label>
        <label className="lab-field">
          <span>f = </span>
          <input
            className={`lab-text${typed.ok ? '' : ' lab-invalid'}`}
            data-testid="gd-formula"
            value={formulaText}
            spellCheck={false}
            onChange={(e) => setFormulaText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && applyFormula()}
          />
          <button
            type="button"
            className="btn"
            data-testid="gd-apply-formula"
            disabled={!typed.ok || formulaText === state.formula}
            onClick={applyFormula}
          >
            {t('gd.useFormula')}
          </button>
        </label>
        {!typed.ok ? (
          <p className="lab-error" data-testid="gd-formula-error">
            {t(`errors.${typed.error.code}`, { position: typed.error.position + 1 })}
          </p>
        ) : (
          <p className="muted small">{t('gd.formulaHelp')}</p>
        )}
        <div className="lab-row">
          <label className="lab-field">
            <span>{t('gd.start')} x₀</span>
            <NumberInput
              value={state.start[0] ?? 0}
              onChange={(v) =>
                setState((s) => ({ ...s, start: [v, ...s.start.slice(1)], steps: 0 }))
              }
              testId="gd-start-x"
            />
          </label>
          {state.dims === 2 ? (
            <label className="lab-field">
              <span>y₀</span>
              <NumberInput
                value={state.start[1] ?? 0}
                onChange={(v) => setState((s) => ({ ...s, start: [s.start[0] ?? 0, v], steps: 0 }))}
                testId="gd-start-y"
              />
            </label>
          ) : null}
          <label className="lab-field">
            <span>η</span>
            <NumberInput
              value={state.eta}
              min={0}
              onChange={(eta) => setState((s) => ({ ...s, eta, steps: 0 }))}
              testId="gd-eta"
            />
          </label>
        </div>
        {preset ? (
          <div className="lab-row">
            <button
              type="button"
              className="btn"
              data-testid="gd-small-eta"
              onClick={() => setState((s) => ({ ...s, eta: preset.eta, steps: 0 }))}
            >
              {t('gd.smallEta', { eta: preset.eta })}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="gd-large-eta"
              onClick={() => setState((s) => ({ ...s, eta: preset.largeEta, steps: 0 }))}
            >
              {t('gd.largeEta', { eta: preset.largeEta })}
            </button>
          </div>
        ) : null}
        <div className="lab-row">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="gd-step"
            disabled={!run || finished}
            onClick={() => setState((s) => ({ ...s, steps: s.steps + 1 }))}
          >
            {t('gd.step')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="gd-run"
            disabled={!run || finished}
            onClick={() =>
              run &&
              setState((s) => ({
                ...s,
                steps: runDescent(run, run.path.length - 1 + RUN_STEPS).path.length - 1,
              }))
            }
          >
            {t('gd.run', { n: RUN_STEPS })}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="gd-reset"
            onClick={() => setState((s) => ({ ...s, steps: 0 }))}
          >
            {t('gd.reset')}
          </button>
        </div>
        <p className="mono small">x ← x − η·∇f(x)</p>
        {check ? (
          <p className="small" data-testid="gd-curvature">
            {check.verdict === 'flat'
              ? t('gd.curvatureFlat', { curvature: formatNumber(check.curvature, 3) })
              : t(`gd.curvature.${check.verdict}`, {
                  curvature: formatNumber(check.curvature, 3),
                  product: formatNumber(state.eta * check.curvature, 3),
                  limit: formatNumber(check.etaLimit ?? 0, 4),
                })}
          </p>
        ) : null}
        {run ? <GdStatusLine run={run} /> : null}
      </section>
      <section className="lab-panel" aria-label={t('gd.plot')}>
        {run && state.dims === 1 ? <CurvePlot run={run} domain={domain[0] ?? [-5, 5]} /> : null}
        {run && state.dims === 2 ? (
          <ContourPlot run={run} xDomain={domain[0] ?? [-5, 5]} yDomain={domain[1] ?? [-5, 5]} />
        ) : null}
        {run ? <GdTable run={run} /> : null}
      </section>
    </div>
  );
}
