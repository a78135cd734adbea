import type { GdRun } from '@core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const W = 480;
const r = (v: number): number => Number(v.toPrecision(3));
const H = 400;
const CELLS = 120;
const BANDS = 14;

/**
 * The 2-D surface as banded colours (each band one contour interval on a log scale,
 * so the narrow valley near the minimum stays visible) with the path on top.
 */
export function ContourPlot({
  run,
  xDomain,
  yDomain,
}: {
  readonly run: GdRun;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
}) {
  const { t } = useTranslation('labs');
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const sx = (x: number) => ((x - x0) / (x1 - x0)) * W;
  const sy = (y: number) => H - ((y - y0) / (y1 - y0)) * H;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const values: number[] = [];
    for (let j = 0; j < CELLS; j++) {
      for (let i = 0; i < CELLS; i++) {
        values.push(
          run.surface.value([
            x0 + ((i + 0.5) / CELLS) * (x1 - x0),
            y1 - ((j + 0.5) / CELLS) * (y1 - y0),
          ]),
        );
      }
    }
    const finite = values.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const scale = (v: number) =>
      Math.log1p(Math.max(0, v - lo)) / Math.log1p(Math.max(1e-9, hi - lo));
    const cw = W / CELLS;
    const ch = H / CELLS;
    values.forEach((v, idx) => {
      const band = Number.isFinite(v) ? Math.floor(scale(v) * BANDS) / BANDS : 1;
      // Low = deep blue, high = pale yellow.
      const hue = 230 - band * 180;
      ctx.fillStyle = `hsl(${hue} 65% ${35 + band * 50}%)`;
      ctx.fillRect((idx % CELLS) * cw, Math.floor(idx / CELLS) * ch, cw + 0.5, ch + 0.5);
    });
  }, [run.surface, x0, x1, y0, y1]);

  const pts = run.path.filter((p) => p.point.every((v) => Number.isFinite(v) && Math.abs(v) < 1e6));
  return (
    <figure className="lab-plot" data-testid="gd-contour">
      <figcaption>
        {t('gd.contourCaption')} f(x, y) = {run.surface.formula} · x ∈ [{r(x0)}, {r(x1)}], y ∈ [
        {r(y0)}, {r(y1)}]
      </figcaption>
      <div className="gd-contour" style={{ width: W, height: H }}>
        <canvas ref={canvas} width={W} height={H} />
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('gd.plot')}>
          <polyline
            points={pts.map((p) => `${sx(p.point[0] ?? 0)},${sy(p.point[1] ?? 0)}`).join(' ')}
            className="gd-path-line"
          />
          {pts.map((p, i) => (
            <circle
              key={p.k}
              cx={sx(p.point[0] ?? 0)}
              cy={sy(p.point[1] ?? 0)}
              r={i === pts.length - 1 ? 5 : 3}
              className={i === 0 ? 'gd-start' : i === pts.length - 1 ? 'gd-current' : 'gd-visited'}
            />
          ))}
        </svg>
      </div>
    </figure>
  );
}
