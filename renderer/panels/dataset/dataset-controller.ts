import { channelCount, reportToDelimited } from '@core';
import type { DelimitedFormat, HealthReport, ImageOptions, TextOptions } from '@core';

import { loadImageDataset, loadTextDataset } from '../../data/load-dataset';
import type { DatasetKind, Host } from '@core';
import type { EditorStore } from '../../state/editor-store';
import { setTrainingDataset, useTrainingDatasetStore } from '../training/training-dataset';
import {
  datasetConfigFrom,
  initialImageOptions,
  initialTextOptions,
  keptTestFolder,
  setDataset,
  splitSettingsFor,
} from './dataset-doc';
import { initialDatasetRuntime, loadFailureState, useDatasetStore } from './dataset-store';
import type { DatasetRuntime } from './dataset-store';
import { hostFolderSource } from './folder-source';
import type { FolderSource } from './folder-source';
import { refreshTestFolder } from './test-folder-controller';
import { setTestImageOptions } from './test-set';
import { makeThumbnails } from './thumbnails';

/**
 * What the Dataset panel does: choose a folder through the host, list it,
 * load it (decode + check + split), save the result in the project and hand
 * the loaded data to training. One load at a time; a new one cancels the old.
 */
let running: AbortController | null = null;

/** What the panel showed before the load in progress, restored when it is cancelled. */
let beforeLoad: { runtime: DatasetRuntime; source: typeof lastSource } | null = null;

/** Asks for a folder (native dialog or in-app chooser) and loads it. */
export async function chooseDatasetFolder(
  host: Host,
  store: EditorStore,
  kind: DatasetKind,
): Promise<void> {
  const before = useDatasetStore.getState();
  useDatasetStore.setState({ status: 'choosing', error: null });
  const picked = await host.pickDatasetFolder({ kind });
  if (!picked.ok) {
    if (picked.error.code === 'cancelled')
      useDatasetStore.setState({ status: before.status === 'choosing' ? 'idle' : before.status });
    else
      useDatasetStore.setState({
        status: 'error',
        error: { key: 'errors.pick', values: { code: picked.error.code } },
      });
    return;
  }
  await loadDatasetFolder(store, hostFolderSource(host, picked.value), kind);
}

export type { FolderSource } from './folder-source';

export interface LoadOverrides {
  readonly image?: ImageOptions;
  readonly text?: TextOptions;
  /** Draw a new split (seed/share changed) instead of re-applying the stored one. */
  readonly split?: { readonly seed: number; readonly validationShare: number };
}

/** Lists, loads, checks and splits a folder; saves the dataset in the project; hands it to training. */
export async function loadDatasetFolder(
  store: EditorStore,
  source: FolderSource,
  kind: DatasetKind,
  overrides: LoadOverrides = {},
): Promise<void> {
  // A load replacing a running one keeps the state from before the first.
  if (running === null) beforeLoad = { runtime: useDatasetStore.getState(), source: lastSource };
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const { grant } = source;
  rememberSource(source, kind);
  useDatasetStore.setState({ ...initialDatasetRuntime, status: 'scanning', kind, grant });
  try {
    const listed = await source.list({
      signal: controller.signal,
      onProgress: (filesFound) =>
        useDatasetStore.setState({ progress: { done: filesFound, total: 0 } }),
    });
    if (controller.signal.aborted) return;
    if (!listed.ok) {
      useDatasetStore.setState({
        status: 'error',
        error: { key: 'errors.list', values: { code: listed.code } },
      });
      return;
    }
    useDatasetStore.setState({
      status: 'loading',
      progress: { done: 0, total: listed.contents.files.length },
    });
    const doc = store.getState().doc;
    const split = overrides.split ?? splitSettingsFor(doc, grant, kind);
    const common = {
      contents: listed.contents,
      readFiles: source.readFiles,
      split,
      signal: controller.signal,
      onProgress: (p: { done: number; total: number }) =>
        useDatasetStore.setState({ progress: { done: p.done, total: p.total } }),
    };
    if (kind === 'image') {
      const image = overrides.image ?? initialImageOptions(doc);
      const loaded = await loadImageDataset({ ...common, image });
      const thumbnails = await makeThumbnails(loaded.plan, loaded.store, {
        width: image.width,
        height: image.height,
        channels: channelCount(image.colorMode),
      });
      if (controller.signal.aborted) return;
      store.getState().apply(
        setDataset,
        datasetConfigFrom({
          kind,
          grant,
          plan: loaded.plan,
          seed: split.seed,
          validationShare: split.validationShare,
          image,
          text: null,
          vocabulary: null,
          testFolder: keptTestFolder(store.getState().doc, kind),
        }),
      );
      setTrainingDataset(
        loaded.plan.samples.length > 0
          ? { kind: 'image', plan: loaded.plan, store: loaded.store, options: image }
          : null,
      );
      useDatasetStore.setState({
        status: 'ready',
        report: loaded.plan.report,
        thumbnails,
        fromCache: loaded.fromCache,
        progress: null,
      });
      void refreshTestFolder(store);
    } else {
      const text = overrides.text ?? initialTextOptions(doc);
      const loaded = await loadTextDataset({ ...common, text });
      if (controller.signal.aborted) return;
      store.getState().apply(
        setDataset,
        datasetConfigFrom({
          kind,
          grant,
          plan: loaded.plan,
          seed: split.seed,
          validationShare: split.validationShare,
          image: null,
          text,
          vocabulary: loaded.vocabulary,
          testFolder: keptTestFolder(store.getState().doc, kind),
        }),
      );
      setTrainingDataset(
        loaded.plan.samples.length > 0
          ? {
              kind: 'text',
              plan: loaded.plan,
              texts: loaded.texts,
              vocabulary: loaded.vocabulary,
              options: text,
            }
          : null,
      );
      useDatasetStore.setState({ status: 'ready', report: loaded.plan.report, progress: null });
      void refreshTestFolder(store);
    }
  } catch (error) {
    const failed = loadFailureState(error);
    if (failed === null) return;
    console.error('dataset load failed', error);
    useDatasetStore.setState(failed);
  } finally {
    // Done (loaded or failed): nothing left to go back to.
    if (running === controller) {
      running = null;
      beforeLoad = null;
    }
  }
}

/**
 * Stops a scan or decode in progress (the host scan stops at its next entry,
 * decode workers are terminated at once). While scanning, the panel returns
 * to what it showed before: the previous folder's report stays usable.
 */
export function cancelDatasetLoad(): void {
  running?.abort();
  running = null;
  const previous = beforeLoad;
  beforeLoad = null;
  if (previous !== null) {
    lastSource = previous.source;
    useDatasetStore.setState(settled(previous.runtime));
    return;
  }
  useDatasetStore.setState(settled(useDatasetStore.getState()));
}

/** A runtime at rest: a transient status becomes `ready` (with a report) or `idle`. */
function settled(runtime: DatasetRuntime): DatasetRuntime {
  const busy =
    runtime.status === 'choosing' || runtime.status === 'scanning' || runtime.status === 'loading';
  return busy
    ? { ...runtime, status: runtime.report === null ? 'idle' : 'ready', progress: null }
    : { ...runtime, progress: null };
}

/** Which image options need a new decode (the others apply per batch). */
export function needsDecode(a: ImageOptions, b: ImageOptions): boolean {
  return (
    a.width !== b.width ||
    a.height !== b.height ||
    a.resizeMode !== b.resizeMode ||
    a.colorMode !== b.colorMode
  );
}

/**
 * Exports the report as a CSV list through the host's export writer (a new
 * folder holding one file). The folder name carries the time, so an earlier
 * export is never overwritten.
 */
export async function exportHealthReport(
  host: Host,
  report: HealthReport,
  folderName: string,
  format: DelimitedFormat = 'csv',
): Promise<{ ok: true; displayPath: string } | { ok: false; code: string }> {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const files = { [`dataset-report.${format}`]: reportToDelimited(report, format) };
  const written = await host.writeExportFolder({
    suggestedName: `${folderName}-report-${stamp}`,
    files,
    overwrite: false,
  });
  return written.ok
    ? { ok: true, displayPath: written.value.displayPath }
    : { ok: false, code: written.error.code };
}

let lastSource: { source: FolderSource; kind: DatasetKind } | null = null;

/** Remembers the folder last loaded, so option changes can reload it. */
export function rememberSource(source: FolderSource, kind: DatasetKind): void {
  lastSource = { source, kind };
}

/**
 * Applies new image options: a new decode when size, resize mode or colour
 * changed and the folder is loaded; otherwise only the saved options (and
 * the training copy) change, since normalisation and augmentation apply per batch.
 */
export async function applyImageOptions(store: EditorStore, image: ImageOptions): Promise<void> {
  const doc = store.getState().doc;
  const current = doc.dataset?.image ?? null;
  if (
    lastSource !== null &&
    lastSource.kind === 'image' &&
    (current === null || needsDecode(current, image))
  ) {
    await loadDatasetFolder(store, lastSource.source, 'image', { image });
    return;
  }
  if (doc.dataset !== null) store.getState().apply(setDataset, { ...doc.dataset, image });
  const training = useTrainingDatasetStore.getState().dataset;
  if (training?.kind === 'image') setTrainingDataset({ ...training, options: image });
  setTestImageOptions(image);
}

/** Applies new text options: tokenisation changes the vocabulary, so a loaded folder is reloaded. */
export async function applyTextOptions(store: EditorStore, text: TextOptions): Promise<void> {
  if (lastSource !== null && lastSource.kind === 'text') {
    await loadDatasetFolder(store, lastSource.source, 'text', { text });
    return;
  }
  const doc = store.getState().doc;
  if (doc.dataset !== null) store.getState().apply(setDataset, { ...doc.dataset, text });
}

/** A new seed or share draws a new split (the stored validation paths no longer apply). */
export async function applySplit(
  store: EditorStore,
  split: { seed: number; validationShare: number },
): Promise<void> {
  const doc = store.getState().doc;
  if (lastSource !== null && doc.dataset !== null) {
    await loadDatasetFolder(store, lastSource.source, lastSource.kind, {
      split,
      image: doc.dataset.image ?? initialImageOptions(doc),
      text: doc.dataset.text ?? initialTextOptions(doc),
    });
    return;
  }
  if (doc.dataset !== null)
    store.getState().apply(setDataset, {
      ...doc.dataset,
      split: { seed: split.seed, validationShare: split.validationShare },
    });
}
