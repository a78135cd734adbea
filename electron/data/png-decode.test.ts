import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { PNG } from 'pngjs';

import { decodeSimplePng } from '../../core/data/png-decode';
import { patternRgba } from '../../e2e/support/fixture-folders';

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
