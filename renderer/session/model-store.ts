import { createStore, type StoreApi } from 'zustand';

import {
  graphFingerprint,
  type DatasetConfig,
  type GraphDoc,
  type TrainedModelErrorCode,
  type TrainedModelRecord,
} from '@core';

/**
 * What a project session knows about its trained model (the weights live in
 * the training worker; this is the UI's record of them).
 * - `none`: nothing trained in this session and nothing restored (with the
 *   reason when a saved model could not be restored).
 * - `training`: a run is changing the weights.
 * - `restoring`: the saved model is being loaded into the worker.
 * - `ready`: a model trained for the graph whose fingerprint it carries;
 *   `saved` is the record last written to (or read from) the project file,
 *   null while the model exists only in memory.
 */
export type ModelState =
  | {
      readonly status: 'none';
      readonly restoreError: {
        readonly code: TrainedModelErrorCode;
        readonly args: Readonly<Record<string, string | number>>;
      } | null;
    }
  | { readonly status: 'training' }
  | { readonly status: 'restoring' }
  | {
      readonly status: 'ready';
      readonly origin: 'trained' | 'restored';
      readonly fingerprint: string;
      readonly trainedAt: string;
      /** The dataset as it was when the model was trained (classes, options, vocabulary). */
      readonly dataset: DatasetConfig | null;
      readonly saved: TrainedModelRecord | null;
    };

export type ModelStore = StoreApi<ModelState>;

export const noModel: ModelState = { status: 'none', restoreError: null };

export function createModelStore(initial: ModelState = noModel): ModelStore {
  return createStore<ModelState>()(() => initial);
}

/**
 * A model trained for another version of the graph: its layers no longer
 * match the network on the canvas, so Inspect and Export must not use it.
 */
export function isStale(state: ModelState, graph: GraphDoc): boolean {
  return state.status === 'ready' && state.fingerprint !== graphFingerprint(graph);
}

/** How the Export and Inspect panels describe the model, in one word. */
export type ModelAvailability = 'none' | 'training' | 'restoring' | 'stale' | 'ready';

export function modelAvailability(state: ModelState, graph: GraphDoc): ModelAvailability {
  if (state.status === 'ready') return isStale(state, graph) ? 'stale' : 'ready';
  return state.status;
}
