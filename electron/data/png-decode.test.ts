import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { PNG } from 'pngjs';

import { decodeSimplePng } from '../../core/data/index';
import { patternRgba } from '../../e2e/support/fixture-folders';
import { decodeImageNode } from './decode-image-node';

/** Encodes `rgba` with pngjs in a given colour type; pngjs picks filters adaptively, so all five occur. */
function encode(
  width: number,
  height: number,
  rgba: Uint8Array,
  colorType: 0 | 2 | 4 | 6,
  bitDepth: 8 | 16 = 8,
): Buffer {
  const png = new PNG({ width, height, colorType, bitDepth, inputHasAlpha: true });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png, { colorType, bitDepth, inputHasAlpha: true });
}

describe('decodeSimplePng (core) against pngjs', () => {
  for (const colorType of [0, 2, 4, 6] as const) {
    it(`decodes colour type ${colorType} exactly as pngjs`, () => {
      const rgba = patternRgba(37, 23, colorType + 1);
      for (let i = 3; i < rgba.length; i += 16) rgba[i] = (i * 7) & 255; // some alpha variety
      const file = encode(37, 23, rgba, colorType);
      const ours = decodeSimplePng(file, (d) => inflateSync(d));
      expect(ours).not.toBeNull();
      expect(Buffer.from(ours?.rgba ?? [])).toEqual(PNG.sync.read(file).data);
    });
  }
  it('declines 16-bit PNGs so the caller falls back', () => {
    expect(
      decodeSimplePng(encode(4, 4, patternRgba(4, 4, 1), 2, 16), (d) => inflateSync(d)),
    ).toBeNull();
  });
  it('throws on truncated image data, with zlib and with fflate into a preallocated buffer (the app path)', () => {
    const file = encode(16, 16, patternRgba(16, 16, 2), 6);
    const cut = file.subarray(0, file.length - 30);
    expect(() => decodeSimplePng(cut, (d) => inflateSync(d))).toThrow();
    expect(() =>
      decodeSimplePng(cut, (d, size) => unzlibSync(d, { out: new Uint8Array(size) })),
    ).toThrow();
  });
  it('gives the same pixels with fflate (app) as with zlib (Node)', () => {
    const file = encode(31, 17, patternRgba(31, 17, 9), 6);
    expect(
      decodeSimplePng(file, (d, size) => unzlibSync(d, { out: new Uint8Array(size) })),
    ).toEqual(decodeSimplePng(file, (d) => inflateSync(d)));
  });
});

/** A PNG whose header says 1×1 grey but whose IDAT inflates to `inflated` bytes (a decompression bomb). */
function bombPng(inflated: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]); // CRCs are not checked by the decoders here
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(inflated))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

describe('PNG decompression bombs', () => {
  it('the command line inflates no more than the header size allows: a 1×1 PNG holding 64 MB of zeros is corrupt', () => {
    const bomb = bombPng(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const result = decodeImageNode(bomb, {
      width: 1,
      height: 1,
      resizeMode: 'stretch',
      colorMode: 'grayscale',
    });
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
