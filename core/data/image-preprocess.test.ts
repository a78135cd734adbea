import { describe, expect, it } from 'vitest';
import {
  pixelsToFloat32,
  planResize,
  preprocessRgba,
  resizeRgba,
  rgbaToChannels,
} from './image-preprocess';

function solid(w: number, h: number, rgba: [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) out.set(rgba, i * 4);
  return out;
}

describe('planResize', () => {
  it('stretches the whole image', () => {
    expect(planResize(100, 50, 10, 10, 'stretch')).toMatchObject({
      sx: 0,
      sy: 0,
      sw: 100,
      sh: 50,
      drawWidth: 10,
      drawHeight: 10,
    });
  });
  it('crops the centred region with the target aspect', () => {
    expect(planResize(100, 50, 10, 10, 'crop')).toMatchObject({
      sx: 25,
      sy: 0,
      sw: 50,
      sh: 50,
      drawWidth: 10,
      drawHeight: 10,
    });
    expect(planResize(50, 100, 10, 20, 'crop')).toMatchObject({ sx: 0, sy: 0, sw: 50, sh: 100 });
  });
  it('pads to fit, centred', () => {
    expect(planResize(100, 50, 10, 10, 'pad')).toMatchObject({
      drawWidth: 10,
      drawHeight: 5,
      dx: 0,
      dy: 2,
    });
  });
});

describe('resizeRgba', () => {
  it('averages areas when shrinking', () => {
    // 2×1: black and white → 1×1 mid grey.
    const src = Uint8Array.from([0, 0, 0, 255, 255, 255, 255, 255]);
    expect([...resizeRgba(src, 2, 1, planResize(2, 1, 1, 1, 'stretch'))]).toEqual([
      128, 128, 128, 255,
    ]);
  });
  it('draws black borders in pad mode', () => {
    const out = resizeRgba(solid(4, 2, [200, 100, 50, 255]), 4, 2, planResize(4, 2, 4, 4, 'pad'));
    expect([...out.subarray(0, 4)]).toEqual([0, 0, 0, 255]);
    expect([...out.subarray(4 * 4, 4 * 4 + 4)]).toEqual([200, 100, 50, 255]);
  });
  it('keeps a flat colour flat whatever the scale', () => {
    for (const [w, h] of [
      [3, 7],
      [50, 9],
      [1, 1],
    ] as const) {
      const out = resizeRgba(
        solid(w, h, [10, 20, 30, 255]),
        w,
        h,
        planResize(w, h, 5, 4, 'stretch'),
      );
      expect(new Set(out.filter((_, i) => i % 4 === 0))).toEqual(new Set([10]));
    }
  });
});

describe('rgbaToChannels', () => {
  it('uses ITU-R 601 luma like Pillow L mode', () => {
    expect([
      ...rgbaToChannels(
        Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]),
        3,
        'grayscale',
      ),
    ]).toEqual([76, 150, 29]);
  });
  it('composites transparent pixels onto white', () => {
    expect([...rgbaToChannels(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 128]), 2, 'rgb')]).toEqual([
      255, 255, 255, 127, 127, 127,
    ]);
  });
  it('preprocesses to height×width×channels', () => {
    expect(
      preprocessRgba(solid(8, 8, [1, 2, 3, 255]), 8, 8, {
        width: 4,
        height: 2,
        resizeMode: 'crop',
        colorMode: 'rgb',
      }),
    ).toHaveLength(4 * 2 * 3);
  });
});

describe('pixelsToFloat32', () => {
  it('normalises to [0,1] or [-1,1]', () => {
    expect([...pixelsToFloat32(Uint8Array.from([0, 255]), 'zeroToOne')]).toEqual([0, 1]);
    expect([...pixelsToFloat32(Uint8Array.from([0, 255]), 'minusOneToOne')]).toEqual([-1, 1]);
  });
});
