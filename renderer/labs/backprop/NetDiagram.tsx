import { formatNumber, type BackpropTrace } from '@core';

import type { Revealed } from './backprop-steps';
import { layoutNetDiagram, UNIT_R } from './net-diagram-layout';

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
  const { layers, width, height, pos, edges, labels, d, errors } = layoutNetDiagram(
    trace,
    revealed.currentParameter,
    decimals,
  );
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
      {edges.map((e) => {
        const current = revealed.currentParameter === e.id;
        const done = revealed.gradients.has(e.id);
        const label = labels.get(e.id);
        return (
          <g
            key={e.id}
            className={`bp-edge${current ? ' bp-current' : ''}${done ? ' bp-done' : ''}`}
            data-testid={`bp-edge-${e.id}`}
          >
            <line x1={e.a.x} y1={e.a.y} x2={e.b.x} y2={e.b.y} />
            {label ? (
              <text
                x={label.x}
                y={label.y}
                textAnchor="middle"
                dominantBaseline="central"
                data-label-free={label.free}
                transform={`rotate(${label.angle.toFixed(1)} ${label.x.toFixed(1)} ${label.y.toFixed(1)})`}
              >
                {e.text}
              </text>
            ) : null}
          </g>
        );
      })}
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
