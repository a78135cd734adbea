import { useEffect, useRef } from 'react';

/**
 * Paints a canvas of `width × height` CSS pixels whenever `paint` changes.
 * `paint` receives the 2-D context; pass a memoised callback.
 */
export function useCanvas(
  width: number,
  height: number,
  paint: (ctx: CanvasRenderingContext2D) => void,
) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    canvas.width = Math.max(1, Math.round(width));
    canvas.height = Math.max(1, Math.round(height));
    const ctx = canvas.getContext('2d');
    if (ctx) paint(ctx);
  }, [width, height, paint]);
  return ref;
}

/** Runs `fill` on a fresh ImageData of the canvas size and puts it at (0, 0). */
export function paintImageData(
  ctx: CanvasRenderingContext2D,
  fill: (image: ImageData) => void,
): void {
  const image = ctx.createImageData(ctx.canvas.width, ctx.canvas.height);
  fill(image);
  ctx.putImageData(image, 0, 0);
}
