import {
  COURSE_323_DEFAULTS,
  courseNet323,
  randomDenseNet,
  traceBackprop,
  type DenseNet,
} from '@core';
import { describe, expect, it } from 'vitest';

import { boxesOverlap, LABEL_HEIGHT, type PlacedLabel } from './edge-labels';
import { layoutNetDiagram } from './net-diagram-layout';

const traceOf = (net: DenseNet) =>
  traceBackprop({
    net,
    inputs: Array.from({ length: net.layerSizes[0] ?? 0 }, () => 0.5),
    targets: Array.from({ length: net.layerSizes.at(-1) ?? 0 }, (_, i) => (i === 0 ? 1 : 0)),
    loss: 'mean-sse',
    eta: 0.5,
  });

const box = (l: PlacedLabel) => {
  const a = (l.angle * Math.PI) / 180;
  return {
    cx: l.x,
    cy: l.y,
    ux: Math.cos(a),
    uy: Math.sin(a),
    hw: l.width / 2,
    hh: LABEL_HEIGHT / 2,
  };
};

/** Every pair of labels, and every label against every unit circle. */
function collisions(layout: ReturnType<typeof layoutNetDiagram>): string[] {
  const labels = [...layout.labels.values()];
  const out: string[] = [];
  labels.forEach((p, i) =>
    labels.slice(i + 1).forEach((q) => {
      if (boxesOverlap(box(p), box(q))) out.push(`${p.id}×${q.id}`);
    }),
  );
  for (const l of labels) if (!l.free) out.push(`${l.id} has no free spot`);
  return out;
}

describe('weight labels of the backprop diagram', () => {
  const course = traceOf(courseNet323(COURSE_323_DEFAULTS.weights));
  for (const current of [null, ...course.gradients.map((g) => g.name)])
    it(`do not overlap on the 3-2-3 net (current weight: ${current ?? 'none'})`, () => {
      expect(collisions(layoutNetDiagram(course, current, 4))).toEqual([]);
    });

  it('do not overlap on a 3-4-4-3 net at its hidden-weight step', () => {
    const t = traceOf(randomDenseNet([3, 4, 4, 3], ['sigmoid', 'sigmoid', 'sigmoid'], 1));
    expect(collisions(layoutNetDiagram(t, 'w5', 4))).toEqual([]);
  });
});
