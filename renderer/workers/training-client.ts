import type { BackendChoice } from '@core';

import {
  transferablesOf,
  type DatasetPayload,
  type FromWorker,
  type RestoreRequest,
  type RestoreResult,
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
 * lives as long as the window (starting TF.js and the engine takes seconds);
 * it holds the open project's trained model for inspection, and the project
 * session resets it when the project closes.
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
  /**
   * Ends the project session's use of the worker: stops a run, frees the
   * model, dataset and test set. Resolves with the tensors still alive.
   */
  reset(): Promise<number>;
  /** Loads a trained model saved with the project (replacing the worker's model). */
  restore(request: RestoreRequest): Promise<RestoreResult>;
  /** Gives the worker the project's dataset for inspecting a restored model (buffers are transferred). */
  attachDataset(dataset: DatasetPayload): void;
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
  const call = <T>(make: (id: number) => ToWorker): Promise<T> => {
    const id = nextRequestId++;
    return new Promise<T>((resolve) => {
      pending.set(id, resolve as (result: unknown) => void);
      send(make(id));
    });
  };

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = makeWorker();
    w.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (
        message.type === 'inspect-result' ||
        message.type === 'reset-done' ||
        message.type === 'restore-done'
      ) {
        const value = message.type === 'reset-done' ? message.tensors : message.result;
        pending.get(message.id)?.(value);
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
    reset: () => call<number>((id) => ({ type: 'reset', id })),
    restore: (request) => call<RestoreResult>((id) => ({ type: 'restore', id, ...request })),
    attachDataset: (dataset) => send({ type: 'attach-dataset', dataset }),
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
