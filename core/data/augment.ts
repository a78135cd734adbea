/**
 * Training-time augmentation on stored uint8 samples (`height×width×channels`),
 * seeded so a run can be repeated. Applied to training batches only, never to
 * validation. Geometry (flip, shift, rotation) is one inverse mapping with
 * bilinear sampling and edge pixels repeated outside the image (Keras
 * `fill_mode='nearest'`); brightness adds a shift of up to ±maxBrightness×255
 * (Keras `RandomBrightness` with value_range [0, 255]).
 */
import type { ImageOptions } from './config';
import type { Rng } from './random';

/** The augmentation settings as stored in the project. */
export type AugmentationOptions = ImageOptions['augmentation'];

/** True when the options would change any pixel. */
export function isAugmentationActive(a: AugmentationOptions): boolean {
  return (
    a.enabled &&
    (a.flipHorizontal ||
      a.flipVertical ||
      a.maxShift > 0 ||
      a.maxRotation > 0 ||
      a.maxBrightness > 0)
  );
}

/** Returns an augmented copy of one sample; the input is not modified. */
export function augmentSample(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  a: AugmentationOptions,
  rng: Rng,
): Uint8Array {
  const flipX = a.flipHorizontal && rng.next() < 0.5;
  const flipY = a.flipVertical && rng.next() < 0.5;
  const shiftX = (rng.next() * 2 - 1) * a.maxShift * width;
  const shiftY = (rng.next() * 2 - 1) * a.maxShift * height;
  const angle = (((rng.next() * 2 - 1) * a.maxRotation) / 180) * Math.PI;
  const brightness = (rng.next() * 2 - 1) * a.maxBrightness * 255;
  const out = new Uint8Array(pixels.length);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse map: output (x, y) ← source (u, v).
      const ox = x - cx - shiftX;
      const oy = y - cy - shiftY;
      let u = cos * ox + sin * oy + cx;
      let v = -sin * ox + cos * oy + cy;
      if (flipX) u = width - 1 - u;
      if (flipY) v = height - 1 - v;
      u = Math.min(width - 1, Math.max(0, u));
      v = Math.min(height - 1, Math.max(0, v));
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const x1 = Math.min(width - 1, x0 + 1);
      const y1 = Math.min(height - 1, y0 + 1);
      const fx = u - x0;
      const fy = v - y0;
      for (let c = 0; c < channels; c++) {
        const p00 = pixels[(y0 * width + x0) * channels + c] as number;
        const p01 = pixels[(y0 * width + x1) * channels + c] as number;
        const p10 = pixels[(y1 * width + x0) * channels + c] as number;
        const p11 = pixels[(y1 * width + x1) * channels + c] as number;
        const value =
          (p00 * (1 - fx) + p01 * fx) * (1 - fy) + (p10 * (1 - fx) + p11 * fx) * fy + brightness;
        out[(y * width + x) * channels + c] = Math.min(255, Math.max(0, Math.round(value)));
      }
    }
  }
  return out;
}
