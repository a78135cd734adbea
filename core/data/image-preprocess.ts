/**
 * From decoded RGBA pixels to the stored sample: resize plan (stretch, crop,
 * pad), resampling, alpha compositing and colour conversion to uint8. Float
 * conversion happens per batch (`pixelsToFloat32`), never for the whole set:
 * float32 is 4× larger.
 *
 * Both decoding paths use `planResize`: the browser passes the plan to
 * `createImageBitmap` (source rectangle + resizeWidth/Height), Node passes it
 * to `resizeRgba`. Pixels outside the drawn area (pad mode) are black.
 */
import type { ImageOptions } from './config';

/** Where the source is sampled from and where it lands in the target. */
export interface ResizePlan {
  /** Source rectangle (pixels) to sample. */
  readonly sx: number;
  readonly sy: number;
  readonly sw: number;
  readonly sh: number;
  /** Size of the drawn area in the target. */
  readonly drawWidth: number;
  readonly drawHeight: number;
  /** Offset of the drawn area in the target (non-zero only for `pad`). */
  readonly dx: number;
  readonly dy: number;
  readonly targetWidth: number;
  readonly targetHeight: number;
}

/**
 * Plans how a `srcW×srcH` image becomes `dstW×dstH`.
 * - `stretch`: the whole image, aspect ratio ignored (Keras default).
 * - `crop`: the largest centred region with the target aspect (Keras `crop_to_aspect_ratio`).
 * - `pad`: the whole image scaled to fit, centred, black borders (Keras `pad_to_aspect_ratio`).
 */
export function planResize(
  srcW: number,
  srcH: number,
  dstW: number,
  dstH: number,
  mode: ImageOptions['resizeMode'],
): ResizePlan {
  const base = { targetWidth: dstW, targetHeight: dstH };
  if (mode === 'crop') {
    const wide = srcW * dstH > dstW * srcH;
    const sw = wide ? Math.max(1, Math.round((srcH * dstW) / dstH)) : srcW;
    const sh = wide ? srcH : Math.max(1, Math.round((srcW * dstH) / dstW));
    return {
      ...base,
      sx: Math.floor((srcW - sw) / 2),
      sy: Math.floor((srcH - sh) / 2),
      sw,
      sh,
      drawWidth: dstW,
      drawHeight: dstH,
      dx: 0,
      dy: 0,
    };
  }
  if (mode === 'pad') {
    const scale = Math.min(dstW / srcW, dstH / srcH);
    const drawWidth = Math.min(dstW, Math.max(1, Math.round(srcW * scale)));
    const drawHeight = Math.min(dstH, Math.max(1, Math.round(srcH * scale)));
    return {
      ...base,
      sx: 0,
      sy: 0,
      sw: srcW,
      sh: srcH,
      drawWidth,
      drawHeight,
      dx: Math.floor((dstW - drawWidth) / 2),
      dy: Math.floor((dstH - drawHeight) / 2),
    };
  }
  return {
    ...base,
    sx: 0,
    sy: 0,
    sw: srcW,
    sh: srcH,
    drawWidth: dstW,
    drawHeight: dstH,
    dx: 0,
    dy: 0,
  };
}

/** True when the plan copies pixels 1:1 (no resampling needed). */
export function isIdentityPlan(plan: ResizePlan, srcW: number, srcH: number): boolean {
  return (
    plan.sw === srcW &&
    plan.sh === srcH &&
    plan.drawWidth === srcW &&
    plan.drawHeight === srcH &&
    plan.dx === 0 &&
    plan.dy === 0
  );
}

/**
 * Resamples RGBA pixels (row-major, 4 bytes per pixel) per the plan into a
 * `targetWidth×targetHeight` RGBA buffer: area averaging when shrinking (no
 * aliasing on big photos), bilinear when enlarging.
 */
export function resizeRgba(
  src: Uint8Array | Uint8ClampedArray,
  srcW: number,
  srcH: number,
  plan: ResizePlan,
): Uint8Array {
  const out = new Uint8Array(plan.targetWidth * plan.targetHeight * 4);
  // Black, opaque background for the pad borders.
  for (let i = 3; i < out.length; i += 4) out[i] = 255;
  const xs = axisWeights(plan.sx, plan.sw, plan.drawWidth, srcW);
  const ys = axisWeights(plan.sy, plan.sh, plan.drawHeight, srcH);
  const acc = new Float64Array(4);
  for (let y = 0; y < plan.drawHeight; y++) {
    const wy = ys[y] as AxisWeights;
    for (let x = 0; x < plan.drawWidth; x++) {
      const wx = xs[x] as AxisWeights;
      acc.fill(0);
      for (let j = 0; j < wy.index.length; j++) {
        const row = (wy.index[j] as number) * srcW;
        const fy = wy.weight[j] as number;
        for (let i = 0; i < wx.index.length; i++) {
          const f = fy * (wx.weight[i] as number);
          const p = (row + (wx.index[i] as number)) * 4;
          acc[0] = (acc[0] as number) + f * (src[p] as number);
          acc[1] = (acc[1] as number) + f * (src[p + 1] as number);
          acc[2] = (acc[2] as number) + f * (src[p + 2] as number);
          acc[3] = (acc[3] as number) + f * (src[p + 3] as number);
        }
      }
      const o = ((y + plan.dy) * plan.targetWidth + x + plan.dx) * 4;
      for (let c = 0; c < 4; c++)
        out[o + c] = Math.min(255, Math.max(0, Math.round(acc[c] as number)));
    }
  }
  return out;
}

interface AxisWeights {
  index: number[];
  weight: number[];
}

/** Per output position, the source indices and weights (summing to 1). */
function axisWeights(
  start: number,
  length: number,
  outLength: number,
  srcLength: number,
): AxisWeights[] {
  const scale = length / outLength;
  const result: AxisWeights[] = [];
  for (let o = 0; o < outLength; o++) {
    if (scale === 1) {
      result.push({ index: [start + o], weight: [1] });
    } else if (scale > 1) {
      const lo = start + o * scale;
      const hi = lo + scale;
      const index: number[] = [];
      const weight: number[] = [];
      for (let s = Math.floor(lo); s < Math.ceil(hi); s++) {
        const cover = Math.min(hi, s + 1) - Math.max(lo, s);
        if (cover > 0) {
          index.push(Math.min(srcLength - 1, s));
          weight.push(cover / scale);
        }
      }
      result.push({ index, weight });
    } else {
      const center = start + (o + 0.5) * scale - 0.5;
      const s0 = Math.floor(center);
      const t = center - s0;
      const clamp = (v: number): number => Math.min(start + length - 1, Math.max(start, v));
      result.push({ index: [clamp(s0), clamp(s0 + 1)], weight: [1 - t, t] });
    }
  }
  return result;
}

/**
 * Converts RGBA to the stored channels: alpha is composited onto white (what
 * an image viewer shows for transparent PNGs), then RGB is kept or converted
 * to luma with ITU-R 601 weights in integer arithmetic (as Pillow's `L` mode).
 */
export function rgbaToChannels(
  rgba: Uint8Array | Uint8ClampedArray,
  pixelCount: number,
  colorMode: ImageOptions['colorMode'],
  out?: Uint8Array,
): Uint8Array {
  const channels = colorMode === 'grayscale' ? 1 : 3;
  const dst = out ?? new Uint8Array(pixelCount * channels);
  for (let p = 0; p < pixelCount; p++) {
    const i = p * 4;
    let r = rgba[i] as number;
    let g = rgba[i + 1] as number;
    let b = rgba[i + 2] as number;
    const a = rgba[i + 3] as number;
    if (a !== 255) {
      const inv = 255 - a;
      r = Math.round((r * a + 255 * inv) / 255);
      g = Math.round((g * a + 255 * inv) / 255);
      b = Math.round((b * a + 255 * inv) / 255);
    }
    if (channels === 1) dst[p] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    else {
      dst[p * 3] = r;
      dst[p * 3 + 1] = g;
      dst[p * 3 + 2] = b;
    }
  }
  return dst;
}

/** Number of stored channels for a colour mode. */
export function channelCount(colorMode: ImageOptions['colorMode']): 1 | 3 {
  return colorMode === 'grayscale' ? 1 : 3;
}

/** Full preprocessing of decoded RGBA into the stored uint8 sample (`height×width×channels`). */
export function preprocessRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  srcW: number,
  srcH: number,
  options: Pick<ImageOptions, 'width' | 'height' | 'resizeMode' | 'colorMode'>,
): Uint8Array {
  const plan = planResize(srcW, srcH, options.width, options.height, options.resizeMode);
  const resized = isIdentityPlan(plan, srcW, srcH) ? rgba : resizeRgba(rgba, srcW, srcH, plan);
  return rgbaToChannels(resized, options.width * options.height, options.colorMode);
}

/**
 * Converts uint8 pixels to float32 for training: `zeroToOne` → v/255,
 * `minusOneToOne` → v/127.5 − 1 (MobileNet-style inputs).
 */
export function pixelsToFloat32(
  pixels: Uint8Array,
  normalization: ImageOptions['normalization'],
  out?: Float32Array,
): Float32Array {
  const dst = out ?? new Float32Array(pixels.length);
  if (normalization === 'zeroToOne')
    for (let i = 0; i < pixels.length; i++) dst[i] = (pixels[i] as number) / 255;
  else for (let i = 0; i < pixels.length; i++) dst[i] = (pixels[i] as number) / 127.5 - 1;
  return dst;
}
