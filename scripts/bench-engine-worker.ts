/**
 * Gradient worker of `npm run bench:engine`'s 2-thread runs (bundled by
 * esbuild at bench time, since worker threads cannot load .ts through tsx):
 * owns an engine for its part of each batch; per step it takes the current
 * weights and its examples and returns the gradients.
 */
import { parentPort } from 'node:worker_threads';

import { planEngineModel } from '../core/engine/plan-model';
import { TrainingEngine } from '../core/engine/training-engine';
import { benchModels, type BenchModelName } from './bench-engine-models';

type Message =
  | { type: 'init'; model: BenchModelName; wasm: Uint8Array; maxBatch: number }
  | { type: 'step'; n: number; x: Float32Array; y: Float32Array; weights: Float32Array };

let engine: TrainingEngine | null = null;

parentPort?.on('message', (message: Message) => {
  void (async () => {
    if (message.type === 'init') {
      const planned = planEngineModel(benchModels[message.model](), 'categoricalCrossentropy');
      if (!planned.ok) throw new Error(planned.reason);
      engine = await TrainingEngine.create(message.wasm, planned.plan, {
        loss: 'categoricalCrossentropy',
        optimizer: { kind: 'sgd', learningRate: 0 },
        maxBatch: message.maxBatch,
        seed: 1,
      });
      parentPort?.postMessage({ type: 'ready' });
      return;
    }
    if (!engine) return;
    engine.weights().set(message.weights);
    engine.inputs(message.n).set(message.x);
    engine.targets(message.n).set(message.y);
    const result = engine.computeGradients(message.n);
    const grads = engine.gradients().slice();
    parentPort?.postMessage({ type: 'grads', loss: result.loss, grads }, [grads.buffer]);
  })();
});
