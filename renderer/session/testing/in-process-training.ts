import type { TrainingClient } from '../../workers/training-client';
import type { FromWorker, ToWorker } from '../../workers/training-protocol';
import { createTrainingSession } from '../../workers/training-session';

/**
 * A `TrainingClient` whose "worker" is the real worker logic
 * (`createTrainingSession`) running in this process on TF.js's CPU backend,
 * for tests of project sessions without a browser. Messages are
 * structured-cloned both ways, as `postMessage` would, so no object is shared
 * between the two sides by accident.
 */
export function createInProcessTrainingClient(): TrainingClient & {
  /** Every message the worker posted, in order. */
  readonly received: FromWorker[];
  /** Resolves when the worker has handled every message sent so far. */
  idle(): Promise<void>;
} {
  const listeners = new Set<(message: FromWorker) => void>();
  const pending = new Map<number, (value: unknown) => void>();
  const received: FromWorker[] = [];
  let nextRunId = 1;
  let nextId = 1;
  let queue: Promise<void> = Promise.resolve();
  const worker = createTrainingSession({
    post(message) {
      const copy = structuredClone(message);
      received.push(copy);
      if (copy.type === 'inspect-result' || copy.type === 'restore-done') {
        pending.get(copy.id)?.(copy.result);
        pending.delete(copy.id);
        return;
      }
      if (copy.type === 'reset-done') {
        pending.get(copy.id)?.(copy.tensors);
        pending.delete(copy.id);
        return;
      }
      for (const listener of listeners) listener(copy);
    },
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    now: () => Date.now(),
    // No engine build in these tests: TF.js trains (the engine has its own suites).
    loadEngineWasm: () => Promise.resolve(null),
  });
  // The worker handles messages as they arrive; a run's start keeps going while later ones come in.
  const send = (message: ToWorker): void => {
    const copy = structuredClone(message);
    const handled = worker.handle(copy);
    queue = queue.then(() => handled.catch(() => undefined));
  };
  const call = <T>(make: (id: number) => ToWorker): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (value: unknown) => void);
      send(make(id));
    });
  send({ type: 'init', backend: 'cpu', wasmPaths: {} });
  return {
    received,
    idle: () => queue,
    init: (backend) => send({ type: 'init', backend, wasmPaths: {} }),
    start(request) {
      const runId = nextRunId++;
      send({ type: 'start', runId, ...request });
      return runId;
    },
    pause: (runId) => send({ type: 'pause', runId }),
    resume: (runId) => send({ type: 'resume', runId }),
    stop: (runId) => send({ type: 'stop', runId }),
    loseContextForTesting: () => undefined,
    request: (payload) => call((id) => ({ type: 'inspect', id, request: payload })),
    reset: () => call<number>((id) => ({ type: 'reset', id })),
    restore: (request) => call((id) => ({ type: 'restore', id, ...request })),
    attachDataset: (dataset) => send({ type: 'attach-dataset', dataset }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => listeners.clear(),
  };
}
