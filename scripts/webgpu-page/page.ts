import * as tf from '@tensorflow/tfjs';

import { probeWebgpuAdapter, type GpuAdapterLike } from '../../core/backend/backend-policy';
import { initBackend, type BackendInfo } from '../../core/backend/init-backend';
import { compileGraph } from '../../core/compile/compile-graph';
import type { GraphDoc } from '../../core/graph/types';
import { graphOf } from '../../core/train/testing/tiny-graphs';

/**
 * A page that trains small models through core's own `initBackend` and
 * `compileGraph` on a chosen backend, for the WebGPU parity test
 * (scripts/webgpu-parity.test.ts) and the WebGPU row of `bench:train`.
 * Every run starts from the same seeded weights and batches, so two backends
 * can be compared number for number.
 */

export type ParityModel = 'cnn' | 'dense';

export interface ParityRun {
  readonly info: BackendInfo;
  /** Gradient of the loss for every trainable weight, at the seeded weights. */
  readonly grads: number[][];
  /** Loss before each SGD step, from the seeded weights on. */
  readonly losses: number[];
}

const graphs: Record<ParityModel, { graph: GraphDoc; input: number[]; classes: number }> = {
  cnn: {
    graph: graphOf([
      { name: 'image', kind: 'ImageInput', params: { height: 12, width: 12, channels: 1 } },
      {
        name: 'c1',
        kind: 'Conv2D',
        params: {
          filters: 4,
          kernelSize: [3, 3],
          strides: [1, 1],
          padding: 'same',
          activation: 'relu',
        },
      },
      {
        name: 'p1',
        kind: 'MaxPooling2D',
        params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
      },
      {
        name: 'c2',
        kind: 'Conv2D',
        params: {
          filters: 6,
          kernelSize: [3, 3],
          strides: [1, 1],
          padding: 'valid',
          activation: 'relu',
        },
      },
      { name: 'flat', kind: 'Flatten' },
      { name: 'out', kind: 'Dense', params: { units: 5, activation: 'softmax' } },
    ]),
    input: [12, 12, 1],
    classes: 5,
  },
  dense: {
    graph: graphOf([
      { name: 'x', kind: 'VectorInput', params: { size: 20 } },
      { name: 'h1', kind: 'Dense', params: { units: 16, activation: 'relu' } },
      { name: 'h2', kind: 'Dense', params: { units: 12, activation: 'tanh' } },
      { name: 'out', kind: 'Dense', params: { units: 4, activation: 'softmax' } },
    ]),
    input: [20],
    classes: 4,
  },
};

function seeded(n: number, seed: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * scale;
  }
  return out;
}

function batch(model: ParityModel, size: number, step: number): { x: tf.Tensor; y: tf.Tensor } {
  const { input, classes } = graphs[model];
  const shape = [size, ...input];
  const x = tf.tensor(
    seeded(
      shape.reduce((a, d) => a * d, 1),
      1000 + step,
      2,
    ),
    shape,
  );
  const labels = Array.from({ length: size }, (_, i) => (i * 7 + step) % classes);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
  return { x, y };
}

function build(model: ParityModel): tf.LayersModel {
  const built = compileGraph(graphs[model].graph, { diagnostics: [] });
  tf.tidy(() =>
    built.setWeights(
      built.getWeights().map((w, i) => tf.tensor(seeded(w.size, 101 + i, 0.8), w.shape)),
    ),
  );
  return built;
}

const lossOf = (model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): tf.Scalar =>
  tf.metrics.categoricalCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor).mean();

/** The page's own WebGPU adapter, as the training worker probes it. */
async function adapter() {
  return probeWebgpuAdapter(
    (
      navigator as unknown as {
        gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> };
      }
    ).gpu,
  );
}

async function useBackend(choice: 'cpu' | 'webgpu' | 'auto'): Promise<BackendInfo> {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  const ext = gl?.getExtension('WEBGL_debug_renderer_info');
  const webglRenderer = gl
    ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
    : null;
  return initBackend(choice, {
    wasmPaths: '/wasm/',
    webgpuAdapter: await adapter(),
    webglRenderer,
  });
}

/** Gradients at the seeded weights, then `steps` SGD steps (their losses), on one backend. */
async function runParity(req: {
  backend: 'cpu' | 'webgpu';
  model: ParityModel;
  steps: number;
}): Promise<ParityRun> {
  const info = await useBackend(req.backend);
  const model = build(req.model);
  const { x, y } = batch(req.model, 8, 0);
  const vars = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const { value, grads } = tf.variableGrads(() => lossOf(model, x, y), vars);
  const gradArrays = await Promise.all(
    vars.map(async (v) => Array.from(await grads[v.name]!.data())),
  );
  tf.dispose([value, x, y, ...Object.values(grads)]);
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
  const losses: number[] = [];
  for (let step = 0; step < req.steps; step++) {
    const b = batch(req.model, 8, step % 4);
    losses.push(Number(await model.trainOnBatch(b.x, b.y)));
    tf.dispose([b.x, b.y]);
  }
  model.dispose();
  return { info, grads: gradArrays, losses };
}

/** What Automatic picks here: the policy must not take a software adapter. */
async function autoChoice(): Promise<{ info: BackendInfo; adapter: unknown }> {
  return { info: await useBackend('auto'), adapter: await adapter() };
}

/**
 * Examples per second of `batches` Adam steps of batch 64 of `graph` (a
 * template's, 28×28×1 images, 10 classes) on one backend, after `warmup`
 * steps: the WebGPU row of bench:train. Speed does not depend on the pixel values.
 */
async function trainRate(req: {
  backend: 'webgpu' | 'cpu';
  graph: GraphDoc;
  batches: number;
  warmup: number;
}): Promise<{ info: BackendInfo; examplesPerSecond: number }> {
  const info = await useBackend(req.backend);
  const model = compileGraph(req.graph, { diagnostics: [], inference: { datasetClassCount: 10 } });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const x = tf.tensor(seeded(64 * 784, 7, 2), [64, 28, 28, 1]);
  const labels = Array.from({ length: 64 }, (_, i) => i % 10);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat();
  let start = 0;
  for (let b = 0; b < req.warmup + req.batches; b++) {
    if (b === req.warmup) start = performance.now();
    // trainOnBatch reads the loss back: each step has finished on the GPU.
    await model.trainOnBatch(x, y);
  }
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([x, y]);
  model.dispose();
  return { info, examplesPerSecond: (req.batches * 64) / seconds };
}

Object.assign(window, { runParity, autoChoice, trainRate, adapter });
document.getElementById('status')!.textContent = 'ready';
