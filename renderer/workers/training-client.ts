import type { BackendChoice } from '@core';

import {
  transferablesOf,
  type FromWorker,
  type StartRequest,
  type ToWorker,
} from './training-protocol';
import { engineWasmPaths } from './engine-paths';
import { wasmPaths } from './wasm-paths';

/** The part of `Worker` the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * The UI side of the training worker. The worker is created on first use and
 * lives as long as the window: it holds the trained model for inspection.
 */
export interface TrainingClient {
  /** Chooses the backend (the worker starts it right away and reports `backend-info`). */
  init(backend: BackendChoice): void;
  /** Starts a run; returns its id. The dataset's buffers are transferred (no longer usable here). */
  start(request: Omit<StartRequest, 'runId'>): number;
  pause(runId: number): void;
  resume(runId: number): void;
  stop(runId: number): void;
  /** Test hook: lose the WebGL context in the worker. */
  loseContextForTesting(): void;
  /**
   * Sends `{ type: 'inspect', id, request: payload }` to the worker, where
   * `handleInspectRequest` answers it; resolves with its result.
   */
  request(payload: unknown): Promise<unknown>;
  subscribe(listener: (message: FromWorker) => void): () => void;
  dispose(): void;
}

export function createWorker(): WorkerLike {
  return new Worker(new URL('./training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'layerlab-training',
  }) as unknown as WorkerLike;
}

export function createTrainingClient(makeWorker: () => WorkerLike = createWorker): TrainingClient {
  let worker: WorkerLike | null = null;
  let nextRunId = 1;
  let nextRequestId = 1;
  const listeners = new Set<(message: FromWorker) => void>();
  const pending = new Map<number, (result: unknown) => void>();

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = makeWorker();
    w.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'inspect-result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
        return;
      }
      for (const listener of listeners) listener(message);
    });
    w.addEventListener('error', (event: ErrorEvent) => {
      const crash: FromWorker = {
        type: 'error',
        runId: null,
        code: 'worker-crashed',
        message: event.message || 'The training worker stopped',
      };
      for (const listener of listeners) listener(crash);
    });
    worker = w;
    // The wasm binaries' bundled URLs must reach the worker before any backend starts.
    w.postMessage({ type: 'init', backend: null, wasmPaths, engineWasmPaths }, []);
    return w;
  };
  const send = (message: ToWorker): void => ensure().postMessage(message, transferablesOf(message));

  return {
    init: (backend) => send({ type: 'init', backend, wasmPaths, engineWasmPaths }),
    start(request) {
      const runId = nextRunId++;
      send({ type: 'start', runId, ...request });
      return runId;
    },
    pause: (runId) => send({ type: 'pause', runId }),
    resume: (runId) => send({ type: 'resume', runId }),
    stop: (runId) => send({ type: 'stop', runId }),
    loseContextForTesting: () => send({ type: 'debug-lose-context' }),
    request(payload) {
      const id = nextRequestId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'inspect', id, request: payload });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const resolve of pending.values())
        resolve({
          ok: false,
          error: { code: 'cancelled', message: 'The training worker was closed' },
        });
      pending.clear();
    },
  };
}

let shared: TrainingClient | null = null;

/** The window's one training client (training panel and inspection share the worker and its model). */
export function getTrainingClient(): TrainingClient {
  shared ??= createTrainingClient();
  return shared;
}
