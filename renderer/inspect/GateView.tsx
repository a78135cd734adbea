import type { TraceSignal } from '@core';
import { gruSignals, lstmSignals } from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { InspectResponses } from '../workers/inspect-protocol';
import { ColorLegend } from './ColorLegend';
import type { GateGrid } from './GateHeatmap';
import { GateHeatmap, TokenAxis } from './GateHeatmap';
import type { ColorScale } from './paint/color-scale';
import { colorScaleFor, formatValue } from './paint/color-scale';

interface GateViewProps {
  readonly result: InspectResponses['recurrentGates'];
  /** Width available for the maps (they scroll sideways beyond it). */
  readonly width: number;
}

const defaultUnitCount = 8;

/**
 * Colours follow the values shown (the chosen units at the shown steps), so a
 * barely trained network's small differences stay visible; the legend gives
 * the range. Gates (0…1) get a sequential scale, signed signals one centred on 0.
 */
function scaleOf(
  signal: TraceSignal,
  values: Float32Array,
  columns: readonly number[],
  units: readonly number[],
  unitCount: number,
): ColorScale {
  let min = Infinity;
  let max = -Infinity;
  for (const s of columns)
    for (const u of units) {
      const v = values[s * unitCount + u] ?? 0;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  if (!Number.isFinite(min)) return colorScaleFor(0, 1);
  const signed = signal === 'candidate' || signal === 'hidden' || signal === 'cell';
  if (signed) {
    const m = Math.max(Math.abs(min), Math.abs(max), 1e-6);
    return colorScaleFor(-m, m);
  }
  return max - min < 1e-6 ? colorScaleFor(min - 0.01, max + 0.01) : colorScaleFor(min, max);
}

/** Units with the largest effect on the prediction first (or in order without one). */
function rankedUnits(units: number, impact: Float32Array | null): number[] {
  const all = Array.from({ length: units }, (_, j) => j);
  return impact ? all.sort((a, b) => Math.abs(impact[b]!) - Math.abs(impact[a]!)) : all;
}

/**
 * The trained LSTM (or GRU) over a typed sentence: per token, every gate,
 * the cell and the hidden state of the chosen units as heat maps (tokens
 * across, units down), and which units move the prediction most.
 */
export function GateView({ result, width }: GateViewProps) {
  const { t } = useTranslation('inspect');
  const { gates, tokens, classNames } = result;
  const { trace, unitImpact, shownSteps } = gates;
  const steps = shownSteps.length;
  const ranked = useMemo(() => rankedUnits(trace.units, unitImpact), [trace.units, unitImpact]);
  const [shown, setShown] = useState<readonly number[]>(() => ranked.slice(0, defaultUnitCount));
  const [hover, setHover] = useState<{ step: number; unit: number } | null>(null);
  // Render time: from this result's first render to its maps painted (the effect runs after them).
  const [startedAt] = useState(() => performance.now());
  const [renderMs, setRenderMs] = useState<number | null>(null);
  useEffect(() => {
    setRenderMs(performance.now() - startedAt);
  }, [startedAt]);

  const signals = trace.cell === 'LSTM' ? lstmSignals : gruSignals;
  const labelWidth = 36;
  const grid: GateGrid = useMemo(
    () => ({
      cellWidth: Math.max(
        4,
        Math.min(28, Math.floor((width - labelWidth - 8) / Math.max(1, steps))),
      ),
      cellHeight: 12,
      labelWidth,
    }),
    [width, steps],
  );
  // Column c is trace step shownSteps[c]: its token, or its input position when steps are not tokens.
  const stepTokens = shownSteps.map((s) => tokens[s] ?? `#${(trace.positions[s] ?? s) + 1}`);
  const toggle = (unit: number) =>
    setShown((old) =>
      old.includes(unit) ? old.filter((u) => u !== unit) : [...old, unit].sort((a, b) => a - b),
    );
  const hoverText = hover
    ? signals
        .map(
          (s) =>
            `${t(`gates.signal.${s}`)} ${formatValue(trace.signals[s]?.[hover.step * trace.units + hover.unit] ?? 0)}`,
        )
        .join(' · ')
    : null;
  const topImpact = unitImpact ? ranked.slice(0, 10) : [];
  const maxImpact = topImpact.reduce((m, u) => Math.max(m, Math.abs(unitImpact![u]!)), 1e-9);

  return (
    <div
      className="gate-view"
      data-testid="gate-view"
      data-steps={steps}
      data-cell={trace.cell}
      data-render-ms={renderMs === null ? '' : renderMs.toFixed(1)}
    >
      <p data-testid="gate-prediction">
        {t('gates.prediction', {
          name: classNames[gates.predictedClass] ?? `#${gates.predictedClass}`,
          p: (gates.probability * 100).toFixed(1),
          steps,
        })}
        {gates.paddingSteps > 0 && ` ${t('gates.padding', { n: gates.paddingSteps })}`}
      </p>
      <div className="gate-units" role="group" aria-label={t('gates.units')}>
        <span>{t('gates.units')}</span>
        {Array.from({ length: trace.units }, (_, u) => (
          <button
            key={u}
            type="button"
            className="gate-unit"
            aria-pressed={shown.includes(u)}
            data-testid={`gate-unit-${u}`}
            onClick={() => toggle(u)}
          >
            {u}
          </button>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => setShown(ranked.slice(0, defaultUnitCount))}
        >
          {t('gates.topUnits', { n: defaultUnitCount })}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setShown(ranked.slice().sort((a, b) => a - b))}
        >
          {t('gates.allUnits')}
        </button>
      </div>
      <p className="panel-hint gate-hover" data-testid="gate-hover">
        {hover && hoverText
          ? t('gates.hover', {
              token: stepTokens[hover.step] ?? '',
              unit: hover.unit,
              values: hoverText,
            })
          : t('gates.hoverHint')}
      </p>
      <div className="gate-maps">
        <TokenAxis tokens={stepTokens} grid={grid} height={64} />
        {signals.map((signal) => {
          const values = trace.signals[signal] ?? new Float32Array(0);
          const scale = scaleOf(signal, values, shownSteps, shown, trace.units);
          return (
            <figure key={signal} className="gate-signal">
              <figcaption>
                <strong>{t(`gates.signal.${signal}`)}</strong>{' '}
                <span className="mono">{t(`gates.formula.${trace.cell}.${signal}`)}</span>
              </figcaption>
              <GateHeatmap
                values={values}
                columns={shownSteps}
                units={trace.units}
                shownUnits={shown}
                scale={scale}
                grid={grid}
                testId={`gate-map-${signal}`}
                ariaLabel={t(`gates.signal.${signal}`)}
                onHover={setHover}
              />
              <ColorLegend scale={scale} caption="" width={160} />
            </figure>
          );
        })}
      </div>
      <h4>{t('gates.impactTitle')}</h4>
      {unitImpact ? (
        <>
          <p className="panel-hint">{t('gates.impactHint')}</p>
          <table className="gate-impact" data-testid="gate-impact">
            <tbody>
              {topImpact.map((u) => {
                const v = unitImpact[u]!;
                return (
                  <tr key={u} onClick={() => toggle(u)} data-unit={u}>
                    <th>u{u}</th>
                    <td className="mono">{(v * 100).toFixed(2)}</td>
                    <td>
                      <span
                        className={v >= 0 ? 'gate-bar gate-bar-up' : 'gate-bar gate-bar-down'}
                        style={{ width: `${Math.round((80 * Math.abs(v)) / maxImpact)}px` }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <p className="panel-hint">{t('gates.noImpact')}</p>
      )}
    </div>
  );
}
