import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { createRng, type Rng } from '../data/random';
import type { LossKind } from '../train/config';
import { planEngineModel } from './plan-model';
import { engineWasmForTests } from './testing/engine-wasm';
import {
  referenceGradients,
  seededTargets,
  seededValues,
  seedWeights,
  worstGradientError,
} from './testing/reference';
import { TrainingEngine } from './training-engine';

const L = tf.layers;
const graphs = 50;
const activations = ['linear', 'relu', 'tanh', 'sigmoid', 'elu'] as const;

interface Built {
  readonly model: tf.LayersModel;
  readonly loss: LossKind;
  readonly inputShape: number[];
  /** What the generator drew, for the failure message. */
  readonly description: string;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.nextInt(items.length)]!;
}

function shapeOf(t: tf.SymbolicTensor): number[] {
  return t.shape.slice(1) as number[];
}

/**
 * A random valid DAG, seeded: a flat or a small image input, then 3–7 steps
 * each reading one or two earlier tensors (any of them, so tensors fan out):
 * Dense, Activation, Conv2D `same` (images), BatchNormalization, Add of two
 * same-shaped tensors (a residual block when there is none: x + f(x)) and
 * Concatenate. Every tensor nobody read is flattened and concatenated into the
 * output layer, so no branch is pruned.
 */
function randomDag(seed: number): Built {
  const rng = createRng(seed);
  const image = rng.next() < 0.4;
  const inputShape = image ? [5, 5, 2] : [3 + rng.nextInt(6)];
  const input = tf.input({ shape: inputShape });
  const pool: tf.SymbolicTensor[] = [input];
  const read = new Set<tf.SymbolicTensor>();
  const steps: string[] = [];
  const take = (): tf.SymbolicTensor => {
    // Recent tensors more often, but any earlier one can be read again (fan-out).
    const t = rng.next() < 0.6 ? pool[pool.length - 1]! : pick(rng, pool);
    read.add(t);
    return t;
  };
  const transform = (x: tf.SymbolicTensor, width: number): tf.SymbolicTensor => {
    const activation = pick(rng, activations);
    if (shapeOf(x).length === 3) {
      steps.push(`conv(${width},${activation})`);
      return L.conv2d({
        filters: width,
        kernelSize: 1 + rng.nextInt(3),
        padding: 'same',
        activation,
      }).apply(x) as tf.SymbolicTensor;
    }
    steps.push(`dense(${width},${activation})`);
    return L.dense({ units: width, activation }).apply(x) as tf.SymbolicTensor;
  };
  const stepCount = 3 + rng.nextInt(5);
  for (let s = 0; s < stepCount; s++) {
    const x = take();
    const shape = shapeOf(x);
    const width = shape[shape.length - 1]!;
    const roll = rng.next();
    let y: tf.SymbolicTensor;
    if (roll < 0.3) {
      y = transform(x, 2 + rng.nextInt(5));
    } else if (roll < 0.55) {
      const same = pool.filter((t) => t !== x && shapeOf(t).join() === shape.join());
      const other = same.length > 0 && rng.next() < 0.5 ? pick(rng, same) : transform(x, width);
      read.add(other);
      steps.push('add');
      y = L.add().apply([x, other]) as tf.SymbolicTensor;
    } else if (roll < 0.75) {
      const other = transform(x, 1 + rng.nextInt(4));
      read.add(other);
      steps.push('concatenate');
      y = L.concatenate().apply([x, other]) as tf.SymbolicTensor;
    } else if (roll < 0.9) {
      const activation = pick(rng, activations.slice(1));
      steps.push(`activation(${activation})`);
      y = L.activation({ activation }).apply(x) as tf.SymbolicTensor;
    } else {
      steps.push('batchNorm');
      y = L.batchNormalization({}).apply(x) as tf.SymbolicTensor;
    }
    pool.push(y);
  }
  const leaves = pool.filter((t) => !read.has(t) && t !== input);
  const flat = leaves.map((t) =>
    shapeOf(t).length === 1 ? t : (L.flatten().apply(t) as tf.SymbolicTensor),
  );
  const joined = flat.length === 1 ? flat[0]! : (L.concatenate().apply(flat) as tf.SymbolicTensor);
  const loss = pick(rng, [
    'categoricalCrossentropy',
    'sparseCategoricalCrossentropy',
    'binaryCrossentropy',
    'meanSquaredError',
  ] as const);
  const units = loss === 'binaryCrossentropy' ? 1 + rng.nextInt(2) : 2 + rng.nextInt(3);
  const activation =
    loss === 'meanSquaredError' ? 'linear' : loss === 'binaryCrossentropy' ? 'sigmoid' : 'softmax';
  const output = L.dense({ units, activation }).apply(joined) as tf.SymbolicTensor;
  return {
    model: tf.model({ inputs: input, outputs: output }),
    loss,
    inputShape,
    description: `${inputShape.join('×')} → ${steps.join(' → ')} → ${leaves.length} leaves → dense(${units}) ${loss}`,
  };
}

beforeAll(() => tf.setBackend('cpu'));

/** Trains one batch at learning rate 0 and checks loss and every gradient against TF.js. */
async function expectTfGradients(
  wasm: Uint8Array,
  { model, loss, inputShape, description }: Built,
  seed: number,
): Promise<void> {
  const planned = planEngineModel(model, loss);
  if (!planned.ok) throw new Error(`${description}: ${planned.reason}`);
  seedWeights(model, seed, 0.5);
  const n = 8;
  const units = planned.plan.outputUnits;
  const x = seededValues(n * inputShape.reduce((a, d) => a * d, 1), seed + 1);
  const y = seededTargets(loss, n, units, seed + 2);
  const engine = await TrainingEngine.create(wasm, planned.plan, {
    loss,
    optimizer: { kind: 'sgd', learningRate: 0 },
    maxBatch: 8,
    seed: 1,
  });
  engine.loadWeightsFrom(model);
  const reference = referenceGradients(model, loss, x, y, n);
  engine.inputs(n).set(x);
  engine.targets(n).set(y);
  const result = engine.trainBatch(n);
  const lossGap = Math.abs(result.loss - reference.loss) / Math.abs(reference.loss);
  expect(lossGap, `loss (${description})`).toBeLessThan(1e-4);
  const { grads } = engine.readParams();
  expect(grads, `gradient count (${description})`).toHaveLength(reference.grads.length);
  // A bias feeding BatchNormalization has an analytically zero gradient; both sides hold
  // float32 noise there (measured up to 1.4e-7 × the largest gradient), so such a tensor is
  // measured on 1e-2 × the largest gradient (every other one on its own scale).
  const { worst, errors } = worstGradientError(grads, reference.grads, 1e-2);
  expect(worst, `${description}: ${errors.map((e) => e.toExponential(1)).join(', ')}`).toBeLessThan(
    1e-4,
  );
}

describe('random DAGs: engine gradients equal TF.js (cpu) within 1e-4', () => {
  const wasm = engineWasmForTests();
  it(`${graphs} seeded graphs with branches, Add and Concatenate`, async () => {
    let merges = 0;
    for (let g = 0; g < graphs; g++) {
      const built = randomDag(1000 + g);
      const planned = planEngineModel(built.model, built.loss);
      if (planned.ok && planned.plan.graph?.some((node) => node.kind === 'merge')) merges++;
      await expectTfGradients(
        wasm,
        { ...built, description: `graph ${g}: ${built.description}` },
        1000 + g,
      );
      built.model.dispose();
    }
    // The generator is not degenerate: most graphs merge.
    expect(merges).toBeGreaterThan(graphs / 2);
  }, 120_000);

  it('a tensor added to itself, read by three layers, and images joined along their rows', async () => {
    const input = tf.input({ shape: [4, 3, 2] });
    const a = L.conv2d({ filters: 2, kernelSize: 2, padding: 'same', activation: 'tanh' }).apply(
      input,
    ) as tf.SymbolicTensor;
    const twice = L.add().apply([a, a]) as tf.SymbolicTensor;
    const b = L.conv2d({ filters: 2, kernelSize: 1, activation: 'relu' }).apply(
      a,
    ) as tf.SymbolicTensor;
    const rows = L.concatenate({ axis: 1 }).apply([twice, b, a]) as tf.SymbolicTensor; // [12, 3, 2]
    const output = L.dense({ units: 3, activation: 'softmax' }).apply(L.flatten().apply(rows));
    const model = tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
    await expectTfGradients(
      wasm,
      {
        model,
        loss: 'categoricalCrossentropy',
        inputShape: [4, 3, 2],
        description: 'Add(a, a), a read three times, Concatenate axis 1',
      },
      77,
    );
    model.dispose();
  });
});
