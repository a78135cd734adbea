import type { GdRun } from '@core';
import { useTranslation } from 'react-i18next';

import { niceTicks } from '../FunctionPlot';

const W = 520;
const H = 320;
const PAD = 36;

/** The 1-D curve with the path: each step drawn from (xₖ, f(xₖ)) to (xₖ₊₁, f(xₖ₊₁)). */
export function CurvePlot({
  run,
  domain,
}: {
  readonly run: GdRun;
  readonly domain: readonly [number, number];
}) {
  const { t } = useTranslation('labs');
  const [x0, x1] = domain;
  const f = (x: number) => run.surface.value([x]);
  const xs = Array.from({ length: 241 }, (_, i) => x0 + ((x1 - x0) * i) / 240);
  const ys = xs.map(f).filter(Number.isFinite);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  if (!(y1 > y0)) y1 = y0 + 1;
  const margin = (y1 - y0) * 0.08;
  y0 -= margin;
  y1 += margin;
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0)) * (W - 2 * PAD);
  const sy = (y: number) => H - PAD - ((y - y0) / (y1 - y0)) * (H - 2 * PAD);
  const curve = xs
    .map((x, i) => `${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(f(x)).toFixed(1)}`)
    .join('');
  const pts = run.path.filter((p) => Number.isFinite(p.value) && Math.abs(p.point[0] ?? 0) < 1e6);
  return (
    <figure className="lab-plot" data-testid="gd-curve">
      <figcaption>
        {t('gd.curveCaption')} f(x) = {run.surface.formula}
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('gd.plot')}>
        <clipPath id="gd-curve-clip">
          <rect x={PAD} y={PAD} width={W - 2 * PAD} height={H - 2 * PAD} />
        </clipPath>
        {niceTicks(x0, x1).map((v) => (
          <g key={`x${v}`}>
            <line x1={sx(v)} x2={sx(v)} y1={PAD} y2={H - PAD} className="lab-grid-line" />
            <text x={sx(v)} y={H - PAD + 14} textAnchor="middle" className="lab-tick">
              {Number(v.toPrecision(3))}
            </text>
          </g>
        ))}
        {niceTicks(y0, y1).map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD} x2={W - PAD} y1={sy(v)} y2={sy(v)} className="lab-grid-line" />
            <text x={PAD - 4} y={sy(v) + 4} textAnchor="end" className="lab-tick">
              {Number(v.toPrecision(3))}
            </text>
          </g>
        ))}
        <g clipPath="url(#gd-curve-clip)">
          <path d={curve} className="lab-curve" />
          {pts.slice(1).map((p, i) => {
            const a = pts[i];
            if (!a) return null;
            return (
              <line
                key={p.k}
                x1={sx(a.point[0] ?? 0)}
                y1={sy(a.value)}
                x2={sx(p.point[0] ?? 0)}
                y2={sy(p.value)}
                className="gd-path-line"
              />
            );
          })}
          {pts.map((p, i) => (
            <circle
              key={p.k}
              cx={sx(p.point[0] ?? 0)}
              cy={sy(p.value)}
              r={i === pts.length - 1 ? 5 : 3}
              className={i === 0 ? 'gd-start' : i === pts.length - 1 ? 'gd-current' : 'gd-visited'}
            />
          ))}
        </g>
      </svg>
    </figure>
  );
}
