import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { initBackend } from '../backend/init-backend';
import { defaultTrainingConfig, optimizerKinds, type TrainingConfig } from '../train/config';
import { createOptimizer, learningRateForEpoch, setLearningRate } from './training-setup';

beforeAll(async () => {
  await initBackend('cpu');
});

const expectedClass: Record<(typeof optimizerKinds)[number], string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  adam: 'Adam',
  rmsprop: 'RMSProp',
  adagrad: 'Adagrad',
};

describe('createOptimizer', () => {
  for (const kind of optimizerKinds) {
    it(`creates ${kind} with its learning rate, and the rate can be changed`, () => {
      const opt = createOptimizer({ kind, learningRate: 0.05, momentum: 0.8 });
      expect(opt.getClassName()).toBe(expectedClass[kind]);
      expect(opt.getConfig()['learningRate']).toBe(0.05);
      setLearningRate(opt, 0.01);
      expect(opt.getConfig()['learningRate']).toBe(0.01);
      opt.dispose();
    });
  }

  it('applies a changed rate to SGD steps (SGD caches it as a tensor)', () => {
    const v = tf.variable(tf.scalar(1));
    const opt = createOptimizer({ kind: 'sgd', learningRate: 0.5 });
    setLearningRate(opt, 0.1);
    opt.minimize(() => v.mul(2).sum() as tf.Scalar);
    expect(v.dataSync()[0]).toBeCloseTo(1 - 0.1 * 2, 6);
    opt.dispose();
    v.dispose();
  });
});

describe('learningRateForEpoch', () => {
  const base: TrainingConfig = {
    ...defaultTrainingConfig,
    optimizer: { kind: 'sgd', learningRate: 0.1 },
  };
  const cases = [
    { kind: 'none', factor: 0.5, every: 1, epoch: 3, want: 0.1 },
    { kind: 'exponential', factor: 0.5, every: 1, epoch: 0, want: 0.1 },
    { kind: 'exponential', factor: 0.5, every: 1, epoch: 3, want: 0.0125 },
    { kind: 'step', factor: 0.1, every: 2, epoch: 1, want: 0.1 },
    { kind: 'step', factor: 0.1, every: 2, epoch: 4, want: 0.001 },
  ] as const;
  for (const c of cases) {
    it(`${c.kind} ×${c.factor} every ${c.every}: epoch ${c.epoch} → ${c.want}`, () => {
      const config = {
        ...base,
        learningRateDecay: { kind: c.kind, factor: c.factor, everyEpochs: c.every },
      };
      expect(learningRateForEpoch(config, c.epoch)).toBeCloseTo(c.want, 10);
    });
  }
});
