import {
  decodeSimplePng,
  inspectImageBytes,
  planResize,
  preprocessRgba,
  rgbaToChannels,
} from '@core';
import type { FileCheck } from '@core';

import type { DecodeTarget } from './decode-protocol';
import { inflateCapped } from './inflate-capped';

/**
 * Decodes one image in the browser (a worker or the page) at the target size:
 * header check first (magic bytes, bomb guard: nothing above the pixel cap
 * reaches the decoder), then `createImageBitmap` with the resize plan's source
 * rectangle and `resizeWidth/Height`, so a 6000×6000 photo is decoded straight
 * to its target size instead of to a 144 MB bitmap. Colour-space conversion
 * and premultiplication are off so that an image already at the target size
 * comes out with exactly its stored values (what the Node path produces).
 *
 * Plain 8-bit PNGs up to `maxJsDecodePixels` skip the platform decoder: core's
 * `decodeSimplePng` + `preprocessRgba`, the code the Node path runs, so both
 * paths give identical pixels for them. For MNIST-sized files the per-call
 * cost of createImageBitmap + canvas readback is ~10× the decode itself.
 */
export const maxJsDecodePixels = 1024 * 1024;

export async function decodeImageInBrowser(
  bytes: Uint8Array,
  target: DecodeTarget,
  out: Uint8Array,
): Promise<FileCheck> {
  const inspection = inspectImageBytes(bytes);
  if (!inspection.ok) return inspection;
  if (inspection.format === 'png' && inspection.width * inspection.height <= maxJsDecodePixels) {
    try {
      // Inflated into a preallocated buffer of the header's size, stopping a bomb at that size.
      const decoded = decodeSimplePng(bytes, inflateCapped);
      if (decoded !== null) {
        out.set(preprocessRgba(decoded.rgba, decoded.width, decoded.height, target));
        return {
          ok: true,
          hash: inspection.hash,
          width: inspection.width,
          height: inspection.height,
        };
      }
    } catch (error) {
      return {
        ok: false,
        reason: 'corrupt',
        detail: error instanceof Error ? error.message.slice(0, 200) : 'decode failed',
      };
    }
  }
  return decodeWithImageBitmap(bytes, inspection, target, out);
}

/** The platform decoder path (JPEG, GIF, BMP, WebP, large or unusual PNGs). */
export async function decodeWithImageBitmap(
  bytes: Uint8Array,
  inspection: { readonly width: number; readonly height: number; readonly hash: string },
  target: DecodeTarget,
  out: Uint8Array,
): Promise<FileCheck> {
  const { width, height, hash } = inspection;
  const plan = planResize(width, height, target.width, target.height, target.resizeMode);
  let bitmap: ImageBitmap;
  try {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    const options: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };
    const resize = plan.drawWidth !== plan.sw || plan.drawHeight !== plan.sh;
    if (resize)
      Object.assign(options, {
        resizeWidth: plan.drawWidth,
        resizeHeight: plan.drawHeight,
        resizeQuality: 'high',
      });
    bitmap = await createImageBitmap(blob, plan.sx, plan.sy, plan.sw, plan.sh, options);
  } catch (error) {
    return {
      ok: false,
      reason: 'corrupt',
      detail: error instanceof Error ? error.message.slice(0, 200) : 'decode failed',
    };
  }
  try {
    const canvas = new OffscreenCanvas(target.width, target.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) return { ok: false, reason: 'corrupt', detail: 'no 2D context' };
    if (
      plan.dx !== 0 ||
      plan.dy !== 0 ||
      plan.drawWidth !== target.width ||
      plan.drawHeight !== target.height
    ) {
      context.fillStyle = '#000';
      context.fillRect(0, 0, target.width, target.height);
    }
    context.drawImage(bitmap, plan.dx, plan.dy);
    const rgba = context.getImageData(0, 0, target.width, target.height).data;
    rgbaToChannels(rgba, target.width * target.height, target.colorMode, out);
    return { ok: true, hash, width, height };
  } finally {
    bitmap.close();
  }
}
