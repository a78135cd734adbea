import {
  RNN_LIMITS,
  lstmForward,
  lstmGates,
  lstmStepFormulas,
  type FormulaLine,
  type LstmGate,
  type LstmLabState,
  type LstmWeights,
} from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { MatrixEditor } from '../rnn/MatrixEditor';
import { withCell } from '../rnn/rnn-state';
import { LstmCellDiagram } from './LstmCellDiagram';

export interface LstmLabProps {
  readonly initial: LstmLabState;
  readonly onChange: (state: LstmLabState) => void;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const resize = (M: readonly (readonly number[])[], rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => M[r]?.[c] ?? 0));

function resizeLstm(s: LstmLabState, n: number, m: number, T: number): LstmLabState {
  const g = (x: LstmLabState['gates']['i']) => ({
    W: resize(x.W, m, n),
    U: resize(x.U, m, m),
    b: Array.from({ length: m }, (_, j) => x.b[j] ?? 0),
  });
  return {
    ...s,
    gates: { i: g(s.gates.i), f: g(s.gates.f), c: g(s.gates.c), o: g(s.gates.o) },
    xs: resize(s.xs, T, n),
    selectedStep: Math.min(s.selectedStep, T),
  };
}

function Formula({ line, testId }: { readonly line: FormulaLine; readonly testId: string }) {
  return (
    <p className="bp-formula mono" data-testid={testId}>
      {line.lhs} = {line.symbolic} = {line.substituted} ={' '}
      <strong data-testid={`${testId}-result`}>{line.result}</strong>
    </p>
  );
}

/** LSTM gates by hand: typed weights per gate, the cell drawn, every gate value and cₜ per step. */
export function LstmLab({ initial, onChange }: LstmLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<LstmLabState>(initial);
  const [unit, setUnit] = useState(1);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);
  const n = state.xs[0]?.length ?? 1;
  const m = state.gates.i.b.length;
  const T = state.xs.length;
  const sel = Math.min(state.selectedStep, T);
  const j = Math.min(unit, m) - 1;
  const d = state.decimals;
  const weights = state.gates as LstmWeights;
  const steps = useMemo(() => lstmForward(weights, state.xs), [weights, state.xs]);
  const lines = lstmStepFormulas(weights, state.xs, steps, sel, j, d);
  const step = steps[sel - 1];
  const setGate = (g: LstmGate, key: 'W' | 'U' | 'b', r: number, c: number, v: number) =>
    setState((s) => {
      const old = s.gates[g];
      const next =
        key === 'b'
          ? { ...old, b: old.b.map((x, k) => (k === r ? v : x)) }
          : { ...old, [key]: withCell(old[key], r, c, v) };
      return { ...s, gates: { ...s.gates, [g]: next } };
    });
  const sizeSelect = (key: 'inputs' | 'units' | 'steps', value: number, max: number) => (
    <label className="lab-field">
      <span>{t(`rnn.${key}`)}</span>
      <select
        data-testid={`lstm-${key}`}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          setState((s) =>
            resizeLstm(
              s,
              key === 'inputs' ? v : n,
              key === 'units' ? v : m,
              key === 'steps' ? v : T,
            ),
          );
        }}
      >
        {range(max).map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="rnn-lab">
      <section className="lab-panel" aria-label={t('lstm.setup')}>
        <div className="lab-row">
          {sizeSelect('inputs', n, RNN_LIMITS.maxInputs)}
          {sizeSelect('units', m, RNN_LIMITS.maxUnits)}
          {sizeSelect('steps', T, RNN_LIMITS.maxSteps)}
          <label className="lab-field">
            <span>{t('bp.decimals')}</span>
            <select
              data-testid="lstm-decimals"
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
        <p className="muted small">{t('lstm.layout')}</p>
        {lstmGates.map((g) => (
          <div key={g} className="lab-row rnn-matrices">
            <strong className="lstm-gate-title">{t(`lstm.gates.${g}`)}</strong>
            <MatrixEditor
              label={`W_${g}`}
              values={state.gates[g].W}
              rowLabel={(r) => `[${r + 1}]`}
              colLabel={(c) => `x[${c + 1}]`}
              testId={`lstm-W${g}`}
              onChange={(r, c, v) => setGate(g, 'W', r, c, v)}
            />
            <MatrixEditor
              label={`U_${g}`}
              values={state.gates[g].U}
              rowLabel={(r) => `[${r + 1}]`}
              colLabel={(c) => `hₜ₋₁[${c + 1}]`}
              testId={`lstm-U${g}`}
              onChange={(r, c, v) => setGate(g, 'U', r, c, v)}
            />
            <MatrixEditor
              label={`b_${g}`}
              values={state.gates[g].b.map((v) => [v])}
              rowLabel={(r) => `[${r + 1}]`}
              colLabel={() => 'b'}
              testId={`lstm-b${g}`}
              onChange={(r, c, v) => setGate(g, 'b', r, c, v)}
            />
          </div>
        ))}
        <MatrixEditor
          label={t('rnn.sequence')}
          values={state.xs}
          rowLabel={(r) => `x${r + 1}`}
          colLabel={(c) => `[${c + 1}]`}
          testId="lstm-x"
          onChange={(r, c, v) => setState((s) => ({ ...s, xs: withCell(s.xs, r, c, v) }))}
        />
      </section>
      {step ? (
        <section className="lab-panel" aria-label={t('lstm.cell')}>
          <div className="lab-row">
            <strong>{t('rnn.chooseStep')}</strong>
            {range(T).map((k) => (
              <button
                key={k}
                type="button"
                className={`btn${k === sel ? ' btn-primary' : ''}`}
                aria-pressed={k === sel}
                data-testid={`lstm-step-${k}`}
                onClick={() => setState((s) => ({ ...s, selectedStep: k }))}
              >
                t = {k}
              </button>
            ))}
            {m > 1 ? (
              <label className="lab-field">
                <span>{t('lstm.unit')}</span>
                <select
                  data-testid="lstm-unit"
                  value={j + 1}
                  onChange={(e) => setUnit(Number(e.target.value))}
                >
                  {range(m).map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <div className="bp-diagram-wrap">
            <LstmCellDiagram
              label={t('lstm.cell')}
              step={step}
              prev={{ h: steps[sel - 2]?.h[j] ?? 0, c: steps[sel - 2]?.cell[j] ?? 0 }}
              t={sel}
              j={j}
              decimals={d}
            />
          </div>
          {lines.map((l) => (
            <div key={l.gate}>
              {l.sum ? <Formula line={l.sum} testId={`lstm-line-z-${l.gate}`} /> : null}
              <Formula line={l.line} testId={`lstm-line-${l.gate}`} />
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
