import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import bmp from 'bmp-js';
import { GifReader } from 'omggif';
import webpFactory from '@jsquash/webp/codec/dec/webp_dec.js';
import type { WebPModule } from '@jsquash/webp/codec/dec/webp_dec.js';

/**
 * Node decoders for the formats Chromium decodes natively but Node has no
 * built-in for: BMP (bmp-js), GIF's first frame (omggif) and WebP (libwebp as
 * WebAssembly, from @jsquash/webp). All pure JS/wasm, so they work offline and
 * in worker threads. Each returns row-major RGBA with the header's size, or
 * throws on broken data (the caller reports the file as corrupt).
 */

/**
 * BMP. bmp-js gives ABGR and leaves alpha 0 for formats without alpha, so
 * pixels are reordered and made opaque: Chromium shows BMPs opaque too (the
 * 32-bit alpha channel of a plain BMP is not trusted by browsers either).
 */
export function decodeBmp(bytes: Uint8Array): Uint8Array {
  const decoded = bmp.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const abgr = decoded.data;
  const count = decoded.width * decoded.height;
  const rgba = new Uint8Array(count * 4);
  for (let i = 0, o = 0; i < count; i++, o += 4) {
    rgba[o] = abgr[o + 3] as number;
    rgba[o + 1] = abgr[o + 2] as number;
    rgba[o + 2] = abgr[o + 1] as number;
    rgba[o + 3] = 255;
  }
  return rgba;
}

/** GIF: the first frame drawn on the logical screen; pixels it does not cover stay transparent (as in Chromium). */
export function decodeGifFirstFrame(bytes: Uint8Array): Uint8Array {
  const reader = new GifReader(bytes);
  if (reader.numFrames() < 1) throw new Error('GIF has no frames');
  const rgba = new Uint8Array(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, rgba);
  return rgba;
}

export type WebpDecode = (bytes: Uint8Array) => Uint8Array;

/** The part of the WebAssembly API used here (electron/ compiles without the DOM lib, which declares it). */
interface Wasm {
  compile(bytes: Uint8Array): Promise<object>;
  Instance: new (module: object, imports: object) => { exports: object };
}
const wasmApi = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

let webp: Promise<WebpDecode> | undefined;

/**
 * Loads libwebp's wasm decoder once per thread (compiling it takes a few ms).
 * The wasm file is read from the installed package, not fetched, so it works offline.
 */
export function loadWebpDecoder(): Promise<WebpDecode> {
  webp ??= loadEmscripten<WebPModule>(webpFactory, '@jsquash/webp/codec/dec/webp_dec.wasm').then(
    (module) => (bytes: Uint8Array) => {
      const image = module.decode(bytes as Uint8Array<ArrayBuffer>);
      if (image === null) throw new Error('WebP decoding failed');
      return new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    },
  );
  return webp;
}

/** Instantiates an Emscripten module factory with its wasm file read from node_modules (`wasm` is a package specifier). */
export async function loadEmscripten<T>(factory: unknown, wasm: string): Promise<T> {
  const require = createRequire(import.meta.url);
  const compiled = await wasmApi.compile(readFileSync(require.resolve(wasm)));
  return (factory as (options: object) => Promise<T>)({
    noInitialRun: true,
    // Emscripten's hook for supplying the instance ourselves instead of it fetching the file.
    instantiateWasm: (imports: object, done: (instance: object) => void) => {
      const instance = new wasmApi.Instance(compiled, imports);
      done(instance);
      return instance.exports;
    },
  });
}
