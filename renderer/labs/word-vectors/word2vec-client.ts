import type { FromWord2VecWorker, ToWord2VecWorker } from './word2vec-protocol';

/** The UI's side of one word2vec worker (one per open lab; ended with `dispose`). */
export interface Word2VecClient {
  send(message: ToWord2VecWorker): void;
  subscribe(listener: (message: FromWord2VecWorker) => void): () => void;
  dispose(): void;
}

export function createWord2VecClient(): Word2VecClient {
  let worker: Worker | null = null;
  const listeners = new Set<(message: FromWord2VecWorker) => void>();
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./word2vec.worker.ts', import.meta.url), {
      type: 'module',
      name: 'layerlab-word2vec',
    });
    w.addEventListener('message', (event: MessageEvent<FromWord2VecWorker>) => {
      for (const l of listeners) l(event.data);
    });
    w.addEventListener('error', (event: ErrorEvent) => {
      for (const l of listeners)
        l({ type: 'failed', runId: -1, code: 'worker-failed', detail: event.message });
    });
    worker = w;
    return w;
  };
  return {
    send: (message) => ensure().postMessage(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      worker?.terminate();
      worker = null;
    },
  };
}
