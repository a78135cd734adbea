import { describe, expect, it } from 'vitest';

import {
  initialTrainingState,
  trainingReducer,
  type TrainingEvent,
  type TrainingState,
  type TrainingStatus,
} from './training-state';

function run(events: TrainingEvent[], from: TrainingState = initialTrainingState): TrainingState {
  return events.reduce(trainingReducer, from);
}

describe('trainingReducer', () => {
  const g = 1;
  const cases: { name: string; events: TrainingEvent[]; status: TrainingStatus }[] = [
    { name: 'start compiles', events: [{ type: 'start' }], status: 'compiling' },
    {
      name: 'compiled trains',
      events: [{ type: 'start' }, { type: 'compiled', generation: g }],
      status: 'training',
    },
    {
      name: 'pause and resume',
      events: [
        { type: 'start' },
        { type: 'compiled', generation: g },
        { type: 'pause', generation: g },
      ],
      status: 'paused',
    },
    {
      name: 'resume returns to training',
      events: [
        { type: 'start' },
        { type: 'compiled', generation: g },
        { type: 'pause', generation: g },
        { type: 'resume', generation: g },
      ],
      status: 'training',
    },
    {
      name: 'completes',
      events: [
        { type: 'start' },
        { type: 'compiled', generation: g },
        { type: 'completed', generation: g, earlyStopped: false },
      ],
      status: 'completed',
    },
    {
      name: 'stops while paused',
      events: [
        { type: 'start' },
        { type: 'compiled', generation: g },
        { type: 'pause', generation: g },
        { type: 'stopped', generation: g },
      ],
      status: 'stopped',
    },
    {
      name: 'fails while compiling',
      events: [
        { type: 'start' },
        { type: 'failed', generation: g, code: 'graph-has-errors', message: 'x' },
      ],
      status: 'failed',
    },
    {
      name: 'cannot pause while compiling',
      events: [{ type: 'start' }, { type: 'pause', generation: g }],
      status: 'compiling',
    },
    {
      name: 'cannot resume a completed run',
      events: [
        { type: 'start' },
        { type: 'compiled', generation: g },
        { type: 'completed', generation: g, earlyStopped: false },
        { type: 'resume', generation: g },
      ],
      status: 'completed',
    },
    {
      name: 'a second start while training is ignored',
      events: [{ type: 'start' }, { type: 'compiled', generation: g }, { type: 'start' }],
      status: 'training',
    },
    {
      name: 'idle ignores run events',
      events: [
        { type: 'compiled', generation: 0 },
        { type: 'completed', generation: 0, earlyStopped: false },
      ],
      status: 'idle',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(run(c.events).status).toBe(c.status);
    });
  }

  it('ignores events from an older run', () => {
    const first = run([
      { type: 'start' },
      { type: 'compiled', generation: 1 },
      { type: 'stopped', generation: 1 },
    ]);
    const second = run([{ type: 'start' }, { type: 'compiled', generation: 2 }], first);
    expect(second.generation).toBe(2);
    expect(run([{ type: 'completed', generation: 1, earlyStopped: false }], second).status).toBe(
      'training',
    );
  });

  it('records the failure and the early stop, and clears them on the next start', () => {
    const failed = run([
      { type: 'start' },
      { type: 'failed', generation: 1, code: 'non-finite-loss', message: 'NaN' },
    ]);
    expect(failed.error).toEqual({ code: 'non-finite-loss', message: 'NaN' });
    const again = run(
      [
        { type: 'start' },
        { type: 'compiled', generation: 2 },
        { type: 'completed', generation: 2, earlyStopped: true },
      ],
      failed,
    );
    expect(again.error).toBeNull();
    expect(again.earlyStopped).toBe(true);
  });

  it('marks a stop request until the run confirms it, and refuses to pause meanwhile', () => {
    const stopping = run([
      { type: 'start' },
      { type: 'compiled', generation: 1 },
      { type: 'stop-requested', generation: 1 },
    ]);
    expect(stopping.stopRequested).toBe(true);
    expect(run([{ type: 'pause', generation: 1 }], stopping).status).toBe('training');
    expect(run([{ type: 'stopped', generation: 1 }], stopping)).toMatchObject({
      status: 'stopped',
      stopRequested: false,
    });
  });
});
