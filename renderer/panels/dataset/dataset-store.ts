import { createStore, type StoreApi } from 'zustand';

import type { HealthReport } from '@core';

import type { DatasetKind, FolderGrant } from '@core';

/**
 * Runtime state of the Dataset panel (not saved; one store per project session): the folder being loaded,
 * progress, the health report and thumbnails. The saved part lives in the
 * project document (`doc.dataset`).
 * `status` is mirrored as `data-dataset-state` for e2e tests.
 */
export type DatasetStatus = 'idle' | 'choosing' | 'scanning' | 'loading' | 'ready' | 'error';

export interface DatasetRuntime {
  readonly status: DatasetStatus;
  readonly kind: DatasetKind;
  readonly grant: FolderGrant | null;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly report: HealthReport | null;
  /** Per class, a few data-URL thumbnails (images only). */
  readonly thumbnails: Readonly<Record<string, readonly string[]>>;
  readonly fromCache: boolean;
  /** i18n key of the failure (`dataset:errors.*`), with values. */
  readonly error: {
    readonly key: string;
    readonly values?: Readonly<Record<string, string | number>>;
  } | null;
}

export const initialDatasetRuntime: DatasetRuntime = {
  status: 'idle',
  kind: 'image',
  grant: null,
  progress: null,
  report: null,
  thumbnails: {},
  fromCache: false,
  error: null,
};

export type DatasetRuntimeStore = StoreApi<DatasetRuntime>;

/** The Dataset panel's runtime state of one project session. */
export function createDatasetRuntimeStore(): DatasetRuntimeStore {
  return createStore<DatasetRuntime>()(() => initialDatasetRuntime);
}

/** Runtime state of the optional test folder (the saved part is `doc.dataset.testFolder`). */
export interface TestFolderRuntime {
  readonly status: DatasetStatus;
  readonly grant: FolderGrant | null;
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** The test folder's own report (skipped files with reasons, duplicates…). */
  readonly report: HealthReport | null;
  /** Usable test samples per training class, and what was left out (core/data/test-alignment.ts). */
  readonly alignment: {
    readonly count: number;
    readonly perClass: readonly { readonly name: string; readonly count: number }[];
    readonly unknownClasses: readonly string[];
    readonly leftOut: number;
  } | null;
  readonly error: DatasetRuntime['error'];
}

export const initialTestFolderRuntime: TestFolderRuntime = {
  status: 'idle',
  grant: null,
  progress: null,
  report: null,
  alignment: null,
  error: null,
};

export type TestFolderRuntimeStore = StoreApi<TestFolderRuntime>;

/** The test folder section's runtime state of one project session. */
export function createTestFolderRuntimeStore(): TestFolderRuntimeStore {
  return createStore<TestFolderRuntime>()(() => initialTestFolderRuntime);
}

/**
 * The panel state after a load threw, or null when it was cancelled (an
 * abort is not a failure). Shared by the training and the test folder loads.
 */
export function loadFailureState(
  error: unknown,
): Pick<DatasetRuntime, 'status' | 'progress' | 'error'> | null {
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  return {
    status: 'error',
    progress: null,
    error: {
      key: 'errors.load',
      values: { message: error instanceof Error ? error.message : String(error) },
    },
  };
}
