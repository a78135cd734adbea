import { useCallback } from 'react';

import type { ColorScale } from './paint/color-scale';
import { cssColorAt, formatValue } from './paint/color-scale';
import { useCanvas } from './use-canvas';

interface ColorLegendProps {
  readonly scale: ColorScale;
  /** What the colours measure, e.g. "activation" (already translated). */
  readonly caption: string;
  readonly width?: number;
}

/** The colour bar shared by a view: caption, gradient, and min / 0 / max labels. */
export function ColorLegend({ scale, caption, width = 220 }: ColorLegendProps) {
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const w = ctx.canvas.width;
      for (let x = 0; x < w; x++) {
        ctx.fillStyle = cssColorAt(scale, scale.min + ((scale.max - scale.min) * x) / (w - 1));
        ctx.fillRect(x, 0, 1, ctx.canvas.height);
      }
    },
    [scale],
  );
  const ref = useCanvas(width, 12, paint);
  const mid = (scale.min + scale.max) / 2;
  return (
    <figure
      className="inspect-legend"
      data-testid="color-legend"
      data-min={scale.min}
      data-max={scale.max}
    >
      <figcaption>{caption}</figcaption>
      <canvas ref={ref} style={{ width, height: 12 }} aria-hidden="true" />
      <div className="inspect-legend-ticks" style={{ width }}>
        <span>{formatValue(scale.min)}</span>
        <span>{formatValue(mid)}</span>
        <span>{formatValue(scale.max)}</span>
      </div>
    </figure>
  );
}
