import { createStore, type StoreApi } from 'zustand';

import {
  vectorizeText,
  vocabularyIndex,
  type DatasetPlan,
  type ImageOptions,
  type SampleStore,
  type TextOptions,
} from '@core';

import type { DatasetPayload } from '../../workers/training-protocol';

/**
 * The dataset the next run trains on, as the dataset panel loaded it
 * (renderer/data/load-dataset.ts). One store per project session: the dataset
 * controller sets it after a successful load; training, inspection and
 * export only read it.
 */
export type TrainingDataset =
  | {
      readonly kind: 'image';
      readonly plan: DatasetPlan;
      readonly store: SampleStore;
      readonly options: ImageOptions;
    }
  | {
      readonly kind: 'text';
      readonly plan: DatasetPlan;
      readonly texts: readonly string[];
      readonly vocabulary: readonly string[];
      readonly options: TextOptions;
    };

export interface LoadedDatasetState {
  readonly dataset: TrainingDataset | null;
}

export type LoadedDatasetStore = StoreApi<LoadedDatasetState>;

export function createLoadedDatasetStore(): LoadedDatasetStore {
  return createStore<LoadedDatasetState>()(() => ({ dataset: null }));
}

/** Packs the dataset into the worker's payload (a fresh copy whose buffers can be transferred). */
export async function toDatasetPayload(dataset: TrainingDataset): Promise<DatasetPayload> {
  const { plan } = dataset;
  const split = { train: [...plan.split.train], validation: [...plan.split.validation] };
  const labels = Int32Array.from(plan.labels);
  if (dataset.kind === 'image') {
    const { store } = dataset;
    const pixels = new Uint8Array(store.count * store.sampleBytes);
    const all = Array.from({ length: store.count }, (_, i) => i);
    await store.read(all, pixels);
    return {
      kind: 'image',
      count: store.count,
      pixels,
      options: dataset.options,
      labels,
      classNames: plan.classNames,
      split,
    };
  }
  const length = dataset.options.sequenceLength;
  const index = vocabularyIndex(dataset.vocabulary);
  const tokens = new Int32Array(dataset.texts.length * length);
  dataset.texts.forEach((t, i) => tokens.set(vectorizeText(t, dataset.options, index), i * length));
  return {
    kind: 'text',
    count: dataset.texts.length,
    tokens,
    sequenceLength: length,
    vocabularySize: dataset.vocabulary.length,
    textOptions: dataset.options,
    vocabulary: dataset.vocabulary,
    labels,
    classNames: plan.classNames,
    split,
  };
}
