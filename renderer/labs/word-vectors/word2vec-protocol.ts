import type { Word2VecTrainingSettings } from '@core';

/** The corpora bundled in assets/corpora (folder names). */
export const bundledCorpora = ['zh-debian-docs', 'en-debian-handbook'] as const;
export type BundledCorpus = (typeof bundledCorpora)[number];

/** Where the text comes from: a bundled corpus, or the decoded texts of a folder the user chose. */
export type Word2VecSource =
  | { readonly kind: 'bundled'; readonly corpus: BundledCorpus }
  | { readonly kind: 'texts'; readonly texts: readonly string[] };

/** UI → worker. */
export type ToWord2VecWorker =
  | {
      readonly type: 'train';
      readonly runId: number;
      readonly source: Word2VecSource;
      /** `word`: ICU word segmentation (Chinese, and mixed text); `whitespace`: English. */
      readonly split: 'word' | 'whitespace';
      readonly settings: Word2VecTrainingSettings;
    }
  | { readonly type: 'cancel'; readonly runId: number };

/** Worker → UI. */
export type FromWord2VecWorker =
  | {
      readonly type: 'prepared';
      readonly runId: number;
      readonly vocabulary: number;
      readonly trainWords: number;
      readonly kernel: string;
    }
  | {
      readonly type: 'progress';
      readonly runId: number;
      readonly wordsDone: number;
      readonly wordsTotal: number;
      readonly wordsPerSecond: number;
      readonly epoch: number;
      readonly loss: number;
    }
  | {
      readonly type: 'done';
      readonly runId: number;
      readonly words: readonly string[];
      readonly dim: number;
      /** Transferred. */
      readonly vectors: Float32Array;
      readonly seconds: number;
    }
  | { readonly type: 'cancelled'; readonly runId: number }
  | {
      readonly type: 'failed';
      readonly runId: number;
      /** A `labs:w2vTrain.errors.*` key. */
      readonly code: 'corpus-too-small' | 'setting-out-of-range' | 'worker-failed';
      readonly detail?: string;
    };
