import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type { Histogram, PlottableActivation } from '@core';
import { activationCurve } from '@core';

import { formatValue } from './paint/color-scale';
import { useCanvas } from './use-canvas';

interface ActivationPlotProps {
  readonly activation: PlottableActivation;
  /** Pre-activation histogram to overlay, or null. */
  readonly histogram: Histogram | null;
  readonly width?: number;
  readonly height?: number;
}

const PAD = { left: 36, right: 10, top: 10, bottom: 24 };

/**
 * z range: ±6 without data (the course's plots); with a histogram, the data's
 * range widened to at least ±2 (so f's bend stays in view) plus 5 %, capped
 * at ±50 to keep f readable.
 */
export function plotRange(histogram: Histogram | null): [number, number] {
  if (!histogram || histogram.edges.length < 2) return [-6, 6];
  const lo = Math.min(-2, histogram.edges[0] as number);
  const hi = Math.max(2, histogram.edges[histogram.edges.length - 1] as number);
  const pad = 0.05 * (hi - lo);
  return [Math.max(-50, lo - pad), Math.min(50, hi + pad)];
}

/** f (solid) and f′ (dashed) over z, with the layer's pre-activation histogram as grey bars behind them. */
export function ActivationPlot({
  activation,
  histogram,
  width = 360,
  height = 220,
}: ActivationPlotProps) {
  const { t } = useTranslation('inspect');
  const [zMin, zMax] = plotRange(histogram);
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const curve = activationCurve(activation, zMin, zMax, 301);
      let yMin = Math.min(0, ...curve.f, ...curve.df);
      let yMax = Math.max(1, ...curve.f, ...curve.df);
      if (yMax - yMin > 20) [yMin, yMax] = [Math.max(yMin, -10), Math.min(yMax, 10)];
      const w = width - PAD.left - PAD.right;
      const h = height - PAD.top - PAD.bottom;
      const sx = (z: number): number => PAD.left + ((z - zMin) / (zMax - zMin)) * w;
      const sy = (y: number): number => PAD.top + (1 - (y - yMin) / (yMax - yMin)) * h;
      ctx.clearRect(0, 0, width, height);
      if (histogram) {
        const peak = Math.max(1, ...histogram.counts);
        ctx.fillStyle = 'rgb(150 150 150 / 45%)';
        histogram.counts.forEach((n, i) => {
          const x0 = sx(histogram.edges[i] as number);
          const x1 = sx(histogram.edges[i + 1] as number);
          const bh = (n / peak) * h;
          ctx.fillRect(x0, PAD.top + h - bh, Math.max(1, x1 - x0 - 0.5), bh);
        });
      }
      ctx.strokeStyle = '#999';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(PAD.left, sy(0));
      ctx.lineTo(PAD.left + w, sy(0));
      ctx.moveTo(sx(0), PAD.top);
      ctx.lineTo(sx(0), PAD.top + h);
      ctx.stroke();
      const line = (ys: Float32Array, color: string, dash: number[]) => {
        ctx.strokeStyle = color;
        ctx.lineWidth = 2;
        ctx.setLineDash(dash);
        ctx.beginPath();
        curve.z.forEach((z, i) =>
          i === 0 ? ctx.moveTo(sx(z), sy(ys[i] as number)) : ctx.lineTo(sx(z), sy(ys[i] as number)),
        );
        ctx.stroke();
        ctx.setLineDash([]);
      };
      line(curve.f, '#1f5fd1', []);
      line(curve.df, '#c0392b', [6, 4]);
      ctx.fillStyle = '#555';
      ctx.font = '11px sans-serif';
      ctx.fillText(formatValue(zMin), PAD.left, height - 6);
      ctx.fillText(formatValue(zMax), PAD.left + w - 24, height - 6);
      ctx.fillText('z', sx(0) + 4, height - 6);
      ctx.fillText(formatValue(yMax), 2, PAD.top + 8);
      ctx.fillText(formatValue(yMin), 2, PAD.top + h);
    },
    [activation, histogram, zMin, zMax, width, height],
  );
  const ref = useCanvas(width, height, paint);
  return (
    <figure className="inspect-activation-plot">
      <canvas
        ref={ref}
        data-testid="activation-plot"
        style={{ width, height }}
        role="img"
        aria-label={t('act.plotLabel', { name: activation })}
      />
      <figcaption className="inspect-plot-legend">
        <span className="swatch f" /> f(z) <span className="swatch df" /> f′(z){' '}
        {histogram && (
          <>
            <span className="swatch hist" /> {t('act.histogram')}
          </>
        )}
      </figcaption>
    </figure>
  );
}
