import { describe, expect, it } from 'vitest';

import { createRng } from '../core/data/random';
import { composeCanvas, resizeGray, tightBox, type GrayImage } from './localisation-set';

/** A 28×28 object: a bright 10×6 rectangle at (8, 12), like a centred garment. */
function rectangle(): GrayImage {
  const pixels = new Uint8Array(28 * 28);
  for (let y = 12; y < 18; y++) for (let x = 8; x < 18; x++) pixels[y * 28 + x] = 255;
  return { side: 28, pixels };
}

describe('the localisation set generator', () => {
  it('measures the tight box of an object, and none of an empty image', () => {
    expect(tightBox(rectangle())).toEqual({ x: 8, y: 12, width: 10, height: 6 });
    expect(tightBox({ side: 4, pixels: new Uint8Array(16) })).toBeNull();
  });

  it('resizes keeping the object where it was, relatively', () => {
    const box = tightBox(resizeGray(rectangle(), 56))!;
    expect(box.x).toBeGreaterThanOrEqual(15);
    expect(box.x).toBeLessThanOrEqual(17);
    expect(box.width).toBeGreaterThanOrEqual(19);
    // Bilinear edges may add a pixel above the threshold on each side.
    expect(box.width).toBeLessThanOrEqual(22);
  });

  it('places the object inside the canvas, with its box around its bright pixels, the same for the same seed', () => {
    const make = (seed: number) => {
      const rng = createRng(seed);
      return composeCanvas(rectangle(), [rectangle()], rng.next, {
        size: 64,
        minObject: 20,
        maxObject: 40,
        noise: 20,
        distractors: 0,
      });
    };
    for (let seed = 1; seed <= 20; seed++) {
      const { canvas, box } = make(seed);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(64);
      expect(box.y + box.height).toBeLessThanOrEqual(64);
      // Noise stays below the object threshold, so the canvas's tight box is the object's.
      expect(tightBox(canvas)).toEqual(box);
    }
    expect(make(3)).toEqual(make(3));
    expect(make(3).box).not.toEqual(make(4).box);
  });
});
