import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { planEngineModel } from './plan-model';
import { engineWasmForTests } from './testing/engine-wasm';
import { relativeError, seedWeights } from './testing/reference';
import { quadrantImages, smallLeNet } from './testing/tiny-tasks';
import { TrainingEngine } from './training-engine';

beforeAll(() => tf.setBackend('cpu'));

async function lenetEngine(model: tf.LayersModel, maxBatch: number): Promise<TrainingEngine> {
  const planned = planEngineModel(model, 'categoricalCrossentropy');
  if (!planned.ok) throw new Error(planned.reason);
  const engine = await TrainingEngine.create(engineWasmForTests(), planned.plan, {
    loss: 'categoricalCrossentropy',
    optimizer: { kind: 'adam', learningRate: 0.003 },
    maxBatch,
    seed: 1,
  });
  engine.loadWeightsFrom(model);
  return engine;
}

describe('data-parallel steps (computeGradients + applyGradients)', () => {
  it('two engines on a 10 + 6 split of each batch train like one engine on the whole batch', async () => {
    const model = smallLeNet(16, 4);
    seedWeights(model, 5, 0.3);
    const whole = await lenetEngine(model, 16);
    const left = await lenetEngine(model, 10);
    const right = await lenetEngine(model, 6);
    const data = quadrantImages(16 * 10, 16, 4, 8);
    const size = 16 * 16;
    const setBatch = (engine: TrainingEngine, from: number, n: number): void => {
      engine.inputs(n).set(data.x.subarray(from * size, (from + n) * size));
      const t = engine.targets(n).fill(0);
      for (let r = 0; r < n; r++) t[r * 4 + data.labels[from + r]!] = 1;
    };
    for (let step = 0; step < 10; step++) {
      const start = step * 16;
      setBatch(whole, start, 16);
      const reference = whole.trainBatch(16);
      setBatch(left, start, 10);
      setBatch(right, start + 10, 6);
      const a = left.computeGradients(10);
      const b = right.computeGradients(6);
      expect((a.loss * 10 + b.loss * 6) / 16).toBeCloseTo(reference.loss, 5);
      const g = left.gradients();
      const h = right.gradients();
      for (let i = 0; i < g.length; i++) g[i] = (g[i]! * 10 + h[i]! * 6) / 16; // weighted mean of the parts
      left.applyGradients();
      right.weights().set(left.weights()); // share the new weights (right's optimizer state stays unused)
      expect(relativeError(left.weights(), whole.weights())).toBeLessThan(1e-5);
    }
    model.dispose();
  });
});
