import { parseTemplate, type BackendChoice, type TrainingConfig } from '../../core/index';

import { createTrainingClient, createWorker } from '../../renderer/workers/training-client';
import type { WorkerLike } from '../../renderer/workers/training-client';
import type { ToWorker } from '../../renderer/workers/training-protocol';
import { wasmPaths } from '../../renderer/workers/wasm-paths';
import { examplesPerSecond, type BenchModel } from '../bench-train-models';

/**
 * Chromium half of `npm run bench:train`: the same model trained through the
 * app's worker path (training client → training worker → core `train`) and
 * through raw TF.js in a plain worker, in the same page, while a rAF loop
 * records the longest gap between frames on the main thread.
 */
interface BenchRequest {
  readonly backend: Exclude<BackendChoice, 'auto'>;
  readonly model: BenchModel;
  readonly warmup: number;
  readonly batches: number;
}

async function loadData(): Promise<{ pixels: Uint8Array; labels: Uint8Array }> {
  const [p, l] = await Promise.all([
    fetch('/data/pixels').then((r) => r.arrayBuffer()),
    fetch('/data/labels').then((r) => r.arrayBuffer()),
  ]);
  return { pixels: new Uint8Array(p), labels: new Uint8Array(l) };
}

function frameGapMeter(): { stop(): number; frames: number[] } {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const frames: number[] = [];
  const tick = (t: number): void => {
    worst = Math.max(worst, t - last);
    last = t;
    frames.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    frames,
    stop() {
      running = false;
      return worst;
    },
  };
}

/** Frame rate and longest frame gap of the main thread between two instants. */
function frameStats(frames: readonly number[], from: number, to: number) {
  const inside = frames.filter((t) => t >= from && t <= to);
  let gap = 0;
  for (let i = 1; i < inside.length; i++) gap = Math.max(gap, inside[i]! - inside[i - 1]!);
  return {
    fps: ((inside.length - 1) * 1000) / Math.max(1, (inside.at(-1) ?? to) - (inside[0] ?? from)),
    gap,
  };
}

async function runRaw(req: BenchRequest, data: { pixels: Uint8Array; labels: Uint8Array }) {
  const worker = new Worker(new URL('./raw.worker.ts', import.meta.url), { type: 'module' });
  const meter = frameGapMeter();
  const reply = await new Promise<{
    ok: boolean;
    backend: string;
    times?: number[];
    message?: string;
  }>((resolve) => {
    worker.onmessage = (e) => resolve(e.data as never);
    worker.postMessage({
      backend: req.backend,
      model: req.model,
      pixels: data.pixels.slice(),
      labels: data.labels.slice(),
      batches: req.warmup + req.batches,
      wasmPaths: { ...wasmPaths },
    });
  });
  const gap = meter.stop();
  worker.terminate();
  if (!reply.ok || !reply.times)
    throw new Error(`raw ${req.backend}: ${reply.message ?? 'failed'}`);
  return {
    backend: reply.backend,
    examplesPerSecond: examplesPerSecond(reply.times, req.warmup),
    maxFrameGapMs: gap,
  };
}

/**
 * The app's training worker without the engine's wasm URLs, so every run
 * trains on TF.js as in an app whose graph the engine does not cover: the
 * app path's own overhead against raw TF.js on the same backend.
 */
function tfjsOnlyWorker(): WorkerLike {
  const worker = createWorker();
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message: ToWorker, transfer: Transferable[]) => {
    if (message.type !== 'init') return post(message, transfer);
    const { engineWasmPaths: _, ...withoutEngine } = message;
    return post(withoutEngine, transfer);
  };
  return worker;
}

async function runApp(
  req: BenchRequest,
  data: { pixels: Uint8Array; labels: Uint8Array },
  engine: 'auto' | 'tfjs' = 'auto',
) {
  const text = await fetch(`/template/${req.model === 'cnn' ? 'lenet' : 'mlp-digits'}`).then((r) =>
    r.text(),
  );
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const total = req.warmup + req.batches;
  const count = total * 64;
  const client = createTrainingClient(engine === 'tfjs' ? tfjsOnlyWorker : createWorker);
  // As in the app, whose training worker starts with the window (App.tsx), not when Train is pressed.
  client.init('auto');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const times: number[] = [];
  let backend = '';
  let engineName = '';
  const meter = frameGapMeter();
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe((m) => {
      if (m.type === 'backend-info') {
        backend = m.info.backend;
        engineName = m.engine;
      }
      if (m.type === 'batch') {
        times.push(performance.now());
        if (times.length === total) client.stop(m.runId);
      }
      if (m.type === 'state' && (m.status === 'stopped' || m.status === 'completed')) resolve();
      if (m.type === 'error') reject(new Error(`${m.code}: ${m.message}`));
    });
  });
  const training: TrainingConfig = {
    ...parsed.value.training,
    epochs: 2,
    batchSize: 64,
    validationShare: 0,
    backend: req.backend,
    optimizer: { kind: 'adam', learningRate: 0.001 },
  };
  const options = {
    width: 28,
    height: 28,
    colorMode: 'grayscale' as const,
    resizeMode: 'stretch' as const,
    normalization: 'zeroToOne' as const,
    augmentation: {
      enabled: false,
      flipHorizontal: false,
      flipVertical: false,
      maxShift: 0,
      maxRotation: 0,
      maxBrightness: 0,
    },
  };
  const all = Array.from({ length: count }, (_, i) => i);
  client.start({
    graph: parsed.value.graph,
    training,
    inference: { datasetClassCount: 10 },
    dataset: {
      kind: 'image',
      count,
      pixels: data.pixels.slice(0, count * 784),
      options,
      labels: Int32Array.from(data.labels.subarray(0, count)),
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      split: { train: all, validation: [] },
    },
  });
  await done;
  const gap = meter.stop();
  client.dispose();
  const window = frameStats(meter.frames, times[req.warmup - 1] ?? 0, times.at(-1) ?? 0);
  return {
    backend,
    engine: engineName,
    examplesPerSecond: examplesPerSecond(times, req.warmup),
    maxFrameGapMs: gap,
    /** Over the measured batches only (after the warm-up). */
    fps: window.fps,
    measuredFrameGapMs: window.gap,
    crossOriginIsolated,
  };
}

async function runBench(req: BenchRequest) {
  const data = await loadData();
  const app = await runApp(req, data);
  const appTfjs = await runApp(req, data, 'tfjs');
  const raw = await runRaw(req, data);
  return { app, appTfjs, raw };
}

/** The app's worker path only (npm run bench:engine's Chromium row). */
async function runAppBench(req: BenchRequest) {
  return runApp(req, await loadData());
}

Object.assign(window, { runBench, runAppBench });
document.getElementById('status')?.replaceChildren('ready');
