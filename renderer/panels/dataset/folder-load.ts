import type { StoreApi } from 'zustand';

import type { DatasetKind, FolderGrant, Host } from '@core';

import type { FolderContents } from '../../data/load-dataset';
import type { DatasetRuntime } from './dataset-store';
import { loadFailureState } from './dataset-store';
import type { FolderSource } from './folder-source';

/** What the training folder's and the test folder's runtime states share. */
type LoadShown = Pick<DatasetRuntime, 'status' | 'progress' | 'report' | 'error'>;

/** What a decode step gets: the listed folder, and how to stop and report. */
export interface DecodeContext {
  readonly contents: FolderContents;
  readonly readFiles: FolderSource['readFiles'];
  readonly signal: AbortSignal;
  readonly onProgress: (progress: { done: number; total: number }) => void;
}

/**
 * One folder load at a time, as the Dataset panel and its test folder section
 * both need it: a new load aborts the running one; cancelling brings back
 * what was shown before the first of them; the folder is listed with
 * progress; an abort is not a failure; disposing stops everything for good.
 * `Source` is what the owner keeps to load the same folder again.
 */
export interface FolderLoad<Shown extends LoadShown, Source> {
  /** The source of the last load started (a cancelled load gives back the one before). */
  readonly last: () => Source | null;
  readonly disposed: () => boolean;
  /**
   * Lists `folder` and hands it to `decode`; `scanning` is the state shown
   * while listing. Failures become an error state, logged under `label`.
   */
  run(
    source: Source,
    folder: FolderSource,
    scanning: Partial<Shown>,
    decode: (context: DecodeContext) => Promise<void>,
  ): Promise<void>;
  /** Stops the running load; what was shown before it comes back. */
  cancel(): void;
  /** Stops the running load and forgets the last source. */
  forget(): void;
  dispose(): void;
}

export function createFolderLoad<Shown extends LoadShown, Source>(
  runtime: StoreApi<Shown>,
  label: string,
): FolderLoad<Shown, Source> {
  let running: AbortController | null = null;
  let lastSource: Source | null = null;
  /** What was shown before the load in progress, restored when it is cancelled. */
  let beforeLoad: { shown: Shown; source: Source | null } | null = null;
  let disposed = false;

  async function run(
    source: Source,
    folder: FolderSource,
    scanning: Partial<Shown>,
    decode: (context: DecodeContext) => Promise<void>,
  ): Promise<void> {
    if (disposed) return;
    // A load replacing a running one keeps the state from before the first.
    if (running === null) beforeLoad = { shown: runtime.getState(), source: lastSource };
    running?.abort();
    const controller = new AbortController();
    running = controller;
    lastSource = source;
    runtime.setState(scanning);
    try {
      const listed = await folder.list({
        signal: controller.signal,
        onProgress: (filesFound) => patch(runtime, { progress: { done: filesFound, total: 0 } }),
      });
      if (controller.signal.aborted) return;
      if (!listed.ok) {
        patch(runtime, {
          status: 'error',
          error: { key: 'errors.list', values: { code: listed.code } },
        });
        return;
      }
      patch(runtime, {
        status: 'loading',
        progress: { done: 0, total: listed.contents.files.length },
      });
      await decode({
        contents: listed.contents,
        readFiles: folder.readFiles,
        signal: controller.signal,
        onProgress: (p) => patch(runtime, { progress: { done: p.done, total: p.total } }),
      });
    } catch (error) {
      const failed = loadFailureState(error);
      if (failed === null || disposed) return;
      console.error(`${label} load failed`, error);
      patch(runtime, failed);
    } finally {
      // Done (loaded or failed): nothing left to go back to.
      if (running === controller) {
        running = null;
        beforeLoad = null;
      }
    }
  }

  function stop(): void {
    running?.abort();
    running = null;
  }

  return {
    last: () => lastSource,
    disposed: () => disposed,
    run,
    cancel() {
      stop();
      const previous = beforeLoad;
      beforeLoad = null;
      if (previous !== null) lastSource = previous.source;
      runtime.setState(settled(previous?.shown ?? runtime.getState()));
    },
    forget() {
      stop();
      lastSource = null;
    },
    dispose() {
      disposed = true;
      stop();
      beforeLoad = null;
      lastSource = null;
    },
  };
}

/**
 * Sets the fields both runtimes share. Each runtime declares them with the
 * same types (dataset-store.ts), so the cast only forgets which runtime it is.
 */
function patch<Shown extends LoadShown>(
  runtime: StoreApi<Shown>,
  fields: Partial<LoadShown>,
): void {
  runtime.setState(fields as Partial<Shown>);
}

/** A state at rest: a transient status becomes `ready` (with a report) or `idle`. */
function settled<Shown extends LoadShown>(shown: Shown): Shown {
  const busy =
    shown.status === 'choosing' || shown.status === 'scanning' || shown.status === 'loading';
  return busy
    ? { ...shown, status: shown.report === null ? 'idle' : 'ready', progress: null }
    : { ...shown, progress: null };
}

/**
 * Asks the host for a dataset folder, showing `choosing` meanwhile. Resolves
 * with the grant, or null when the user cancelled (the state before comes
 * back), the pick failed (an error state) or the owner was disposed.
 */
export async function pickFolder<Shown extends LoadShown>(
  host: Host,
  kind: DatasetKind,
  runtime: StoreApi<Shown>,
  disposed: () => boolean,
): Promise<FolderGrant | null> {
  const before = runtime.getState().status;
  patch(runtime, { status: 'choosing', error: null });
  const picked = await host.pickDatasetFolder({ kind });
  if (disposed()) return null;
  if (picked.ok) return picked.value;
  if (picked.error.code === 'cancelled')
    patch(runtime, { status: before === 'choosing' ? 'idle' : before });
  else
    patch(runtime, {
      status: 'error',
      error: { key: 'errors.pick', values: { code: picked.error.code } },
    });
  return null;
}
