import { describe, expect, it } from 'vitest';
import { augmentSample, isAugmentationActive } from './augment';
import { createRng } from './random';

const off = {
  enabled: true,
  flipHorizontal: false,
  flipVertical: false,
  maxShift: 0,
  maxRotation: 0,
  maxBrightness: 0,
};
const ramp = Uint8Array.from({ length: 16 }, (_, i) => i * 10); // 4×4, one channel

describe('augmentSample', () => {
  it('leaves pixels unchanged when every transform is off', () => {
    expect(isAugmentationActive(off)).toBe(false);
    expect([...augmentSample(ramp, 4, 4, 1, off, createRng(1))]).toEqual([...ramp]);
  });
  it('flips rows exactly when a horizontal flip is drawn', () => {
    const seeds = Array.from({ length: 20 }, (_, s) => [
      ...augmentSample(ramp, 4, 4, 1, { ...off, flipHorizontal: true }, createRng(s)),
    ]);
    const flipped = [30, 20, 10, 0, 70, 60, 50, 40, 110, 100, 90, 80, 150, 140, 130, 120];
    expect(seeds).toContainEqual(flipped);
    expect(seeds).toContainEqual([...ramp]);
  });
  it('is repeatable for a seed and differs across seeds', () => {
    const a = { ...off, maxShift: 0.2, maxRotation: 20, maxBrightness: 0.2 };
    expect(augmentSample(ramp, 4, 4, 1, a, createRng(5))).toEqual(
      augmentSample(ramp, 4, 4, 1, a, createRng(5)),
    );
    expect(augmentSample(ramp, 4, 4, 1, a, createRng(5))).not.toEqual(
      augmentSample(ramp, 4, 4, 1, a, createRng(6)),
    );
  });
  it('does nothing when disabled', () => {
    expect(isAugmentationActive({ ...off, enabled: false, flipHorizontal: true })).toBe(false);
  });
});
