import {
  RNN_LIMITS,
  formatNumber,
  rnnActivations,
  rnnAnswerKeyHtml,
  rnnAnswerKeyMarkdown,
  rnnLossAts,
  rnnLosses,
  traceRnn,
  updatedRnnProblem,
  validateRnnProblem,
  type FormulaLine,
  type RnnLabState,
} from '@core';
import {
  rnnActivationFormula,
  rnnDLdhFormula,
  rnnDeltaFormula,
  rnnGradientFormula,
  rnnStepLossFormula,
  rnnSumFormula,
  rnnTotalLossFormula,
  rnnUpdateFormula,
} from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AnswerKeyExport } from '../AnswerKeyExport';
import { NumberInput } from '../NumberInput';
import { GradientFlowChart } from './GradientFlowChart';
import { MatrixEditor } from './MatrixEditor';
import { resizeRnnState, rnnProblemOf, withCell } from './rnn-state';
import { UnrolledRnn } from './UnrolledRnn';

export interface RnnLabProps {
  readonly initial: RnnLabState;
  readonly onChange: (state: RnnLabState) => void;
}

function Formula({ line, testId }: { readonly line: FormulaLine; readonly testId: string }) {
  return (
    <p className="bp-formula mono" data-testid={testId}>
      {line.lhs} = {line.symbolic} = {line.substituted} ={' '}
      <strong data-testid={`${testId}-result`}>{line.result}</strong>
    </p>
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** W[1,2] → W-1-2, for test ids. */
const idOf = (name: string) => name.replace(/[[\],]+/g, '-').replace(/-$/, '');

/** A SimpleRNN by hand: the unrolled net, each step's products, BPTT and the gradient sums. */
export function RnnLab({ initial, onChange }: RnnLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<RnnLabState>(initial);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);

  const problem = useMemo(() => rnnProblemOf(state), [state]);
  const valid = validateRnnProblem(problem);
  const trace = useMemo(() => (valid.ok ? traceRnn(problem) : null), [valid.ok, problem]);
  const d = state.decimals;
  const n = state.W[0]?.length ?? 1;
  const m = state.W.length;
  const T = state.xs.length;
  const sel = Math.min(state.selectedStep, T);
  const setSizes = (s: Partial<{ inputs: number; units: number; steps: number }>) =>
    setState((o) => resizeRnnState(o, { inputs: n, units: m, steps: T, ...s }));
  const targetSteps = range(1, T).filter((k) => state.lossAt === 'every' || k === T);

  const applyUpdate = () => {
    if (!trace) return;
    const next = updatedRnnProblem(problem, trace.gradients);
    setState((s) => ({
      ...s,
      W: next.W.map((r) => [...r]),
      U: next.U.map((r) => [...r]),
      b: [...next.b],
    }));
  };

  const sizeSelect = (key: 'inputs' | 'units' | 'steps', value: number, max: number) => (
    <label className="lab-field">
      <span>{t(`rnn.${key}`)}</span>
      <select
        data-testid={`rnn-${key}`}
        value={value}
        onChange={(e) => setSizes({ [key]: Number(e.target.value) })}
      >
        {range(1, max).map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="rnn-lab">
      <section className="lab-panel" aria-label={t('rnn.setup')}>
        <div className="lab-row">
          {sizeSelect('inputs', n, RNN_LIMITS.maxInputs)}
          {sizeSelect('units', m, RNN_LIMITS.maxUnits)}
          {sizeSelect('steps', T, RNN_LIMITS.maxSteps)}
          <label className="lab-field">
            <span>g</span>
            <select
              data-testid="rnn-activation"
              value={state.activation}
              onChange={(e) => setState((s) => ({ ...s, activation: e.target.value }))}
            >
              {rnnActivations.map((a) => (
                <option key={a} value={a}>
                  {a === 'tanh' ? 'tanh' : 'ReLU'}
                </option>
              ))}
            </select>
          </label>
          <label className="lab-field">
            <span>{t('rnn.loss')}</span>
            <select
              data-testid="rnn-loss"
              value={state.loss}
              onChange={(e) => setState((s) => ({ ...s, loss: e.target.value }))}
            >
              {rnnLosses.map((k) => (
                <option key={k} value={k}>
                  {t(`rnn.lossKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="lab-field">
            <span>{t('rnn.lossAt')}</span>
            <select
              data-testid="rnn-loss-at"
              value={state.lossAt}
              onChange={(e) => setState((s) => ({ ...s, lossAt: e.target.value }))}
            >
              {rnnLossAts.map((k) => (
                <option key={k} value={k}>
                  {t(`rnn.lossAtKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="lab-field">
            <span>η</span>
            <NumberInput
              value={state.eta}
              testId="rnn-eta"
              onChange={(v) => setState((s) => ({ ...s, eta: v }))}
            />
          </label>
          <label className="lab-field">
            <span>{t('bp.decimals')}</span>
            <select
              data-testid="rnn-decimals"
              value={d}
              onChange={(e) => setState((s) => ({ ...s, decimals: Number(e.target.value) }))}
            >
              {[2, 3, 4, 5, 6, 8].map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="lab-row rnn-matrices">
          <MatrixEditor
            label={t('rnn.matrixW')}
            values={state.W}
            rowLabel={(r) => `h[${r + 1}]`}
            colLabel={(c) => `x[${c + 1}]`}
            testId="rnn-W"
            onChange={(r, c, v) => setState((s) => ({ ...s, W: withCell(s.W, r, c, v) }))}
          />
          <MatrixEditor
            label={t('rnn.matrixU')}
            values={state.U}
            rowLabel={(r) => `h[${r + 1}]`}
            colLabel={(c) => `hₜ₋₁[${c + 1}]`}
            testId="rnn-U"
            onChange={(r, c, v) => setState((s) => ({ ...s, U: withCell(s.U, r, c, v) }))}
          />
          <MatrixEditor
            label="b"
            values={state.b.map((v) => [v])}
            rowLabel={(r) => `h[${r + 1}]`}
            colLabel={() => 'b'}
            testId="rnn-b"
            onChange={(r, _c, v) =>
              setState((s) => ({ ...s, b: s.b.map((x, j) => (j === r ? v : x)) }))
            }
          />
          <MatrixEditor
            label={t('rnn.sequence')}
            values={state.xs}
            rowLabel={(r) => `x${r + 1}`}
            colLabel={(c) => `[${c + 1}]`}
            testId="rnn-x"
            onChange={(r, c, v) => setState((s) => ({ ...s, xs: withCell(s.xs, r, c, v) }))}
          />
          <MatrixEditor
            label={t('rnn.targets')}
            values={targetSteps.map((k) => state.ys[k - 1] ?? [])}
            rowLabel={(r) => `y${targetSteps[r] ?? 0}`}
            colLabel={(c) => `[${c + 1}]`}
            testId="rnn-y"
            onChange={(r, c, v) =>
              setState((s) => ({ ...s, ys: withCell(s.ys, (targetSteps[r] ?? 1) - 1, c, v) }))
            }
          />
        </div>
        {!valid.ok ? (
          <p className="lab-error" role="alert" data-testid="rnn-error">
            {t(`errors.${valid.error.code}`)}
          </p>
        ) : null}
      </section>
      {trace ? (
        <>
          <section className="lab-panel" aria-label={t('rnn.diagram')}>
            <h2>{t('rnn.diagram')}</h2>
            <p className="muted small">{t('rnn.diagramHint')}</p>
            <div className="bp-diagram-wrap">
              <UnrolledRnn
                trace={trace}
                selected={sel}
                decimals={d}
                onSelect={(k) => setState((s) => ({ ...s, selectedStep: k }))}
              />
            </div>
          </section>
          <section className="lab-panel" aria-label={t('rnn.stepDetail')}>
            <div className="lab-row" role="group" aria-label={t('rnn.chooseStep')}>
              <strong>{t('rnn.chooseStep')}</strong>
              {range(1, T).map((k) => (
                <button
                  key={k}
                  type="button"
                  className={`btn${k === sel ? ' btn-primary' : ''}`}
                  aria-pressed={k === sel}
                  data-testid={`rnn-step-${k}`}
                  onClick={() => setState((s) => ({ ...s, selectedStep: k }))}
                >
                  t = {k}
                </button>
              ))}
            </div>
            <h3>{t('rnn.forwardAt', { t: sel })}</h3>
            <p className="mono muted">
              hₜ = {state.activation === 'tanh' ? 'tanh' : 'ReLU'}(W·xₜ + U·hₜ₋₁ + b), h0 = 0
            </p>
            {(trace.forward[sel - 1] ?? []).map((u) => (
              <div key={u.j}>
                <Formula line={rnnSumFormula(u, d)} testId={`rnn-line-sum-${u.j + 1}`} />
                <Formula
                  line={rnnActivationFormula(trace, u, d)}
                  testId={`rnn-line-h-${u.j + 1}`}
                />
              </div>
            ))}
            {targetSteps.includes(sel) ? (
              <Formula line={rnnStepLossFormula(trace, sel, d)} testId="rnn-line-step-loss" />
            ) : null}
            <Formula line={rnnTotalLossFormula(trace, d)} testId="rnn-line-loss" />
            <h3>{t('rnn.bpttAt', { t: sel })}</h3>
            <p className="muted small">{t('rnn.bpttHint')}</p>
            {(trace.errors[sel - 1] ?? []).map((e) => (
              <div key={e.j}>
                <Formula line={rnnDLdhFormula(trace, e, d)} testId={`rnn-line-dldh-${e.j + 1}`} />
                <Formula line={rnnDeltaFormula(trace, e, d)} testId={`rnn-line-delta-${e.j + 1}`} />
              </div>
            ))}
          </section>
          <section className="lab-panel" aria-label={t('rnn.gradients')}>
            <h2>{t('rnn.gradients')}</h2>
            <p className="muted small">{t('rnn.gradientsHint')}</p>
            {trace.gradients.map((g) => {
              const line = rnnGradientFormula(g, d);
              return (
                <div key={g.name} className="rnn-gradient">
                  <p className="bp-formula mono" data-testid={`rnn-grad-${idOf(g.name)}`}>
                    {line.lhs} = {line.symbolic} = {line.substituted} ={' '}
                    <strong data-testid={`rnn-grad-${idOf(g.name)}-result`} data-value={g.gradient}>
                      {line.result}
                    </strong>
                  </p>
                  <Formula
                    line={rnnUpdateFormula(trace, g, d)}
                    testId={`rnn-update-${idOf(g.name)}`}
                  />
                </div>
              );
            })}
            <p data-testid="rnn-loss-change">
              {t('bp.lossChange', {
                before: formatNumber(trace.loss, d),
                after: formatNumber(trace.lossAfter, d),
              })}
            </p>
            <div className="lab-row">
              <button
                type="button"
                className="btn btn-primary"
                data-testid="rnn-apply-update"
                onClick={applyUpdate}
              >
                {t('bp.applyUpdate')}
              </button>
              <span className="lab-header-spacer" />
              <AnswerKeyExport
                testIdPrefix="rnn"
                fileName="rnn-answer-key"
                markdown={(language) => (trace ? rnnAnswerKeyMarkdown(trace, language, d) : null)}
                html={(language) => (trace ? rnnAnswerKeyHtml(trace, language, d) : null)}
              />
            </div>
          </section>
        </>
      ) : null}
      <section className="lab-panel" aria-label={t('rnn.flow.title')}>
        <h2>{t('rnn.flow.title')}</h2>
        <p className="muted small">{t('rnn.flow.hint')}</p>
        <GradientFlowChart />
      </section>
    </div>
  );
}
