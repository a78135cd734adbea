import {
  createPauseGate,
  detectEngineBuild,
  gatherSamples,
  initBackend,
  liveTensorCount,
  loseWebglContextForTesting,
  resolveDataset,
  restartAfterContextLoss,
  runTrainingJob,
  tfjsVersion,
  watchWebglContextLoss,
  type BackendChoice,
  type BackendInfo,
  type CompiledModel,
  type EngineBuild,
  type EngineChoice,
  type ParallelOptions,
  type PauseGate,
  type ResolvedDataset,
  type SampleSource,
  type WebgpuAdapterFacts,
  type WeightSnapshot,
} from '@core';

import { engineBuildName } from './engine-names';
import { forgetTestSet, handleInspectRequest, type InspectData } from './inspect-handlers';
import { inspectDataWithoutSamples, restoreModel } from './project-model';
import type { DatasetPayload, FromWorker, StartRequest, ToWorker } from './training-protocol';

/**
 * Everything the training worker does, without the worker: the worker file
 * only wires `onmessage`/`postMessage` to this, so the logic runs under
 * Vitest in Node on the cpu backend.
 */
export interface SessionEnv {
  post(message: FromWorker): void;
  /** Awaited after every batch (a macrotask yield in the worker). */
  yieldToEventLoop(): Promise<void>;
  /** Timers for the watchdog (the worker passes its own). */
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
  /** The WebGL renderer if the worker could probe it (null = no WebGL). */
  probeWebglRenderer?(): string | null;
  /** The WebGPU adapter if the worker has one (null = no WebGPU); the backend policy reads it. */
  probeWebgpuAdapter?(): Promise<WebgpuAdapterFacts | null>;
  /** No batch for this long on webgl counts as a lost context. */
  readonly watchdogMs?: number;
  /**
   * Loads the bytes of a LayerLab engine build (core/engine) from its bundled
   * URL (undefined when `init` sent none); null → TF.js trains. Defaults to
   * `fetch`; Node tests read the file instead.
   */
  loadEngineWasm?(build: EngineBuild, url: string | undefined): Promise<Uint8Array | null>;
  /** Data-parallel workers for LayerLab's engine (the worker's nested peers); absent → one engine. */
  readonly engineParallel?: ParallelOptions & { readonly prepare?: () => void };
}

async function fetchEngineWasm(
  _build: EngineBuild,
  url: string | undefined,
): Promise<Uint8Array | null> {
  if (!url || typeof fetch !== 'function') return null;
  try {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** The status bar's engine name for a run's engine choice (English; the controller translates it). */
export function engineLabel(choice: EngineChoice): string {
  if (choice.engine === 'layerlab')
    return `LayerLab WASM SIMD engine (${engineBuildName(choice.build)})${choice.workers > 1 ? ` · ${choice.workers} workers` : ''}`;
  return `TensorFlow.js ${tfjsVersion}`;
}

interface Run {
  readonly request: StartRequest;
  readonly dataset: ResolvedDataset;
  readonly gate: PauseGate;
  /** Bumped on recovery: callbacks of an abandoned attempt are ignored. */
  attempt: number;
  signal: { aborted: boolean };
  lastSnapshot: WeightSnapshot | null;
  lastProgress: number;
  slowestBatchMs: number;
  recovering: boolean;
}

function errorFields(error: unknown): {
  code: string;
  message: string;
  epoch?: number | null;
  batch?: number | null;
  diagnostic?: { code: string; args: Readonly<Record<string, string | number>> };
} {
  if (
    error &&
    typeof error === 'object' &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string'
  ) {
    const e = error as {
      code: string;
      message?: string;
      epoch?: number | null;
      batch?: number | null;
      diagnostic?: { code: string; args: Readonly<Record<string, string | number>> } | null;
    };
    return {
      code: e.code,
      message: e.message ?? e.code,
      ...(e.epoch !== undefined ? { epoch: e.epoch } : {}),
      ...(e.batch !== undefined ? { batch: e.batch } : {}),
      ...(e.diagnostic ? { diagnostic: { code: e.diagnostic.code, args: e.diagnostic.args } } : {}),
    };
  }
  return {
    code: 'training-crashed',
    message: error instanceof Error ? error.message : String(error),
  };
}

export function createTrainingSession(env: SessionEnv): {
  handle(message: ToWorker): Promise<void>;
} {
  let backendChoice: BackendChoice = 'auto';
  let wasmPaths: Readonly<Record<string, string>> = {};
  let engineWasmPaths: Readonly<Partial<Record<EngineBuild, string>>> = {};
  /** Engine build bytes, loaded once per build (null = could not be loaded). */
  const engineBytes = new Map<EngineBuild, Uint8Array | null>();
  let backend: BackendInfo | null = null;
  let model: CompiledModel | null = null;
  let data: SampleSource | null = null;
  let dataset: DatasetPayload | null = null;
  /** The validation samples in memory for inspection, gathered on the first request of a run. */
  let inspectData: Promise<InspectData> | null = null;
  /** A model restored from its project file, before its dataset is attached: what inspection may know. */
  let restoredData: InspectData | null = null;
  let run: Run | null = null;
  let stopWatching: () => void = () => undefined;
  let watchdog: unknown = null;

  /** Backend switches, one at a time: `init('auto')` probing the GPU must not finish after a run's own choice. */
  let backendSwitch: Promise<void> = Promise.resolve();
  function ensureBackend(choice: BackendChoice): Promise<void> {
    const next = backendSwitch.then(() => switchBackend(choice));
    backendSwitch = next.catch(() => undefined);
    return next;
  }

  async function switchBackend(choice: BackendChoice): Promise<void> {
    if (backend && backendChoice === choice) return;
    backendChoice = choice;
    const webglRenderer = env.probeWebglRenderer ? env.probeWebglRenderer() : undefined;
    const webgpuAdapter =
      (choice === 'auto' || choice === 'webgpu') && env.probeWebgpuAdapter
        ? await env.probeWebgpuAdapter()
        : null;
    backend = await initBackend(choice, {
      wasmPaths,
      webgpuAdapter,
      ...(webglRenderer !== undefined ? { webglRenderer } : {}),
    });
    env.post({ type: 'backend-info', info: backend, engine: `TensorFlow.js ${tfjsVersion}` });
    // The engine may train here: have its peer workers loaded before Train is pressed.
    if (
      backend.backend !== 'webgl' &&
      backend.backend !== 'webgpu' &&
      Object.keys(engineWasmPaths).length > 0 &&
      detectEngineBuild() !== null
    )
      env.engineParallel?.prepare?.();
  }

  /** Loads (once) the bytes of the engine build this runtime can run, before a run starts. */
  async function ensureEngineBytes(): Promise<void> {
    const build = detectEngineBuild();
    if (build === null || engineBytes.get(build)) return;
    const load = env.loadEngineWasm ?? fetchEngineWasm;
    engineBytes.set(build, await load(build, engineWasmPaths[build]).catch(() => null));
  }

  function replaceModel(next: CompiledModel | null): void {
    try {
      model?.dispose();
    } catch {
      // A model on a dead webgl context cannot always free its textures; it is garbage either way.
    }
    model = next;
  }

  function watch(current: Run): void {
    stopWatching();
    stopWatching = watchWebglContextLoss(() => void recover(current));
    if (watchdog !== null) env.clearInterval(watchdog);
    watchdog = env.setInterval(() => {
      if (
        run !== current ||
        current.recovering ||
        current.gate.paused ||
        backend?.backend !== 'webgl'
      )
        return;
      const limit = Math.max(env.watchdogMs ?? 30_000, 30 * current.slowestBatchMs);
      if (env.now() - current.lastProgress > limit) void recover(current);
    }, 1000);
  }

  function endWatch(): void {
    stopWatching();
    stopWatching = () => undefined;
    if (watchdog !== null) env.clearInterval(watchdog);
    watchdog = null;
  }

  async function runAttempt(current: Run, initialEpoch: number): Promise<void> {
    const attempt = current.attempt;
    const live = (): boolean => run === current && current.attempt === attempt;
    const { runId, training, graph } = current.request;
    let lastBatchAt = env.now();
    const { result } = await runTrainingJob(
      {
        graph,
        config: training,
        dataset: current.dataset,
        backend: () => Promise.resolve(backend?.backend ?? 'cpu'),
        engine: {
          wasmFor: (build) => engineBytes.get(build) ?? null,
          ...(env.engineParallel ? { parallel: env.engineParallel } : {}),
        },
        initialWeights: current.lastSnapshot,
      },
      {
        onModel: (built) => {
          replaceModel(built);
          watch(current);
          env.post({ type: 'state', runId, status: current.gate.paused ? 'paused' : 'training' });
        },
        onEngineChosen: (choice) => {
          if (!live() || !backend) return;
          env.post({
            type: 'backend-info',
            info: backend,
            engine: engineLabel(choice),
            engineChoice: choice,
          });
        },
        signal: current.signal,
        initialEpoch,
        waitIfPaused: () => current.gate.wait(),
        yieldToEventLoop: () => env.yieldToEventLoop(),
        now: () => env.now(),
        onBatchEnd: (metrics) => {
          if (!live()) return;
          const t = env.now();
          current.slowestBatchMs = Math.max(current.slowestBatchMs, t - lastBatchAt);
          lastBatchAt = t;
          current.lastProgress = t;
          env.post({ type: 'batch', runId, metrics });
        },
        onValidationStart: (epoch) => {
          if (!live()) return;
          current.lastProgress = env.now();
          env.post({ type: 'validating', runId, epoch });
        },
        onEpochEnd: (metrics, snapshot) => {
          if (!live()) return;
          current.lastSnapshot = snapshot;
          current.lastProgress = env.now();
          lastBatchAt = env.now();
          env.post({ type: 'epoch', runId, metrics, tensors: liveTensorCount() });
          if (current.request.checkpoints === true)
            env.post({ type: 'checkpoint', runId, snapshot });
        },
      },
    );
    if (!live()) return;
    endWatch();
    run = null;
    env.post({
      type: 'state',
      runId,
      status: result.outcome === 'stopped' ? 'stopped' : 'completed',
      outcome: result.outcome,
      bestEpoch: result.bestEpoch,
    });
  }

  async function attempt(current: Run, initialEpoch: number): Promise<void> {
    const attemptNo = current.attempt;
    try {
      await runAttempt(current, initialEpoch);
    } catch (error) {
      if (run !== current || current.attempt !== attemptNo) return;
      endWatch();
      run = null;
      env.post({ type: 'error', runId: current.request.runId, ...errorFields(error) });
      env.post({ type: 'state', runId: current.request.runId, status: 'failed' });
    }
  }

  /** Lost WebGL context: abandon the hung attempt, restart the backend, resume from the last epoch snapshot. */
  async function recover(current: Run): Promise<void> {
    if (run !== current || current.recovering) return;
    current.recovering = true;
    current.attempt++;
    current.signal.aborted = true;
    current.signal = { aborted: false };
    endWatch();
    try {
      backend = await restartAfterContextLoss({ wasmPaths });
      env.post({ type: 'backend-info', info: backend, engine: `TensorFlow.js ${tfjsVersion}` });
      const fromEpoch = current.lastSnapshot ? current.lastSnapshot.epoch + 1 : 0;
      env.post({
        type: 'notice',
        runId: current.request.runId,
        code: 'backend-recovered',
        fromEpoch,
        backend: backend.backend,
      });
      current.recovering = false;
      current.lastProgress = env.now();
      await attempt(current, fromEpoch);
    } catch (error) {
      current.recovering = false;
      run = null;
      env.post({
        type: 'error',
        runId: current.request.runId,
        code: 'backend-lost',
        message: errorFields(error).message,
      });
      env.post({ type: 'state', runId: current.request.runId, status: 'failed' });
    }
  }

  async function start(request: StartRequest): Promise<void> {
    if (run) {
      run.signal.aborted = true;
      run.gate.resume();
    }
    env.post({ type: 'state', runId: request.runId, status: 'compiling' });
    let resolved: ResolvedDataset;
    try {
      await ensureBackend(request.training.backend);
      await ensureEngineBytes();
      resolved = resolveDataset(request.dataset, request.training.seed);
      data = resolved.samples;
      dataset = request.dataset;
      inspectData = null;
      restoredData = null;
    } catch (error) {
      env.post({ type: 'error', runId: request.runId, ...errorFields(error) });
      env.post({ type: 'state', runId: request.runId, status: 'failed' });
      return;
    }
    const current: Run = {
      request,
      dataset: resolved,
      gate: createPauseGate(),
      attempt: 0,
      signal: { aborted: false },
      // A resumed run starts from its checkpoint's weights, as a recovered one does.
      lastSnapshot: request.resumeFrom ?? null,
      lastProgress: env.now(),
      slowestBatchMs: 0,
      recovering: false,
    };
    run = current;
    await attempt(current, request.resumeFrom ? request.resumeFrom.epoch + 1 : 0);
  }

  /** Ends the project's run and frees its model and data (the project session closed). */
  function reset(): void {
    if (run) {
      run.signal.aborted = true;
      run.gate.resume();
      run = null;
    }
    endWatch();
    replaceModel(null);
    data = null;
    dataset = null;
    inspectData = null;
    restoredData = null;
    forgetTestSet();
  }

  function inspectDataOf(): Promise<InspectData | null> {
    const source = data;
    const d = dataset;
    if (!source || !d) return Promise.resolve(restoredData);
    inspectData ??= (async () => {
      const image = d.kind === 'image' ? d.options : null;
      const text =
        d.kind === 'text' && d.textOptions && d.vocabulary
          ? { options: d.textOptions, vocabulary: d.vocabulary }
          : null;
      const samples = await gatherSamples(source, {
        classNames: d.classNames,
        validation: d.split.validation.length > 0 ? d.split.validation : null,
        image,
        text,
      });
      return { samples, image, text };
    })();
    return inspectData;
  }

  return {
    async handle(message) {
      switch (message.type) {
        case 'init':
          wasmPaths = message.wasmPaths;
          if (message.engineWasmPaths) engineWasmPaths = message.engineWasmPaths;
          if (message.backend !== null) await ensureBackend(message.backend);
          return;
        case 'start':
          return start(message);
        case 'pause':
          if (run?.request.runId === message.runId && !run.gate.paused) {
            run.gate.pause();
            env.post({ type: 'state', runId: message.runId, status: 'paused' });
          }
          return;
        case 'resume':
          if (run?.request.runId === message.runId && run.gate.paused) {
            run.gate.resume();
            run.lastProgress = env.now();
            env.post({ type: 'state', runId: message.runId, status: 'training' });
          }
          return;
        case 'stop':
          if (run?.request.runId === message.runId) {
            run.signal.aborted = true;
            run.gate.resume();
          }
          return;
        case 'debug-lose-context':
          loseWebglContextForTesting();
          return;
        case 'reset':
          reset();
          env.post({ type: 'reset-done', id: message.id, tensors: liveTensorCount() });
          return;
        case 'restore': {
          reset();
          const restored = restoreModel(message);
          if (restored.ok) {
            replaceModel(restored.model);
            restoredData = inspectDataWithoutSamples(message.dataset);
          }
          env.post({
            type: 'restore-done',
            id: message.id,
            result: restored.ok
              ? { ok: true }
              : { ok: false, code: restored.code, detail: restored.detail },
          });
          return;
        }
        case 'attach-dataset':
          if (run) return;
          data = resolveDataset(message.dataset, 0).samples;
          dataset = message.dataset;
          inspectData = null;
          return;
        case 'inspect': {
          const result = await handleInspectRequest(model, message.request, await inspectDataOf());
          env.post({ type: 'inspect-result', id: message.id, result });
          return;
        }
      }
    },
  };
}
