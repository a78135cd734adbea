/**
 * The word2vec worker's logic, testable without a worker: tokenise, build the
 * corpus, train in slices of ~50,000 words (a few tens of milliseconds), posting
 * progress after each and yielding so a cancel gets in.
 */
import {
  buildWord2VecCorpus,
  checkWord2VecTrainingSettings,
  chineseTokenizing,
  createWord2VecTrainer,
  englishTokenizing,
  tokenizeCorpus,
} from '@core';

import type { BundledCorpus, FromWord2VecWorker, ToWord2VecWorker } from './word2vec-protocol';

const sliceWords = 50_000;

export interface Word2VecWorkerDeps {
  readonly post: (message: FromWord2VecWorker, transfer?: Transferable[]) => void;
  readonly yieldToEventLoop: () => Promise<void>;
  readonly loadBundled: (corpus: BundledCorpus) => Promise<string>;
  readonly now: () => number;
}

export function createWord2VecWorkerSession(deps: Word2VecWorkerDeps) {
  const cancelled = new Set<number>();

  async function train(message: Extract<ToWord2VecWorker, { type: 'train' }>): Promise<void> {
    const { runId, settings } = message;
    if (checkWord2VecTrainingSettings(settings)) {
      deps.post({ type: 'failed', runId, code: 'setting-out-of-range' });
      return;
    }
    const texts =
      message.source.kind === 'bundled'
        ? [await deps.loadBundled(message.source.corpus)]
        : message.source.texts;
    await deps.yieldToEventLoop();
    if (cancelled.has(runId)) return void deps.post({ type: 'cancelled', runId });
    const tokenizing = message.split === 'word' ? chineseTokenizing : englishTokenizing;
    const corpus = buildWord2VecCorpus(tokenizeCorpus(texts, tokenizing), settings.minCount);
    if (corpus.words.length < 2 || corpus.trainWords < 2 * settings.window) {
      deps.post({ type: 'failed', runId, code: 'corpus-too-small' });
      return;
    }
    const trainer = createWord2VecTrainer(corpus, settings);
    deps.post({
      type: 'prepared',
      runId,
      vocabulary: corpus.words.length,
      trainWords: corpus.trainWords,
      kernel: trainer.kernel,
    });
    const started = deps.now();
    for (;;) {
      await deps.yieldToEventLoop();
      if (cancelled.has(runId)) return void deps.post({ type: 'cancelled', runId });
      const p = trainer.run(sliceWords);
      const seconds = (deps.now() - started) / 1000;
      deps.post({
        type: 'progress',
        runId,
        wordsDone: p.wordsDone,
        wordsTotal: p.wordsTotal,
        wordsPerSecond: seconds > 0 ? p.wordsDone / seconds : 0,
        epoch: p.epoch,
        loss: p.loss,
      });
      if (p.done) break;
    }
    const { words, dim, vectors } = trainer.vectors();
    deps.post(
      {
        type: 'done',
        runId,
        words,
        dim,
        vectors,
        seconds: (deps.now() - started) / 1000,
      },
      [vectors.buffer],
    );
  }

  return {
    handle(message: ToWord2VecWorker): void {
      if (message.type === 'cancel') {
        cancelled.add(message.runId);
        return;
      }
      train(message).catch((error: unknown) =>
        deps.post({
          type: 'failed',
          runId: message.runId,
          code: 'worker-failed',
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    },
  };
}
