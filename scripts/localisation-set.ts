/**
 * A classification + localisation dataset made on the spot: one small object
 * (a 28×28 Fashion-MNIST or MNIST image) scaled and placed at random on a
 * larger canvas with distractor noise, and its box. Pure: pixels in, pixels
 * and box out, driven by a seeded random source.
 */

/** Where and how big the object lands, and what clutters the canvas. */
export interface CanvasOptions {
  /** Canvas side in pixels (square). */
  readonly size: number;
  /** Range of the object's side in pixels after scaling. */
  readonly minObject: number;
  readonly maxObject: number;
  /** Strength of the per-pixel background noise (0–255). */
  readonly noise: number;
  /** Number of distractor scraps: small crops of other objects, dimmed. */
  readonly distractors: number;
}

export const defaultCanvasOptions: CanvasOptions = {
  size: 64,
  minObject: 20,
  maxObject: 40,
  noise: 40,
  distractors: 3,
};

/** A gray image of `side × side` pixels. */
export interface GrayImage {
  readonly side: number;
  readonly pixels: Uint8Array;
}

/** The object's tight box on the canvas, in pixels: top-left corner and size. */
export interface PlacedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels brighter than this count as the object when its tight box is measured. */
const objectThreshold = 32;

/** Bilinear resize of a square gray image to `side × side`. */
export function resizeGray(image: GrayImage, side: number): GrayImage {
  const out = new Uint8Array(side * side);
  const scale = image.side / side;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const sx = Math.min(image.side - 1, Math.max(0, (x + 0.5) * scale - 0.5));
      const sy = Math.min(image.side - 1, Math.max(0, (y + 0.5) * scale - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(image.side - 1, x0 + 1);
      const y1 = Math.min(image.side - 1, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const at = (px: number, py: number) => image.pixels[py * image.side + px] ?? 0;
      const v =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x1, y0) * fx * (1 - fy) +
        at(x0, y1) * (1 - fx) * fy +
        at(x1, y1) * fx * fy;
      out[y * side + x] = Math.round(v);
    }
  }
  return { side, pixels: out };
}

/** The tight box of the pixels above the threshold, or null for an empty image. */
export function tightBox(image: GrayImage): PlacedBox | null {
  let x0 = image.side;
  let y0 = image.side;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < image.side; y++)
    for (let x = 0; x < image.side; x++)
      if ((image.pixels[y * image.side + x] ?? 0) > objectThreshold) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * One canvas: noise, `distractors` dimmed 6–10 px scraps of `scraps` images,
 * then the object scaled to a random side and placed at a random position
 * (the brighter pixel wins). Returns the canvas and the object's tight box.
 */
export function composeCanvas(
  object: GrayImage,
  scraps: readonly GrayImage[],
  random: () => number,
  options: CanvasOptions = defaultCanvasOptions,
): { canvas: GrayImage; box: PlacedBox } {
  const { size } = options;
  const pixels = new Uint8Array(size * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(random() * options.noise);
  const pick = (n: number) => Math.min(n - 1, Math.floor(random() * n));
  for (let d = 0; d < options.distractors && scraps.length > 0; d++) {
    const scrap = scraps[pick(scraps.length)]!;
    const side = 6 + pick(5);
    const sx = pick(scrap.side - side);
    const sy = pick(scrap.side - side);
    const cx = pick(size - side);
    const cy = pick(size - side);
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const v = Math.round((scrap.pixels[(sy + y) * scrap.side + sx + x] ?? 0) * 0.6);
        const at = (cy + y) * size + cx + x;
        pixels[at] = Math.max(pixels[at] ?? 0, v);
      }
  }
  const side = options.minObject + pick(options.maxObject - options.minObject + 1);
  const scaled = resizeGray(object, side);
  const ox = pick(size - side + 1);
  const oy = pick(size - side + 1);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const at = (oy + y) * size + ox + x;
      pixels[at] = Math.max(pixels[at] ?? 0, scaled.pixels[y * side + x] ?? 0);
    }
  const inner = tightBox(scaled) ?? { x: 0, y: 0, width: side, height: side };
  return {
    canvas: { side: size, pixels },
    box: { x: ox + inner.x, y: oy + inner.y, width: inner.width, height: inner.height },
  };
}
