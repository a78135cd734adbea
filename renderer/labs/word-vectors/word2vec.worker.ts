/// <reference lib="webworker" />
import { createMacrotaskYield } from '../../workers/macrotask';
import { createWord2VecWorkerSession } from './word2vec-worker-session';
import type { BundledCorpus, FromWord2VecWorker, ToWord2VecWorker } from './word2vec-protocol';

/**
 * The word2vec worker: tokenises and trains off the window's thread. It needs no
 * TF.js (the arithmetic is core's word2vec trainer and its WebAssembly kernel).
 * Bundled corpora are separate chunks, loaded only when chosen.
 */
declare const self: DedicatedWorkerGlobalScope;

const corpora = import.meta.glob<string>('../../../assets/corpora/*/corpus.txt', {
  query: '?raw',
  import: 'default',
});

const session = createWord2VecWorkerSession({
  post: (message: FromWord2VecWorker, transfer: Transferable[] = []) =>
    self.postMessage(message, transfer),
  yieldToEventLoop: createMacrotaskYield(),
  now: () => performance.now(),
  loadBundled: async (corpus: BundledCorpus) => {
    const load = corpora[`../../../assets/corpora/${corpus}/corpus.txt`];
    if (!load) throw new Error(`no bundled corpus ${corpus}`);
    return load();
  },
});

self.onmessage = (event: MessageEvent<ToWord2VecWorker>) => session.handle(event.data);
