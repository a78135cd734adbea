import { formatNumber, hiddenGradientNorms, hasLossAt, type RnnTrace } from '@core';
import { useTranslation } from 'react-i18next';

const COL_W = 190;
const UNIT_GAP = 58;
const R = 25;
const X_GAP = 40;

/**
 * The RNN unrolled over time: one column per step with xₜ below, hₜ in the middle
 * (values inside the units), the loss above, W arrows from xₜ to hₜ and U arrows
 * from hₜ₋₁ to hₜ. Under each column, ‖∂L/∂hₜ‖: how much error reaches that step.
 * Clicking a column selects that step.
 */
export function UnrolledRnn({
  trace,
  selected,
  decimals,
  onSelect,
}: {
  readonly trace: RnnTrace;
  readonly selected: number;
  readonly decimals: number;
  readonly onSelect: (t: number) => void;
}) {
  const { t: tr } = useTranslation('labs');
  const p = trace.problem;
  const T = p.xs.length;
  const m = p.W.length;
  const n = p.W[0]?.length ?? 0;
  const d = Math.min(decimals, 3);
  const norms = hiddenGradientNorms(trace);
  const top = 70;
  const hTop = top + 20;
  const hBottom = hTop + m * UNIT_GAP;
  const xTop = hBottom + 60;
  const xBottom = xTop + n * X_GAP;
  const height = xBottom + 60;
  const width = 60 + (T + 1) * COL_W;
  const cx = (t: number) => 70 + t * COL_W;
  const hy = (j: number) => hTop + UNIT_GAP / 2 + j * UNIT_GAP;
  const xy = (i: number) => xTop + X_GAP / 2 + i * X_GAP;
  const hMid = (hTop + hBottom) / 2;

  return (
    <svg
      className="rnn-diagram"
      data-testid="rnn-diagram"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={tr('rnn.diagram')}
    >
      <defs>
        <marker
          id="rnn-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="rnn-arrow-head" />
        </marker>
      </defs>
      {Array.from({ length: T }, (_, k) => {
        const t = k + 1;
        return (
          <g
            key={`col-${t}`}
            className={`rnn-col${t === selected ? ' rnn-selected' : ''}`}
            data-testid={`rnn-col-${t}`}
            onClick={() => onSelect(t)}
          >
            <rect
              x={cx(t) - COL_W / 2 + 10}
              y={8}
              width={COL_W - 20}
              height={height - 16}
              rx={10}
            />
            <text x={cx(t)} y={28} textAnchor="middle" className="rnn-col-title">
              t = {t}
            </text>
            {hasLossAt(p, k) ? (
              <text
                x={cx(t)}
                y={52}
                textAnchor="middle"
                className="rnn-loss"
                data-testid={`rnn-loss-${t}`}
              >
                L{t} = {formatNumber(trace.stepLosses[k] ?? 0, d)}
              </text>
            ) : null}
            <line
              x1={cx(t)}
              y1={xTop - 4}
              x2={cx(t)}
              y2={hBottom + 4}
              className="rnn-edge"
              markerEnd="url(#rnn-arrow)"
            />
            <text x={cx(t) + 8} y={(xTop + hBottom) / 2 + 5} className="rnn-edge-label">
              W
            </text>
            <line
              x1={cx(t - 1) + R + 8}
              y1={hMid}
              x2={cx(t) - R - 8}
              y2={hMid}
              className="rnn-edge"
              markerEnd="url(#rnn-arrow)"
            />
            <text
              x={(cx(t - 1) + cx(t)) / 2}
              y={hMid - 8}
              textAnchor="middle"
              className="rnn-edge-label"
            >
              U
            </text>
            {Array.from({ length: n }, (_, i) => (
              <g key={`x-${i}`}>
                <rect
                  x={cx(t) - 42}
                  y={xy(i) - 15}
                  width={84}
                  height={30}
                  rx={5}
                  className="rnn-x"
                />
                <text x={cx(t)} y={xy(i) + 5} textAnchor="middle">
                  {formatNumber(p.xs[k]?.[i] ?? 0, d)}
                </text>
              </g>
            ))}
            <text
              x={cx(t)}
              y={xBottom + 22}
              textAnchor="middle"
              className="rnn-norm"
              data-testid={`rnn-norm-${t}`}
            >
              ‖∂L/∂h{t}‖ = {formatNumber(norms[k] ?? 0, d)}
            </text>
          </g>
        );
      })}
      {Array.from({ length: T + 1 }, (_, t) =>
        Array.from({ length: m }, (_, j) => (
          <g
            key={`h-${t}-${j}`}
            className={`rnn-unit${t === 0 ? ' rnn-h0' : ''}`}
            data-testid={`rnn-h-${t}-${j + 1}`}
          >
            <circle cx={cx(t)} cy={hy(j)} r={R} />
            <text x={cx(t)} y={hy(j) - 5} textAnchor="middle" className="rnn-unit-name">
              h{t}[{j + 1}]
            </text>
            <text x={cx(t)} y={hy(j) + 12} textAnchor="middle">
              {formatNumber(trace.hs[t]?.[j] ?? 0, d)}
            </text>
          </g>
        )),
      )}
      <text x={cx(0)} y={xy(0) + 5} textAnchor="middle" className="rnn-edge-label">
        x
      </text>
    </svg>
  );
}
