import { create } from 'zustand';

import type { HealthReport } from '@core';

import type { DatasetKind, FolderGrant } from '../../host/Host';

/**
 * Runtime state of the Dataset panel (not saved): the folder being loaded,
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

export const useDatasetStore = create<DatasetRuntime>()(() => initialDatasetRuntime);
