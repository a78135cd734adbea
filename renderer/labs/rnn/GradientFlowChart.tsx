import {
  GRADIENT_FLOW_DEFAULTS,
  MAX_GRADIENT_FLOW_STEPS,
  gradientFlow,
  type GradientFlowSeries,
  type GradientFlowSettings,
} from '@core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';

const W = 900;
const H = 340;
const PAD = { left: 70, right: 20, top: 16, bottom: 44 };
const SERIES: readonly GradientFlowSeries[] = ['tanh', 'relu', 'lstm'];
const FLOOR = 1e-12;

/**
 * ‖∂L/∂hₜ‖ per step (log scale) for a tanh RNN, a ReLU RNN and an LSTM on the same
 * random sequence, loss on the last step: the reason for the LSTM, as a picture.
 * Its settings are a demonstration, not part of the saved lab.
 */
export function GradientFlowChart() {
  const { t } = useTranslation('labs');
  const [s, setS] = useState<GradientFlowSettings>(GRADIENT_FLOW_DEFAULTS);
  const flow = useMemo(() => gradientFlow(s), [s]);
  const all = SERIES.flatMap((k) => flow.norms[k]).map((v) => Math.max(v, FLOOR));
  const lo = Math.floor(Math.log10(Math.min(...all)));
  const hi = Math.ceil(Math.log10(Math.max(...all)));
  const span = Math.max(1, hi - lo);
  const x = (step: number) =>
    PAD.left + ((step - 1) / Math.max(1, s.steps - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) =>
    PAD.top + ((hi - Math.log10(Math.max(v, FLOOR))) / span) * (H - PAD.top - PAD.bottom);
  const tickEvery = Math.max(1, Math.ceil(span / 8));
  const set = (patch: Partial<GradientFlowSettings>) => setS((o) => ({ ...o, ...patch }));

  return (
    <div className="rnn-flow" data-testid="rnn-flow">
      <div className="lab-row">
        <label className="lab-inline">
          {t('rnn.flow.steps')}
          <NumberInput
            value={s.steps}
            integer
            min={2}
            max={MAX_GRADIENT_FLOW_STEPS}
            testId="rnn-flow-steps"
            onChange={(v) => set({ steps: v })}
          />
        </label>
        <label className="lab-inline">
          {t('rnn.flow.scale')}
          <NumberInput
            value={s.scale}
            min={0}
            max={5}
            testId="rnn-flow-scale"
            onChange={(v) => set({ scale: v })}
          />
        </label>
        <label className="lab-inline">
          {t('rnn.flow.forgetBias')}
          <NumberInput
            value={s.forgetBias}
            min={-10}
            max={10}
            testId="rnn-flow-forget-bias"
            onChange={(v) => set({ forgetBias: v })}
          />
        </label>
        <label className="lab-inline">
          {t('bp.seed')}
          <NumberInput
            value={s.seed}
            integer
            min={0}
            max={1_000_000}
            testId="rnn-flow-seed"
            onChange={(v) => set({ seed: v })}
          />
        </label>
      </div>
      <svg
        className="rnn-flow-chart"
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('rnn.flow.title')}
      >
        {Array.from({ length: span + 1 }, (_, k) => hi - k)
          .filter((e) => (hi - e) % tickEvery === 0)
          .map((e) => (
            <g key={e}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(10 ** e)}
                y2={y(10 ** e)}
                className="lab-grid-line"
              />
              <text x={PAD.left - 8} y={y(10 ** e) + 5} textAnchor="end">
                1e{e}
              </text>
            </g>
          ))}
        {Array.from({ length: s.steps }, (_, k) => k + 1)
          .filter((k) => k === 1 || k === s.steps || k % Math.max(1, Math.ceil(s.steps / 10)) === 0)
          .map((k) => (
            <text key={k} x={x(k)} y={H - PAD.bottom + 20} textAnchor="middle">
              {k}
            </text>
          ))}
        <text x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle">
          {t('rnn.flow.axis')}
        </text>
        {SERIES.map((k) => (
          <polyline
            key={k}
            className={`rnn-flow-line rnn-flow-${k}`}
            data-testid={`rnn-flow-line-${k}`}
            data-first={flow.norms[k][0]}
            data-last={flow.norms[k].at(-1)}
            points={flow.norms[k]
              .map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`)
              .join(' ')}
          />
        ))}
      </svg>
      <ul className="rnn-flow-legend">
        {SERIES.map((k) => (
          <li key={k} data-testid={`rnn-flow-legend-${k}`}>
            <span className={`rnn-flow-swatch rnn-flow-${k}`} /> {t(`rnn.flow.series.${k}`)}:{' '}
            {t('rnn.flow.ratio', {
              first: (flow.norms[k][0] ?? 0).toExponential(1),
              last: (flow.norms[k].at(-1) ?? 0).toExponential(1),
              n: s.steps,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
