/**
 * `npm run bench:train`: training throughput of the LeNet-style CNN and the
 * 784-128-10 MLP on real Fashion-MNIST (batch 64, Adam), raw TF.js versus
 * LayerLab's train path, after a warm-up:
 *   Node: wasm and cpu — raw `trainOnBatch` loop vs core `compileGraph` + `train`.
 *   Chromium (Playwright, Debian chromium): wasm, cpu, webgl — the app's worker
 *   path vs raw TF.js in a plain worker of the same page, plus the longest
 *   main-thread frame gap during each.
 *   Chromium, WebGPU (TF.js's WebGPU backend) where an adapter exists: a real
 *   GPU's when Chromium finds one, else SwiftShader's (labelled software: not
 *   GPU speed), beside the app's engine figure of the same model.
 *   PyTorch CPU on the same models when `python3-torch` is installed.
 * Prints figures; asserts nothing. Options: --node-only, --web-only, --webgpu-only, --batches N.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';

import {
  describeAdapter,
  isSoftwareAdapter,
  type WebgpuAdapterFacts,
} from '../core/backend/backend-policy';
import { initBackend, type BackendInfo } from '../core/backend/init-backend';
import { compileGraph } from '../core/compile/compile-graph';
import { parseTemplate } from '../core/io/templates';
import { defaultTrainingConfig } from '../core/train/config';
import { samplesFromArrays } from '../core/train/sample-source';
import { train } from '../core/train/train';
import { openBenchPage } from './bench-train-page/open-page';
import { examplesPerSecond, rawModel, rawTrainLoop, type BenchModel } from './bench-train-models';
import { loadFashionMnist } from './fashion-mnist';
import { openWebgpuPage, swiftshaderWebgpuArgs } from './webgpu-page/open-webgpu-page';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = path.join(repo, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep;
const args = process.argv.slice(2);
const batchArg = args.indexOf('--batches');
const measured = batchArg >= 0 ? Number(args[batchArg + 1]) : 20;
const warmup = 5;
/** The app's examples/s per model in Chromium on the CPU (its engine when it supports the model), for the WebGPU row. */
const appCpuRates = new Map<BenchModel, { rate: number; engine: string }>();

/** Fewer batches where a batch takes seconds (the figure is a rate either way). */
function batchesFor(backend: string, model: BenchModel): number {
  if (model === 'mlp') return measured * 3;
  return backend === 'cpu' || backend === 'webgl'
    ? Math.max(6, Math.round(measured / 2))
    : measured;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const fmt = (v: number): string => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1));
const pct = (app: number, raw: number): string =>
  `${app >= raw ? '+' : ''}${(((app - raw) / raw) * 100).toFixed(1)} %`;

async function layerLabRun(
  model: BenchModel,
  pixels: Uint8Array,
  labels: Uint8Array,
  batches: number,
): Promise<number[]> {
  const parsed = parseTemplate(
    readFileSync(
      path.join(
        repo,
        'assets/templates',
        model === 'cnn' ? 'lenet.layerlab' : 'mlp-digits.layerlab',
      ),
      'utf8',
    ),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const built = compileGraph(parsed.value.graph, {
    diagnostics: [],
    inference: { datasetClassCount: 10 },
  });
  const count = batches * 64;
  const samples = samplesFromArrays({
    values: pixels.subarray(0, count * 784),
    sampleShape: [28, 28, 1],
    labels: Int32Array.from(labels.subarray(0, count)),
    numClasses: 10,
    scale: 1 / 255,
  });
  const times: number[] = [];
  await train(
    built,
    { samples, split: { train: Array.from({ length: count }, (_, i) => i), validation: [] } },
    { ...defaultTrainingConfig, epochs: 1, batchSize: 64, validationShare: 0 },
    {
      onBatchEnd: () => times.push(performance.now()),
    },
  );
  built.dispose();
  return times;
}

async function runNode(pixels: Uint8Array, labels: Uint8Array): Promise<void> {
  console.log('\nNode (TF.js 4.22; LayerLab kernels registered; batch 64, Adam):');
  console.log('  backend model   raw TF.js ex/s   LayerLab ex/s   LayerLab vs raw');
  for (const backend of ['wasm', 'cpu'] as const) {
    await initBackend(backend, { wasmPaths: wasmDir });
    for (const model of ['cnn', 'mlp'] as const) {
      const batches = warmup + batchesFor(backend, model);
      // Alternate raw and LayerLab runs and keep the median of each, so load
      // spikes from other processes hit both sides alike.
      const repeats = backend === 'cpu' && model === 'cnn' ? 1 : 3;
      const rawRates: number[] = [];
      const appRates: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const raw = rawModel(model);
        rawRates.push(
          examplesPerSecond(
            await rawTrainLoop(raw, pixels, labels, batches, () => performance.now()),
            warmup,
          ),
        );
        raw.dispose();
        appRates.push(examplesPerSecond(await layerLabRun(model, pixels, labels, batches), warmup));
      }
      const rawRate = median(rawRates);
      const appRate = median(appRates);
      console.log(
        `  ${backend.padEnd(7)} ${model.padEnd(7)} ${fmt(rawRate).padStart(14)} ${fmt(appRate).padStart(15)}   ${pct(appRate, rawRate).padStart(14)}   (runs: raw ${rawRates.map(fmt).join('/')}, LayerLab ${appRates.map(fmt).join('/')})`,
      );
    }
  }
}

async function runChromium(pixels: Uint8Array, labels: Uint8Array): Promise<void> {
  const { page, close } = await openBenchPage('bench-train-page', pixels, labels, [
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ]);
  try {
    console.log(
      '\nChromium (headless, WebGL = SwiftShader software rasteriser; both paths in a Web Worker):',
    );
    console.log(
      '  backend model   raw TF.js ex/s   app on TF.js   vs raw   app (engine when supported)   app fps   longest frame gap: app (batches only) / app TF.js / raw  (raw = TF.js + LayerLab kernels, plain worker)',
    );
    for (const backend of ['wasm', 'cpu', 'webgl'] as const) {
      for (const model of ['cnn', 'mlp'] as const) {
        const req = { backend, model, warmup, batches: batchesFor(backend, model) };
        try {
          const r = await page.evaluate(
            (q) =>
              (
                window as unknown as {
                  runBench: (q: unknown) => Promise<{
                    app: {
                      backend: string;
                      engine: string;
                      examplesPerSecond: number;
                      maxFrameGapMs: number;
                      fps: number;
                      measuredFrameGapMs: number;
                    };
                    appTfjs: { backend: string; examplesPerSecond: number; maxFrameGapMs: number };
                    raw: { backend: string; examplesPerSecond: number; maxFrameGapMs: number };
                  }>;
                }
              ).runBench(q),
            req,
          );
          if (backend === 'wasm')
            appCpuRates.set(model, { rate: r.app.examplesPerSecond, engine: r.app.engine });
          const note =
            r.app.backend !== backend || r.raw.backend !== backend
              ? `  (ran on app ${r.app.backend}, raw ${r.raw.backend})`
              : '';
          console.log(
            `  ${backend.padEnd(7)} ${model.padEnd(7)} ${fmt(r.raw.examplesPerSecond).padStart(14)} ${fmt(r.appTfjs.examplesPerSecond).padStart(14)} ${pct(r.appTfjs.examplesPerSecond, r.raw.examplesPerSecond).padStart(8)}   ${fmt(r.app.examplesPerSecond).padStart(27)}   ${r.app.fps.toFixed(0).padStart(7)}   ${r.app.maxFrameGapMs.toFixed(0).padStart(7)} (${r.app.measuredFrameGapMs.toFixed(0)}) / ${r.appTfjs.maxFrameGapMs.toFixed(0)} / ${r.raw.maxFrameGapMs.toFixed(0)} ms${note}`,
          );
        } catch (error) {
          console.log(
            `  ${backend.padEnd(7)} ${model.padEnd(7)} failed: ${String(error).slice(0, 200)}`,
          );
        }
      }
    }
  } finally {
    await close();
  }
}

/**
 * TF.js's WebGPU backend on the templates, beside the app's engine. Asks
 * Chromium for a real adapter first (`--enable-unsafe-webgpu` only: Linux
 * Chromium keeps WebGPU behind it); without one, SwiftShader's adapter, whose
 * figure is a CPU emulating a GPU and is labelled so.
 */
async function runWebgpu(): Promise<void> {
  const adapterOf = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { adapter(): Promise<WebgpuAdapterFacts | null> }).adapter(),
    );
  let opened = await openWebgpuPage(['--enable-unsafe-webgpu']);
  let adapter = await adapterOf(opened.page);
  if (adapter === null) {
    await opened.close();
    opened = await openWebgpuPage(swiftshaderWebgpuArgs);
    adapter = await adapterOf(opened.page);
  }
  try {
    if (adapter === null) {
      console.log('\nWebGPU: no adapter in this Chromium (not even SwiftShader); no WebGPU row');
      return;
    }
    const software = isSoftwareAdapter(adapter);
    console.log(
      `\nWebGPU (TF.js 4.22 WebGPU backend in a Chromium page; adapter: ${describeAdapter(adapter) || '?'}) — ${
        software
          ? 'SOFTWARE adapter (SwiftShader on the CPU): a correctness check, NOT a GPU speed'
          : 'a real GPU'
      }:`,
    );
    console.log('  model   WebGPU ex/s   app on CPU ex/s (engine)   WebGPU vs app');
    for (const model of ['cnn', 'mlp'] as const) {
      const parsed = parseTemplate(
        readFileSync(
          path.join(
            repo,
            'assets/templates',
            model === 'cnn' ? 'lenet.layerlab' : 'mlp-digits.layerlab',
          ),
          'utf8',
        ),
      );
      if (!parsed.ok) throw new Error(parsed.error.message);
      try {
        const r = await opened.page.evaluate(
          (q) =>
            (
              window as unknown as {
                trainRate(q: unknown): Promise<{ info: BackendInfo; examplesPerSecond: number }>;
              }
            ).trainRate(q),
          {
            backend: 'webgpu',
            graph: parsed.value.graph,
            warmup,
            batches: software ? batchesFor('webgl', model) : batchesFor('wasm', model),
          },
        );
        if (r.info.backend !== 'webgpu') {
          console.log(
            `  ${model.padEnd(7)} WebGPU did not start (ran on ${r.info.backend}); skipped`,
          );
          continue;
        }
        const app = appCpuRates.get(model);
        console.log(
          `  ${model.padEnd(7)} ${fmt(r.examplesPerSecond).padStart(11)}   ${(app ? `${fmt(app.rate)} (${app.engine})` : 'not measured (--web-only runs it)').padStart(25)}   ${app ? `${(r.examplesPerSecond / app.rate).toPrecision(2)}×` : ''}${software ? '  [software adapter]' : ''}`,
        );
      } catch (error) {
        console.log(`  ${model.padEnd(7)} failed: ${String(error).slice(0, 200)}`);
      }
    }
  } finally {
    await opened.close();
  }
}

function runPyTorch(): void {
  const python = '/usr/bin/python3';
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
  } catch {
    console.log(
      '\nPyTorch: not installed (apt-get install python3-torch libopenblas0-pthread to compare)',
    );
    return;
  }
  const script = `
import gzip, time, numpy as np, torch, torch.nn as nn
torch.manual_seed(0)
imgs = np.frombuffer(gzip.open('/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz').read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)[:4096].astype(np.float32) / 255
labs = np.frombuffer(gzip.open('/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz').read(), np.uint8, offset=8)[:4096].astype(np.int64)
def cnn(): return nn.Sequential(nn.Conv2d(1,16,5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16,32,5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512,128), nn.ReLU(), nn.Linear(128,10))
def mlp(): return nn.Sequential(nn.Flatten(), nn.Linear(784,128), nn.ReLU(), nn.Linear(128,10))
for name, make, n in [('cnn', cnn, ${measured}), ('mlp', mlp, ${measured * 3})]:
  m = make(); opt = torch.optim.Adam(m.parameters(), 1e-3); lossf = nn.CrossEntropyLoss(); t = []
  for b in range(${warmup} + n):
    o = (b * 64) % 4000
    x = torch.from_numpy(imgs[o:o+64]); y = torch.from_numpy(labs[o:o+64])
    opt.zero_grad(); loss = lossf(m(x), y); loss.backward(); opt.step(); loss.item(); t.append(time.perf_counter())
  print(name, n * 64 / (t[-1] - t[${warmup} - 1]), torch.get_num_threads())
`;
  const out = execFileSync(python, ['-c', script], { encoding: 'utf8' });
  console.log('\nPyTorch CPU (same models, batch 64, Adam; Debian python3-torch):');
  for (const line of out.trim().split('\n')) {
    const [model, rate, threads] = line.split(' ');
    console.log(
      `  ${String(model).padEnd(7)} ${fmt(Number(rate)).padStart(8)} ex/s  (${threads} thread(s))`,
    );
  }
}

const train60k = await loadFashionMnist('train');
console.log(
  `bench:train — Fashion-MNIST (real), ${warmup} warm-up batches then ${measured} (CNN wasm), fewer on slow backends, 3× for the MLP`,
);
console.log(
  `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} — shared machines stretch every figure`,
);
if (!args.includes('--web-only') && !args.includes('--webgpu-only'))
  await runNode(train60k.pixels, train60k.labels);
if (!args.includes('--node-only') && !args.includes('--webgpu-only'))
  await runChromium(train60k.pixels, train60k.labels);
if (!args.includes('--node-only')) await runWebgpu();
if (
  !args.includes('--node-only') &&
  !args.includes('--web-only') &&
  !args.includes('--webgpu-only')
)
  runPyTorch();
process.exit(0);
