import {
  answerKeyHtml,
  answerKeyMarkdown,
  backpropProblemOfState,
  backpropLosses,
  traceBackprop,
  validateBackpropProblem,
  type BackpropLabState,
} from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AnswerKeyExport } from '../AnswerKeyExport';
import { buildSteps, revealedAt } from './backprop-steps';
import { NetDiagram } from './NetDiagram';
import { LockedGroup } from '../LockedGroup';
import { useFieldLocked } from '../lab-mode';
import { ParameterEditor } from './ParameterEditor';
import { StepDetail } from './StepDetail';
import { StructureEditor } from './StructureEditor';

export interface BackpropLabProps {
  readonly initial: BackpropLabState;
  readonly onChange: (state: BackpropLabState) => void;
}

/** Backpropagation by hand: forward one unit at a time, backward one weight at a time. */
export function BackpropLab({ initial, onChange }: BackpropLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<BackpropLabState>(initial);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);

  const problem = useMemo(() => backpropProblemOfState(state), [state]);
  const valid = validateBackpropProblem(problem);
  const trace = useMemo(() => (valid.ok ? traceBackprop(problem) : null), [valid.ok, problem]);
  const steps = useMemo(() => (trace ? buildSteps(trace) : []), [trace]);
  const at = Math.min(state.step, Math.max(0, steps.length - 1));
  const step = steps[at];
  const d = state.decimals;
  const setStep = (n: number) =>
    setState((s) => ({ ...s, step: Math.max(0, Math.min(n, steps.length - 1)) }));
  const firstBackward = steps.findIndex((s) => s.kind === 'gradient');
  const lastStep = steps.length - 1;

  // ← / → step through the trace, unless the user is typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const delta = e.key === 'ArrowRight' ? 1 : -1;
      setState((s) => ({ ...s, step: Math.max(0, Math.min(s.step + delta, lastStep)) }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lastStep]);

  // Applying the update rewrites the weights and biases: not when the teacher locked them.
  const updateLocked = useFieldLocked('kernels', 'biases');
  const applyUpdate = () => {
    if (!trace || updateLocked) return;
    setState((s) => ({
      ...s,
      kernels: trace.updatedNet.kernels.map((k) => k.map((r) => [...r])),
      biases: trace.updatedNet.biases.map((b) => (b ? [...b] : null)),
      step: 0,
    }));
  };

  return (
    <div className="bp-lab">
      <section className="lab-panel" aria-label={t('bp.setup')}>
        {/* Structure edits rebuild the weights, so a lock on any of them locks the whole editor. */}
        <LockedGroup fields={['layerSizes', 'activations', 'kernels', 'biases']}>
          <StructureEditor state={state} onChange={setState} />
        </LockedGroup>
        <ParameterEditor state={state} onChange={setState} />
        {state.layerSizes.join('-') === '3-2-3' ? (
          <p className="muted small" data-testid="bp-example-values">
            {t('bp.exampleValues')}
          </p>
        ) : null}
        <div className="lab-row">
          <LockedGroup fields={['loss']}>
            <label className="lab-field">
              <span>{t('bp.loss')}</span>
              <select
                data-testid="bp-loss"
                value={state.loss}
                onChange={(e) => setState((s) => ({ ...s, loss: e.target.value }))}
              >
                {backpropLosses.map((k) => (
                  <option key={k} value={k}>
                    {t(`bp.lossKinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </LockedGroup>
          <LockedGroup fields={['eta']}>
            <label className="lab-field">
              <span>η</span>
              <input
                className="lab-number"
                data-testid="bp-eta"
                inputMode="decimal"
                defaultValue={state.eta}
                onChange={(e) => {
                  const v = Number(e.target.value.replace(',', '.'));
                  if (e.target.value.trim() !== '' && Number.isFinite(v))
                    setState((s) => ({ ...s, eta: v }));
                }}
              />
            </label>
          </LockedGroup>
          <label className="lab-field">
            <span>{t('bp.decimals')}</span>
            <select
              data-testid="bp-decimals"
              value={d}
              onChange={(e) => setState((s) => ({ ...s, decimals: Number(e.target.value) }))}
            >
              {[2, 3, 4, 5, 6, 8].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        {!valid.ok ? (
          <p className="lab-error" role="alert" data-testid="bp-error">
            {t(`errors.${valid.error.code}`)}
          </p>
        ) : null}
      </section>
      {trace && step ? (
        <>
          <section className="lab-panel bp-walk" aria-label={t('bp.walk')}>
            <div className="lab-row bp-nav">
              <button
                type="button"
                className="btn"
                data-testid="bp-first"
                onClick={() => setStep(0)}
                disabled={at === 0}
                aria-label={t('bp.first')}
              >
                «
              </button>
              <button
                type="button"
                className="btn"
                data-testid="bp-prev"
                onClick={() => setStep(at - 1)}
                disabled={at === 0}
              >
                ← {t('bp.prev')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="bp-next"
                onClick={() => setStep(at + 1)}
                disabled={at >= steps.length - 1}
              >
                {t('bp.next')} →
              </button>
              <button
                type="button"
                className="btn"
                data-testid="bp-to-backward"
                onClick={() => setStep(firstBackward)}
              >
                {t('bp.toBackward')}
              </button>
              <button
                type="button"
                className="btn"
                data-testid="bp-last"
                onClick={() => setStep(steps.length - 1)}
                disabled={at >= steps.length - 1}
                aria-label={t('bp.last')}
              >
                »
              </button>
              <span className="muted small" data-testid="bp-step-counter" data-step-id={step.id}>
                {t('bp.stepOf', { n: at, total: steps.length - 1 })} ·{' '}
                {t(
                  `bp.phase.${step.kind === 'gradient' ? 'backward' : step.kind === 'update' ? 'update' : step.kind === 'start' ? 'start' : 'forward'}`,
                )}
              </span>
            </div>
            <div className="bp-diagram-wrap">
              <NetDiagram trace={trace} revealed={revealedAt(trace, steps, at)} decimals={d} />
            </div>
            <div className="bp-detail" data-testid="bp-step-detail">
              <StepDetail trace={trace} step={step} decimals={d} />
            </div>
            <div className="lab-row">
              <button
                type="button"
                className="btn btn-primary"
                data-testid="bp-apply-update"
                onClick={applyUpdate}
                disabled={updateLocked}
                title={updateLocked ? t('bp.updateLocked') : undefined}
              >
                {t('bp.applyUpdate')}
              </button>
              <span className="lab-header-spacer" />
              <AnswerKeyExport
                testIdPrefix="bp"
                fileName="backprop-answer-key"
                markdown={(language) => (trace ? answerKeyMarkdown(trace, language, d) : null)}
                html={(language) => (trace ? answerKeyHtml(trace, language, d) : null)}
              />
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
