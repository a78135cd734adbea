import type { GanDiscriminator, GanGenerator, GanPoint } from '@core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { boundarySegment, decisionSurface, planeView } from './gan-plane-view';

export interface GanPlaneProps {
  readonly real: readonly GanPoint[];
  readonly fakes: readonly GanPoint[];
  /** Where the G step moves the fakes (drawn as arrows), once it has been taken. */
  readonly moved: readonly GanPoint[] | null;
  readonly generator: GanGenerator;
  /** The D whose decision surface shades the plane. */
  readonly discriminator: GanDiscriminator;
}

const SIZE = 360;
const REAL = '#1f8a4c';
const FAKE = '#c2410c';

/**
 * The 2-D toy: D's decision surface shaded over the plane (green where D says "real",
 * orange where it says "fake", white at D = 0.5 on the dashed boundary), the real points, the
 * fakes G(zⱼ) on the generator's line c + a·z, and after the G step arrows to where they move.
 */
export function GanPlane({ real, fakes, moved, generator, discriminator }: GanPlaneProps) {
  const { t } = useTranslation('labs');
  const clip = useId();
  const arrow = useId();
  const view = planeView([...real, ...fakes, ...(moved ?? [])]);
  const span = view.max - view.min;
  const px = (x: number) => ((x - view.min) / span) * SIZE;
  const py = (y: number) => SIZE - ((y - view.min) / span) * SIZE;
  const cells = decisionSurface(discriminator, view);
  const edge = boundarySegment(discriminator, view);
  const [a, c] = [generator.a, generator.c];
  const far = span * 4;
  const norm = Math.hypot(a[0], a[1]);
  const gLine =
    norm > 0
      ? ([
          [c[0] - (a[0] / norm) * far, c[1] - (a[1] / norm) * far],
          [c[0] + (a[0] / norm) * far, c[1] + (a[1] / norm) * far],
        ] as const)
      : null;
  const ticks = [view.min, view.min / 2, 0, view.max / 2, view.max];

  return (
    <figure className="gan-plane">
      <svg
        width={SIZE + 40}
        height={SIZE + 28}
        viewBox={`-34 -6 ${SIZE + 40} ${SIZE + 28}`}
        role="img"
        aria-label={t('gan.plane.label')}
        data-testid="gan-plane"
      >
        <defs>
          <clipPath id={clip}>
            <rect x={0} y={0} width={SIZE} height={SIZE} />
          </clipPath>
          <marker
            id={arrow}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={FAKE} />
          </marker>
        </defs>
        <g clipPath={`url(#${clip})`}>
          {/* Exact, non-overlapping cells with crisp edges: overlapping translucent cells draw a grid. */}
          <g shapeRendering="crispEdges">
            {cells.map((cell, i) => (
              <rect
                key={i}
                x={px(cell.x)}
                y={py(cell.y + cell.size)}
                width={(cell.size / span) * SIZE}
                height={(cell.size / span) * SIZE}
                fill={cell.D >= 0.5 ? REAL : FAKE}
                fillOpacity={Math.abs(cell.D - 0.5) * 0.7}
              />
            ))}
          </g>
          <line x1={px(0)} x2={px(0)} y1={0} y2={SIZE} stroke="#9aa3af" strokeWidth={0.8} />
          <line x1={0} x2={SIZE} y1={py(0)} y2={py(0)} stroke="#9aa3af" strokeWidth={0.8} />
          {edge ? (
            <line
              data-testid="gan-boundary"
              x1={px(edge[0][0])}
              y1={py(edge[0][1])}
              x2={px(edge[1][0])}
              y2={py(edge[1][1])}
              stroke="#111827"
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
          ) : null}
          {gLine ? (
            <line
              x1={px(gLine[0][0])}
              y1={py(gLine[0][1])}
              x2={px(gLine[1][0])}
              y2={py(gLine[1][1])}
              stroke={FAKE}
              strokeWidth={1}
              strokeOpacity={0.6}
              strokeDasharray="2 3"
            />
          ) : null}
          {moved
            ? fakes.map((f, j) => {
                const to = moved[j];
                return to ? (
                  <line
                    key={j}
                    data-testid={`gan-arrow-${j + 1}`}
                    x1={px(f[0])}
                    y1={py(f[1])}
                    x2={px(to[0])}
                    y2={py(to[1])}
                    stroke={FAKE}
                    strokeWidth={2}
                    markerEnd={`url(#${arrow})`}
                  />
                ) : null;
              })
            : null}
          {real.map((x, i) => (
            <g key={`r${i}`}>
              <circle cx={px(x[0])} cy={py(x[1])} r={7} fill={REAL} stroke="#fff" strokeWidth={2} />
              <text x={px(x[0]) + 10} y={py(x[1]) - 8} className="gan-point-label">
                x{i + 1}
              </text>
            </g>
          ))}
          {fakes.map((x, j) => (
            <g key={`f${j}`}>
              <rect
                x={px(x[0]) - 6}
                y={py(x[1]) - 6}
                width={12}
                height={12}
                transform={`rotate(45 ${px(x[0])} ${py(x[1])})`}
                fill={FAKE}
                stroke="#fff"
                strokeWidth={2}
              />
              <text x={px(x[0]) + 10} y={py(x[1]) + 18} className="gan-point-label">
                G(z{j + 1})
              </text>
            </g>
          ))}
        </g>
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="none" stroke="#9aa3af" />
        {ticks.map((v) => (
          <g key={v} className="gan-tick">
            <text x={px(v)} y={SIZE + 16} textAnchor="middle">
              {Number(v.toFixed(2))}
            </text>
            <text x={-6} y={py(v) + 4} textAnchor="end">
              {Number(v.toFixed(2))}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="gan-legend small">
        <span>
          <span className="gan-swatch" style={{ background: REAL }} /> {t('gan.plane.real')}
        </span>
        <span>
          <span className="gan-swatch gan-swatch-fake" style={{ background: FAKE }} />{' '}
          {t('gan.plane.fake')}
        </span>
        <span>{t('gan.plane.surface')}</span>
      </figcaption>
    </figure>
  );
}
