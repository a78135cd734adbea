import { describe, expect, it } from 'vitest';

import {
  boundsOf,
  centreOn,
  fitView,
  panBy,
  pickPoint,
  placeLabels,
  toScreen,
  zoomAt,
} from './scatter-view';

const xy = Float32Array.from([0, 0, 10, 5, -10, -5, 0.1, 0.05]);

describe('scatter view', () => {
  it('fits every point inside the box with its margin', () => {
    const v = fitView(boundsOf(xy), 400, 300, 20);
    for (let i = 0; i < 4; i++) {
      const [x, y] = toScreen(v, xy[2 * i]!, xy[2 * i + 1]!);
      expect(x).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(x).toBeLessThanOrEqual(380 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(y).toBeLessThanOrEqual(280 + 1e-9);
    }
    // Data y grows upwards: the point at y = 5 is drawn above the one at y = −5.
    expect(toScreen(v, 10, 5)[1]).toBeLessThan(toScreen(v, -10, -5)[1]);
  });

  it('keeps the point under the pointer in place when zooming', () => {
    const v = fitView(boundsOf(xy), 400, 300);
    const before = toScreen(v, 10, 5);
    const after = toScreen(zoomAt(v, before[0], before[1], 3), 10, 5);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
  });

  it('centres a searched word', () => {
    const v = centreOn(fitView(boundsOf(xy), 400, 300), -10, -5, 400, 300, 50);
    expect(toScreen(v, -10, -5)).toEqual([200, 150]);
    expect(v.scale).toBe(50);
  });

  it('picks the nearest dot within the radius, or none', () => {
    const v = fitView(boundsOf(xy), 400, 300);
    const [x, y] = toScreen(v, 10, 5);
    expect(pickPoint(v, xy, x + 2, y - 1)).toBe(1);
    expect(pickPoint(v, xy, x + 40, y)).toBeNull();
  });

  it('places labels in priority order without overlaps, and only on screen', () => {
    const v = fitView(boundsOf(xy), 400, 300);
    // Points 0 and 3 are 0.1 apart: their labels would overlap, so the second is dropped.
    const placed = placeLabels(v, xy, [3, 0, 1, 2], () => 40, { width: 400, height: 300 });
    expect(placed.map((p) => p.index)).toEqual([3, 1, 2]);
    const far = panBy(v, 10_000, 0);
    expect(placeLabels(far, xy, [0, 1, 2, 3], () => 40, { width: 400, height: 300 })).toEqual([]);
  });
});
