/**
 * `npm run bench:engine`: LayerLab's wasm SIMD engine against TF.js's wasm
 * backend and PyTorch (CPU), in one run, on Fashion-MNIST batches:
 * - GFLOP/s of the GEMMs of the LeNet training step (relaxed-SIMD and plain-SIMD builds);
 * - examples/s training the LeNet-style CNN, the 784-128-10 MLP and the
 *   lstm-text model, and the residual-cnn template (a graph: two Add merges, batch norm) (Adam, batch 64): one engine, K data-parallel workers
 *   (core/engine/data-parallel.ts over worker threads, as `npm run train`),
 *   TF.js wasm, PyTorch's best of 1 and 2 threads (scripts/bench-torch.py),
 *   with ratios and the GFLOP/s the K workers reach;
 * - the Chromium row: the app's training worker with its nested peers, with
 *   the window's frame rate and longest frame gap while it trains
 *   (scripts/bench-engine-chromium.ts; `--no-chromium` skips it);
 * - a per-op profile of the engine's LeNet step;
 * Options: --training-only (no GEMM table, no profiles), --models=lenet,mlp,lstm,residual, --no-chromium.
 * - with `--accuracy`: 1 epoch of LeNet on the 60k set with the engine, test accuracy on the 10k set.
 * Prints the load average next to every figure: the machine may be shared.
 * Run through the npm script, which passes --experimental-wasm-relaxed-simd to Node 20.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import * as tf from '@tensorflow/tfjs';

import { initBackend } from '../core/backend/init-backend';
import { compileForTraining } from '../core/compile/training-setup';
import { Arena } from '../core/engine/arena';
import { DataParallelTrainer, type FillSlice } from '../core/engine/data-parallel';
import { trainWithEngine } from '../core/engine/engine-runner';
import {
  detectEngineBuild,
  engineBuildFiles,
  instantiateKernels,
  type EngineBuild,
} from '../core/engine/load-kernels';
import { planEngineModel } from '../core/engine/plan-model';
import { TrainingEngine } from '../core/engine/training-engine';
import { defaultTrainingConfig, type TrainingConfig } from '../core/train/config';
import { samplesFromArrays } from '../core/train/sample-source';
import { defaultEngineWorkers, nodeEngineParallel } from '../electron/cli/engine-peers';
import { buildStepNamed, runBuildSteps } from './build-steps';
import { chromiumEngineRow } from './bench-engine-chromium';
import { lenet, lstmText, mlp, residualCnn, trainingFlopsPerExample } from './bench-engine-models';
import { loadFashionMnist } from './fashion-mnist';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const batch = 64;
const config: TrainingConfig = {
  ...defaultTrainingConfig,
  optimizer: { kind: 'adam', learningRate: 0.001 },
  batchSize: batch,
};

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const load = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Batches {
  readonly x: (Float32Array | Int32Array)[];
  readonly y: Float32Array[];
}

function makeBatches(pixels: Uint8Array, labels: Uint8Array, count: number): Batches {
  const x: Float32Array[] = [];
  const y: Float32Array[] = [];
  for (let b = 0; b < count; b++) {
    x.push(
      Float32Array.from(pixels.subarray(b * batch * 784, (b + 1) * batch * 784), (p) => p / 255),
    );
    const t = new Float32Array(batch * 10);
    for (let r = 0; r < batch; r++) t[r * 10 + labels[b * batch + r]!] = 1;
    y.push(t);
  }
  return { x, y };
}

const wasmBytes = (build: EngineBuild): Uint8Array =>
  new Uint8Array(readFileSync(path.join(repoRoot, 'core/engine/build', engineBuildFiles[build])));

async function engineFor(build: EngineBuild, model: tf.LayersModel): Promise<TrainingEngine> {
  const planned = planEngineModel(model, config.loss);
  if (!planned.ok) throw new Error(planned.reason);
  const engine = await TrainingEngine.create(wasmBytes(build), planned.plan, {
    loss: config.loss,
    optimizer: config.optimizer,
    maxBatch: batch,
    seed: 1,
  });
  engine.loadWeightsFrom(model);
  return engine;
}

/** Examples/s of the engine: median of `repeats` runs of `steps` batches after a warm-up. */
async function engineSpeed(
  build: EngineBuild,
  model: tf.LayersModel,
  data: Batches,
  steps: number,
  repeats: number,
): Promise<number> {
  const engine = await engineFor(build, model);
  const step = (b: number): void => {
    const i = b % data.x.length;
    engine.inputsOfPlan(batch).set(data.x[i]!);
    engine.targets(batch).set(data.y[i]!);
    engine.trainBatch(batch);
  };
  for (let b = 0; b < 3; b++) step(b);
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let b = 0; b < steps; b++) step(b);
    rates.push((steps * batch) / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

async function tfjsSpeed(
  model: tf.LayersModel,
  data: Batches,
  steps: number,
  repeats: number,
): Promise<number> {
  const optimizer = compileForTraining(model, config);
  const step = async (b: number): Promise<void> => {
    const i = b % data.x.length;
    const input = model.inputs[0]!;
    const xs = tf.tensor(data.x[i]!, [batch, ...(input.shape.slice(1) as number[])], input.dtype);
    const ys = tf.tensor2d(data.y[i]!, [batch, data.y[i]!.length / batch]);
    await model.trainOnBatch(xs, ys);
    tf.dispose([xs, ys]);
  };
  for (let b = 0; b < 3; b++) await step(b);
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let b = 0; b < steps; b++) await step(b);
    rates.push((steps * batch) / ((performance.now() - t0) / 1000));
  }
  optimizer.dispose();
  return median(rates);
}

/**
 * Examples/s with K data-parallel workers, exactly as `npm run train` runs
 * them: `DataParallelTrainer` with worker-thread peers over SharedArrayBuffers.
 */
async function parallelSpeed(
  build: EngineBuild,
  model: tf.LayersModel,
  data: Batches,
  steps: number,
  repeats: number,
  workers: number,
  forced = false,
): Promise<{ rate: number; workers: number }> {
  const engine = await engineFor(build, model);
  const trainer = await DataParallelTrainer.start(
    engine,
    model,
    { wasm: wasmBytes(build), loss: config.loss, batchSize: batch, seed: 1 },
    { ...nodeEngineParallel(workers), ...(forced ? { minFlopsPerSlice: 0 } : {}) },
  );
  const indices = Array.from({ length: batch }, (_, i) => i);
  let current = 0;
  const fill: FillSlice = (slice, inputs, targets) => {
    const x = data.x[current]!;
    const y = data.y[current]!;
    const xs = x.length / batch;
    const ys = y.length / batch;
    const from = slice[0]!;
    inputs.set(x.subarray(from * xs, (from + slice.length) * xs));
    targets.set(y.subarray(from * ys, (from + slice.length) * ys));
    return Promise.resolve();
  };
  const step = async (b: number): Promise<void> => {
    current = b % data.x.length;
    await trainer.trainBatch(indices, fill);
  };
  try {
    for (let b = 0; b < 3; b++) await step(b);
    const rates: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      for (let b = 0; b < steps; b++) await step(b);
      rates.push((steps * batch) / ((performance.now() - t0) / 1000));
    }
    return { rate: median(rates), workers: trainer.workers };
  } finally {
    await trainer.close();
  }
}

/** PyTorch's examples/s per model and thread count (scripts/bench-torch.py), or why there are none. */
async function torchRates(): Promise<Map<string, Record<string, number>> | string> {
  try {
    const { stdout } = await promisify(execFile)(
      '/usr/bin/python3',
      [path.join(repoRoot, 'scripts/bench-torch.py'), '--steps', '100'],
      { maxBuffer: 1 << 20 },
    );
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { model: string; rates: Record<string, number> });
    return new Map(rows.map((r) => [r.model, r.rates]));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return `PyTorch skipped: ${stderr || (error as Error).message}`;
  }
}

/** GFLOP/s of one GEMM shape (median of 5 timed runs after warm-up). */
async function gemmSpeed(
  build: EngineBuild,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
): Promise<number> {
  const kernels = await instantiateKernels(wasmBytes(build));
  const arena = new Arena(kernels);
  const a = arena.alloc(m * k);
  const b = arena.alloc(k * n);
  const c = arena.alloc(m * n);
  const work = arena.alloc(kernels.gemmWorkspaceBytes() / 4);
  arena.commit();
  arena.f32(a, m * k).fill(0.5);
  arena.f32(b, k * n).fill(0.25);
  const run = (): void =>
    kernels.sgemm(
      transA ? 1 : 0,
      transB ? 1 : 0,
      m,
      n,
      k,
      a,
      transA ? m : k,
      b,
      transB ? k : n,
      c,
      n,
      0,
      work,
    );
  const reps = Math.max(1, Math.round(2e8 / (2 * m * n * k)));
  for (let i = 0; i < 3; i++) run();
  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    rates.push((2 * m * n * k * reps) / ((performance.now() - t0) / 1000) / 1e9);
  }
  return median(rates);
}

/**
 * Where a training step's time goes: milliseconds per batch in each op's
 * forward/backward and in each wasm kernel (every export wrapped with a timer).
 */
async function profileModel(
  title: string,
  model: tf.LayersModel,
  feed: (engine: TrainingEngine, b: number) => void,
  steps: number,
): Promise<void> {
  const planned = planEngineModel(model, config.loss);
  if (!planned.ok) throw new Error(planned.reason);
  const opTimes = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number): void =>
    void map.set(key, (map.get(key) ?? 0) + ms);
  for (const op of planned.plan.ops) {
    const { forward, backward } = op;
    op.forward = (ctx, x, n, training) => {
      const t0 = performance.now();
      const out = forward.call(op, ctx, x, n, training);
      add(opTimes, `${op.layerName} forward`, performance.now() - t0);
      return out;
    };
    op.backward = (ctx, dy, dx, n) => {
      const t0 = performance.now();
      backward.call(op, ctx, dy, dx, n);
      add(opTimes, `${op.layerName} backward`, performance.now() - t0);
    };
  }
  const engine = await TrainingEngine.create(
    wasmBytes(detectEngineBuild() ?? 'simd'),
    planned.plan,
    { loss: config.loss, optimizer: config.optimizer, maxBatch: batch, seed: 1 },
  );
  engine.loadWeightsFrom(model);
  const kernelTimes = new Map<string, number>();
  const kernels = engine.kernels as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(kernels)) {
    if (typeof fn !== 'function' || name === 'gemmWorkspaceBytes') continue;
    kernels[name] = (...args: unknown[]) => {
      const t0 = performance.now();
      const out = (fn as (...a: unknown[]) => unknown)(...args);
      add(kernelTimes, name, performance.now() - t0);
      return out;
    };
  }
  let total = 0;
  for (let b = 0; b < steps + 3; b++) {
    if (b === 3) {
      opTimes.clear();
      kernelTimes.clear();
    }
    const t0 = performance.now();
    feed(engine, b);
    engine.trainBatch(batch);
    if (b >= 3) total += performance.now() - t0;
  }
  const row = (key: string, ms: number): string =>
    `  ${key.padEnd(26)} ${(ms / steps).toFixed(2).padStart(7)}  ${((100 * ms) / total).toFixed(0).padStart(3)} %`;
  say(
    `${title} step profile (${load()}), ms per batch of ${batch}, total ${(total / steps).toFixed(2)}:`,
  );
  say('  by op:');
  for (const [key, ms] of opTimes) say(row(key, ms));
  say('  by kernel:');
  for (const [key, ms] of [...kernelTimes].sort((x, y) => y[1] - x[1])) say(row(key, ms));
  model.dispose();
}

async function accuracyRun(): Promise<void> {
  const trainSet = await loadFashionMnist('train');
  const testSet = await loadFashionMnist('test');
  const model = lenet();
  const samples = samplesFromArrays({
    values: trainSet.pixels,
    sampleShape: [28, 28, 1],
    labels: Int32Array.from(trainSet.labels),
    numClasses: 10,
    scale: 1 / 255,
  });
  const all = Array.from({ length: trainSet.count }, (_, i) => i);
  const t0 = performance.now();
  const build = detectEngineBuild() ?? 'simd';
  await trainWithEngine(
    model,
    { samples, split: { train: all, validation: [] } },
    { ...config, epochs: 1 },
    {},
    { wasm: wasmBytes(build) },
  );
  const seconds = (performance.now() - t0) / 1000;
  const engine = await engineFor(build, model);
  let correct = 0;
  for (let s = 0; s + batch <= testSet.count; s += batch) {
    const data = makeBatches(testSet.pixels.subarray(s * 784), testSet.labels.subarray(s), 1);
    engine.inputs(batch).set(data.x[0]!);
    engine.targets(batch).set(data.y[0]!);
    correct += engine.evaluateBatch(batch).accuracy * batch;
  }
  say(
    `LeNet, 1 epoch of 60k on the engine (${build}): ${seconds.toFixed(1)} s (${(60000 / seconds).toFixed(0)} ex/s incl. data), test accuracy ${(correct / (Math.floor(testSet.count / batch) * batch)).toFixed(4)} (${load()})`,
  );
  model.dispose();
}

async function main(): Promise<void> {
  await runBuildSteps([buildStepNamed('wasm')], { force: false });
  const best = detectEngineBuild();
  say(
    `engine builds: best here ${best ?? 'none'}${best === 'relaxed-simd' ? '' : ' (run through `npm run bench:engine` for relaxed SIMD)'}; Node ${process.version}`,
  );
  const builds: EngineBuild[] = best === 'relaxed-simd' ? ['relaxed-simd', 'simd'] : ['simd'];
  const trainingOnly = process.argv.includes('--training-only');
  const only = process.argv.find((a) => a.startsWith('--models='))?.slice('--models='.length);

  if (!trainingOnly) {
    say(`\nGEMM GFLOP/s, single thread (${load()})`);
    const shapes: [string, number, number, number, boolean, boolean][] = [
      ['square 512', 512, 512, 512, false, false],
      ['conv1 fwd 36864×16×25', 36864, 16, 25, false, false],
      ['conv2 fwd 4096×32×400', 4096, 32, 400, false, false],
      ['conv1 dW 25×16×36864 (Aᵀ)', 25, 16, 36864, true, false],
      ['conv2 dW 400×32×4096 (Aᵀ)', 400, 32, 4096, true, false],
      ['conv2 dX 4096×400×32 (Bᵀ)', 4096, 400, 32, false, true],
      ['dense1 fwd 64×128×784', 64, 128, 784, false, false],
    ];
    say(`  ${'shape'.padEnd(28)} ${builds.map((b) => b.padStart(13)).join(' ')}`);
    for (const [name, m, n, k, tA, tB] of shapes) {
      const rates: number[] = [];
      for (const build of builds) rates.push(await gemmSpeed(build, m, n, k, tA, tB));
      say(`  ${name.padEnd(28)} ${rates.map((r) => r.toFixed(1).padStart(13)).join(' ')}`);
    }
  }

  const trainSet = await loadFashionMnist('train');
  const data = makeBatches(trainSet.pixels, trainSet.labels, 50);
  await initBackend('wasm', {
    wasmPaths: path.join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep,
  });
  say(
    `\nTraining examples/s, batch ${batch}, Adam; TF.js backend ${tf.getBackend()}; PyTorch ${'/usr/bin/python3'}`,
  );
  const workers = defaultEngineWorkers();
  const torch = await torchRates();
  const ids = Int32Array.from({ length: batch * 200 }, (_, i) => (i * 7919) % 10000);
  const tokens: Batches = {
    x: [ids],
    y: [new Float32Array(batch * 2).map((_, i) => (i % 2 === 0 ? 1 : 0))],
  };
  const fmt = (v: number): string => Math.round(v).toLocaleString('en');
  const rows = [
    ['LeNet CNN', 'lenet', lenet, data, 40, 8],
    ['MLP 784-128-10', 'mlp', mlp, data, 300, 60],
    ['LSTM text', 'lstm', lstmText, tokens, 10, 3],
    ['Residual CNN', 'residual', residualCnn, data, 40, 8],
  ] as const;
  for (const [name, key, make, batches, engineSteps, tfSteps] of rows) {
    if (only && !only.split(',').includes(key)) continue;
    const model = make();
    const parts: string[] = [];
    let single = 0;
    for (const b of builds) {
      const rate = await engineSpeed(b, model, batches, engineSteps, 3);
      single = Math.max(single, rate);
      parts.push(`1 engine ${b} ${fmt(rate)}`);
    }
    // As `npm run train` runs it: K workers unless a slice is too little work (minParallelFlops).
    const auto = await parallelSpeed(builds[0]!, model, batches, engineSteps, 3, workers);
    const parallel = auto.rate;
    if (auto.workers === workers) {
      parts.push(
        `${workers} workers ${fmt(parallel)} (${(parallel / single).toFixed(2)}× 1 engine)`,
      );
    } else {
      const forced = await parallelSpeed(builds[0]!, model, batches, engineSteps, 3, workers, true);
      parts.push(
        `CLI (auto: ${auto.workers} worker, slices too small to split) ${fmt(parallel)}, ${workers} workers forced ${fmt(forced.rate)}`,
      );
    }
    const tfRate = await tfjsSpeed(model, batches, tfSteps, key === 'lstm' ? 1 : 3);
    parts.push(`TF.js wasm ${fmt(tfRate)}`);
    const rates = typeof torch === 'string' ? null : torch.get(key);
    if (rates) {
      const [threads, best] = Object.entries(rates).sort((x, y) => y[1] - x[1])[0]!;
      parts.push(
        `PyTorch best ${fmt(best)} (${threads} thread${threads === '1' ? '' : 's'}; ${Object.entries(
          rates,
        )
          .map(([t, r]) => `${t}: ${fmt(r)}`)
          .join(', ')})`,
      );
      parts.push(`CLI / PyTorch ${(parallel / best).toFixed(2)}×`);
    }
    const gflops = (parallel * trainingFlopsPerExample(model)) / 1e9;
    say(`  ${name.padEnd(16)} ${parts.join(' · ')}; ${gflops.toFixed(1)} GFLOP/s (${load()})`);
    model.dispose();
  }
  if (typeof torch === 'string') say(`  ${torch}`);
  if (!process.argv.includes('--no-chromium')) {
    say('');
    const lenetTorch = typeof torch === 'string' ? undefined : torch.get('lenet');
    say(await chromiumEngineRow(lenetTorch ? Math.max(...Object.values(lenetTorch)) : null));
  }
  if (!trainingOnly) {
    say('');
    await profileModel(
      'LeNet',
      lenet(),
      (engine, b) => {
        engine.inputs(batch).set(data.x[b % data.x.length]!);
        engine.targets(batch).set(data.y[b % data.y.length]!);
      },
      20,
    );
    say('');
    await profileModel(
      'MLP',
      mlp(),
      (engine, b) => {
        engine.inputs(batch).set(data.x[b % data.x.length]!);
        engine.targets(batch).set(data.y[b % data.y.length]!);
      },
      200,
    );
    say('');
    await profileModel(
      'LSTM text',
      lstmText(),
      (engine) => {
        engine.inputIds(batch).set(ids);
        engine.targets(batch).set(new Float32Array(batch * 2).map((_, i) => (i % 2 === 0 ? 1 : 0)));
      },
      5,
    );
  }
  if (process.argv.includes('--accuracy')) {
    say('');
    await accuracyRun();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
