import { formatNumber, type BackpropTrace } from '@core';

import type { Revealed } from './backprop-steps';

const UNIT_R = 34;
const COL_W = 230;
const ROW_H = 92;

/** The net as columns of units with In/Out (and δ once computed) and weight-labelled edges. */
export function NetDiagram({
  trace,
  revealed,
  decimals,
}: {
  readonly trace: BackpropTrace;
  readonly revealed: Revealed;
  readonly decimals: number;
}) {
  const layers = trace.forward;
  const maxUnits = Math.max(...layers.map((l) => l.length));
  const width = COL_W * (layers.length - 1) + 2 * (UNIT_R + 50);
  const height = Math.max(ROW_H * maxUnits, 160) + 40;
  const pos = (layer: number, index: number) => {
    const n = layers[layer]?.length ?? 1;
    return {
      x: UNIT_R + 50 + layer * COL_W,
      y: 20 + height / 2 - 20 + (index - (n - 1) / 2) * ROW_H,
    };
  };
  const d = Math.min(decimals, 4);
  const gradByName = new Map(trace.gradients.map((g) => [g.name, g]));
  const errors = new Map(trace.errors.flat().map((e) => [e.name, e]));

  return (
    <svg
      className="bp-diagram"
      data-testid="bp-diagram"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="network"
    >
      {layers.slice(1).map((layer, l0) =>
        layer.map((u) =>
          u.terms.map((term, i) => {
            const a = pos(l0, i);
            const b = pos(l0 + 1, u.index);
            const current = revealed.currentParameter === term.weight;
            const done = revealed.gradients.has(term.weight);
            // Labels sit along the edge near its source, where edges from one unit fan out,
            // rotated with the edge so labels of neighbouring edges do not collide.
            const x1 = a.x + UNIT_R;
            const x2 = b.x - UNIT_R;
            const t = current ? 0.5 : 0.16 + 0.13 * (u.index % 3);
            const lx = x1 + (x2 - x1) * t;
            const ly = a.y + (b.y - a.y) * t;
            const angle = (Math.atan2(b.y - a.y, x2 - x1) * 180) / Math.PI;
            return (
              <g
                key={term.weight}
                className={`bp-edge${current ? ' bp-current' : ''}${done ? ' bp-done' : ''}`}
                data-testid={`bp-edge-${term.weight}`}
              >
                <line x1={x1} y1={a.y} x2={x2} y2={b.y} />
                <text
                  x={lx}
                  y={ly - 4}
                  textAnchor="middle"
                  transform={`rotate(${angle.toFixed(1)} ${lx.toFixed(1)} ${ly.toFixed(1)})`}
                >
                  {term.weight}={formatNumber(term.w, 2)}
                  {current
                    ? `, ∂L/∂${term.weight}=${formatNumber(gradByName.get(term.weight)?.gradient ?? 0, d)}`
                    : ''}
                </text>
              </g>
            );
          }),
        ),
      )}
      {layers.map((layer) =>
        layer.map((u) => {
          const p = pos(u.layer, u.index);
          const shown = revealed.units.has(u.name);
          const current = revealed.currentUnit === u.name;
          const e = errors.get(u.name);
          return (
            <g
              key={u.name}
              className={`bp-unit${current ? ' bp-current' : ''}${shown ? ' bp-shown' : ''}`}
              data-testid={`bp-unit-${u.name}`}
            >
              <circle cx={p.x} cy={p.y} r={UNIT_R} />
              <text x={p.x} y={p.y - 8} textAnchor="middle" className="bp-unit-name">
                {u.name}
              </text>
              {u.layer === 0 ? (
                <text x={p.x} y={p.y + 12} textAnchor="middle">
                  {formatNumber(u.Out, d)}
                </text>
              ) : shown ? (
                <>
                  <text
                    x={p.x}
                    y={p.y + 8}
                    textAnchor="middle"
                    className="bp-small"
                    data-testid={`bp-in-${u.name}`}
                  >
                    In {formatNumber(u.In, d)}
                  </text>
                  <text
                    x={p.x}
                    y={p.y + 21}
                    textAnchor="middle"
                    className="bp-small"
                    data-testid={`bp-out-${u.name}`}
                  >
                    Out {formatNumber(u.Out, d)}
                  </text>
                </>
              ) : null}
              {e && revealed.deltas.has(u.name) ? (
                <text
                  x={p.x}
                  y={p.y + UNIT_R + 14}
                  textAnchor="middle"
                  className="bp-delta"
                  data-testid={`bp-delta-${u.name}`}
                >
                  δ={formatNumber(e.delta, d)}
                </text>
              ) : null}
            </g>
          );
        }),
      )}
    </svg>
  );
}
