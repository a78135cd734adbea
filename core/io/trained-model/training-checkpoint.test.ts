import { describe, expect, it } from 'vitest';

import { decodeTrainingCheckpoint, encodeTrainingCheckpoint } from './training-checkpoint';
import type { TrainingCheckpoint } from './training-checkpoint';
import { createProject, serializeProject } from '../project-file';

const project = createProject('checkpointed');

const checkpoint: TrainingCheckpoint = {
  epochsDone: 3,
  fingerprint: 'abc-1',
  project: serializeProject(project),
  runs: [
    {
      label: '1 · 14:05',
      settings: project.training,
      epochs: [0, 1, 2].map((epoch) => ({
        epoch,
        loss: 1 / (epoch + 1),
        accuracy: 0.5,
        valLoss: null,
        valAccuracy: null,
        learningRate: 0.001,
        seconds: 1,
      })),
      bestEpoch: 2,
      outcome: null,
    },
  ],
  weights: [
    { shape: [2, 3], values: Float32Array.from([1, -2, 3.5, Number.MIN_VALUE, 1e30, -0]) },
    { shape: [3], values: Float32Array.from([0.1, 0.2, 0.3]) },
  ],
};

describe('training checkpoint (crash recovery)', () => {
  it('round-trips weights bit for bit, with the runs and the project', () => {
    const decoded = decodeTrainingCheckpoint(encodeTrainingCheckpoint(checkpoint));
    if (!decoded.ok) throw new Error(decoded.error.detail);
    expect(decoded.value.epochsDone).toBe(3);
    expect(decoded.value.runs).toEqual(checkpoint.runs);
    expect(decoded.value.project).toBe(checkpoint.project);
    expect(decoded.value.weights.map((w) => [w.shape, [...w.values]])).toEqual(
      checkpoint.weights.map((w) => [w.shape, [...w.values]]),
    );
  });

  it('refuses damaged text with training-checkpoint-damaged, never throws', () => {
    const good = JSON.parse(encodeTrainingCheckpoint(checkpoint)) as Record<string, unknown>;
    const cases: unknown[] = [
      '{',
      { ...good, format: 'other' },
      { ...good, epochsDone: 0 },
      { ...good, runs: [] },
      { ...good, weights: [{ shape: [2, 3], values: 'AAAA' }] }, // too few bytes for the shape
      { ...good, weights: [{ shape: [1], values: '@@@@' }] },
    ];
    for (const c of cases) {
      const decoded = decodeTrainingCheckpoint(typeof c === 'string' ? c : JSON.stringify(c));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.error.code).toBe('training-checkpoint-damaged');
    }
  });
});
