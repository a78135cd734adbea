import { discriminate, type GanDiscriminator } from '@core';
import { describe, expect, it } from 'vitest';

import { boundarySegment, decisionSurface, planeView } from './gan-plane-view';

const d: GanDiscriminator = { w: [0.6, 0.4], b: -0.5 };

describe('GAN picture geometry', () => {
  it('shows at least [−3, 3]² and grows to hold every point', () => {
    expect(planeView([[1, 2]])).toEqual({ min: -3, max: 3 });
    const v = planeView([[-5, 0.5]]);
    expect(v.min).toBeLessThanOrEqual(-5);
    expect(v.max).toBe(-v.min);
  });

  it('the boundary segment lies on w·x + b = 0, where D = 0.5', () => {
    const seg = boundarySegment(d, { min: -3, max: 3 });
    expect(seg).not.toBeNull();
    for (const p of seg!) expect(discriminate(d, p)).toBeCloseTo(0.5, 12);
    expect(boundarySegment({ w: [0, 0], b: 1 }, { min: -3, max: 3 })).toBeNull();
  });

  it('shades each cell with D at its centre', () => {
    const cells = decisionSurface(d, { min: -3, max: 3 }, 4);
    expect(cells).toHaveLength(16);
    const c = cells[5]!;
    expect(c.D).toBe(discriminate(d, [c.x + c.size / 2, c.y + c.size / 2]));
  });
});
