import { createStore, type StoreApi } from 'zustand';

import { vectorizeText, vocabularyIndex } from '@core';
import type { ImageOptions, SampleStore, TextOptions } from '@core';

import type { DatasetPayload } from '../../workers/training-protocol';

/**
 * The loaded test folder, ready for evaluation: labels already in the
 * training folder's class order (core/data/test-alignment.ts). Lives outside React
 * state (components read only `id`/`count`); the inspection client packs it
 * into a payload for the worker the first time a test evaluation asks for it.
 * It is never part of the training payload, so the model never trains on it.
 */
export type TestSetData = {
  /** The training class names (the model's outputs), in index order. */
  readonly classNames: readonly string[];
  /** Training class index per test sample. */
  readonly labels: Int32Array;
} & (
  | {
      readonly kind: 'image';
      readonly store: SampleStore;
      /** Which samples of `store` belong to the test set (those of known classes). */
      readonly indices: readonly number[];
      readonly options: ImageOptions;
    }
  | {
      readonly kind: 'text';
      readonly texts: readonly string[];
      readonly options: TextOptions;
      /** The training vocabulary: test texts are tokenised exactly like training texts. */
      readonly vocabulary: readonly string[];
    }
);

/** `id` changes with every load, so the worker copy is replaced when the data changes. */
export type TestSet = TestSetData & { readonly id: number; readonly count: number };

export interface TestSetState {
  readonly testSet: TestSet | null;
  /** The last id given; the next load gets the one after (the worker is reset between sessions). */
  readonly lastId: number;
}

export type TestSetStore = StoreApi<TestSetState>;

/** The loaded test set of one project session (null until a test folder is loaded). */
export function createTestSetStore(): TestSetStore {
  return createStore<TestSetState>()(() => ({ testSet: null, lastId: 0 }));
}

export function setTestSet(store: TestSetStore, data: TestSetData | null): void {
  const id = store.getState().lastId + 1;
  store.setState({
    testSet: data === null ? null : { ...data, id, count: data.labels.length },
    lastId: id,
  });
}

/** New normalisation (no decode needed) applies to the next evaluation. */
export function setTestImageOptions(store: TestSetStore, options: ImageOptions): void {
  const current = store.getState().testSet;
  if (current?.kind === 'image') setTestSet(store, { ...current, options });
}

/**
 * The test set in the training payload's shape (every sample in the
 * "validation" list), so the worker builds it exactly like validation data.
 */
export async function toTestPayload(test: TestSet): Promise<DatasetPayload> {
  const all = Array.from({ length: test.count }, (_, i) => i);
  const split = { train: [], validation: all };
  const labels = Int32Array.from(test.labels);
  if (test.kind === 'image') {
    const pixels = new Uint8Array(test.count * test.store.sampleBytes);
    await test.store.read(test.indices, pixels);
    return {
      kind: 'image',
      count: test.count,
      pixels,
      options: test.options,
      labels,
      classNames: test.classNames,
      split,
    };
  }
  const length = test.options.sequenceLength;
  const index = vocabularyIndex(test.vocabulary);
  const tokens = new Int32Array(test.count * length);
  test.texts.forEach((t, i) => tokens.set(vectorizeText(t, test.options, index), i * length));
  return {
    kind: 'text',
    count: test.count,
    tokens,
    sequenceLength: length,
    vocabularySize: test.vocabulary.length,
    textOptions: test.options,
    vocabulary: test.vocabulary,
    labels,
    classNames: test.classNames,
    split,
  };
}
