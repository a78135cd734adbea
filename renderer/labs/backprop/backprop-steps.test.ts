import { COURSE_323_DEFAULTS, courseNet323, traceBackprop } from '@core';
import { describe, expect, it } from 'vitest';

import { buildSteps, revealedAt } from './backprop-steps';

const trace = traceBackprop({
  net: courseNet323(COURSE_323_DEFAULTS.weights),
  inputs: COURSE_323_DEFAULTS.inputs,
  targets: COURSE_323_DEFAULTS.targets,
  loss: 'mean-sse',
  eta: 0.5,
});

describe('backprop steps', () => {
  const steps = buildSteps(trace);
  it('walks start, five units forward, the loss, twelve weights backward, then the update', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'start',
      'forward:h1',
      'forward:h2',
      'forward:o1',
      'forward:o2',
      'forward:o3',
      'loss',
      ...['w7', 'w8', 'w9', 'w10', 'w11', 'w12', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map(
        (w) => `gradient:${w}`,
      ),
      'update',
    ]);
  });
  it('reveals units forward as they are computed and δ once a weight into the unit is reached', () => {
    const atH2 = revealedAt(trace, steps, 2);
    expect([...atH2.units].sort()).toEqual(['h1', 'h2', 'x1', 'x2', 'x3']);
    expect(atH2.currentUnit).toBe('h2');
    const atW7 = revealedAt(
      trace,
      steps,
      steps.findIndex((s) => s.id === 'gradient:w7'),
    );
    expect(atW7.currentParameter).toBe('w7');
    expect([...atW7.deltas]).toEqual(['o1']);
    const atW1 = revealedAt(
      trace,
      steps,
      steps.findIndex((s) => s.id === 'gradient:w1'),
    );
    expect([...atW1.deltas].sort()).toEqual(['h1', 'o1', 'o2', 'o3']);
  });
});
