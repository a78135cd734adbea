/**
 * Run by scripts/engine-relaxed.test.ts in a Node started with
 * --experimental-wasm-relaxed-simd (vitest's own workers run without it):
 * trains the same small LeNet for 20 steps on the relaxed-SIMD and the
 * plain-SIMD builds and prints both loss curves and the last gradients as JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tf from '@tensorflow/tfjs';

import { detectEngineBuild, engineBuildFiles, type EngineBuild } from '../core/engine/load-kernels';
import { planEngineModel } from '../core/engine/plan-model';
import { seedWeights } from '../core/engine/testing/reference';
import { quadrantImages, smallLeNet } from '../core/engine/testing/tiny-tasks';
import { TrainingEngine } from '../core/engine/training-engine';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function run(build: EngineBuild): Promise<{ losses: number[]; grads: number[][] }> {
  await tf.setBackend('cpu');
  const model = smallLeNet(16, 4);
  seedWeights(model, 21, 0.3);
  const planned = planEngineModel(model, 'categoricalCrossentropy');
  if (!planned.ok) throw new Error(planned.reason);
  const wasm = new Uint8Array(
    readFileSync(path.join(repoRoot, 'core/engine/build', engineBuildFiles[build])),
  );
  const engine = await TrainingEngine.create(wasm, planned.plan, {
    loss: 'categoricalCrossentropy',
    optimizer: { kind: 'adam', learningRate: 0.003 },
    maxBatch: 16,
    seed: 1,
  });
  engine.loadWeightsFrom(model);
  const data = quadrantImages(20 * 16, 16, 4, 2);
  const losses: number[] = [];
  for (let s = 0; s < 20; s++) {
    engine.inputs(16).set(data.x.subarray(s * 16 * 256, (s + 1) * 16 * 256));
    const t = engine.targets(16).fill(0);
    for (let r = 0; r < 16; r++) t[r * 4 + data.labels[s * 16 + r]!] = 1;
    losses.push(engine.trainBatch(16).loss);
  }
  model.dispose();
  return { losses, grads: engine.readParams().grads.map((g) => Array.from(g)) };
}

const detected = detectEngineBuild();
const relaxed = detected === 'relaxed-simd' ? await run('relaxed-simd') : null;
const simd = await run('simd');
process.stdout.write(JSON.stringify({ detected, relaxed, simd }));
