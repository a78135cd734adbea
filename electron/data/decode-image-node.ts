import { inflateSync } from 'node:zlib';

import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

import {
  decodeSimplePng,
  inspectImageBytes,
  maxImagePixels,
  preprocessRgba,
  type ImageOptions,
  type SkipReason,
} from '../../core/data/index';
import { decodeBmp, decodeGifFirstFrame } from './decode-more-formats';
import type { WebpDecode } from './decode-more-formats';

/**
 * Decodes one image file in Node (the command line has no browser decoder):
 * header check first (bomb guard, magic bytes), then pngjs / jpeg-js, then
 * the same core preprocessing the app uses.
 *
 * PNG goes through core's small decoder (`decodeSimplePng`, zlib inflate) when it
 * is plain 8-bit, else pngjs. BMP, GIF (first frame) and WebP go through
 * decode-more-formats.ts; WebP needs its wasm decoder, loaded asynchronously
 * by the caller (`loadWebpDecoder`) and passed in. Node decodes
 * at full size and then resizes (pngjs/jpeg-js cannot decode at a reduced
 * size), bounded by the 40 MP header cap.
 */
export type NodeDecodeResult =
  | { ok: true; pixels: Uint8Array; hash: string; width: number; height: number }
  | { ok: false; reason: SkipReason; detail?: string };

export type TargetOptions = Pick<ImageOptions, 'width' | 'height' | 'resizeMode' | 'colorMode'>;

export function decodeImageNode(
  bytes: Uint8Array,
  target: TargetOptions,
  webp?: WebpDecode,
): NodeDecodeResult {
  const inspection = inspectImageBytes(bytes);
  if (!inspection.ok)
    return inspection.detail === undefined
      ? { ok: false, reason: inspection.reason }
      : { ok: false, reason: inspection.reason, detail: inspection.detail };
  const { format, width, height, hash } = inspection;
  let rgba: Uint8Array;
  try {
    if (format === 'png') {
      // The small decoder handles plain 8-bit PNGs (most datasets) without pngjs's stream overhead.
      rgba =
        // Inflated no further than the header's size: a small file cannot become gigabytes (a PNG bomb).
        decodeSimplePng(bytes, (data, size) => inflateSync(data, { maxOutputLength: size }))
          ?.rgba ??
        PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).data;
    } else if (format === 'jpeg') {
      rgba = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: maxImagePixels / 1e6,
        maxMemoryUsageInMB: 1024,
      }).data;
    } else if (format === 'bmp') rgba = decodeBmp(bytes);
    else if (format === 'gif') rgba = decodeGifFirstFrame(bytes);
    else if (webp !== undefined) rgba = webp(bytes);
    else return { ok: false, reason: 'unsupported-type', detail: 'no WebP decoder loaded' };
  } catch (error) {
    return {
      ok: false,
      reason: 'corrupt',
      detail: error instanceof Error ? error.message.slice(0, 200) : String(error),
    };
  }
  if (rgba.length < width * height * 4)
    return { ok: false, reason: 'corrupt', detail: 'fewer pixels than the header says' };
  return { ok: true, pixels: preprocessRgba(rgba, width, height, target), hash, width, height };
}
