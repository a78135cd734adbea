import { alignTestSet, type TestAlignment } from '@core';
import { loadImageDataset, loadTextDataset } from '../../data/load-dataset';
import type { Host } from '@core';
import type { EditorStore } from '../../state/editor-store';
import { hostFolderSource } from './folder-source';
import type { FolderSource } from './folder-source';
import { initialImageOptions, initialTextOptions, setTestFolder } from './dataset-doc';
import { initialTestFolderRuntime, loadFailureState, useTestFolderStore } from './dataset-store';
import type { TestFolderRuntime } from './dataset-store';
import { setTestSet } from './test-set';
import type { TestSetData } from './test-set';

/**
 * The optional separate test folder: chosen like the training folder, decoded
 * with the same options, labelled with the training folder's class→index map
 * (core/data/test-alignment.ts). It is kept apart from the training data: the whole
 * training folder still makes train + validation, and the test set only
 * reaches the worker for evaluation (test-set.ts).
 */
let running: AbortController | null = null;
let lastSource: FolderSource | null = null;
/** What the section showed before the load in progress, restored when it is cancelled. */
let beforeLoad: { runtime: TestFolderRuntime; source: FolderSource | null } | null = null;

/** Test folders are never split: every usable sample is a test sample. */
const noSplit = { seed: 0, validationShare: 0 };

export async function chooseTestFolder(host: Host, store: EditorStore): Promise<void> {
  const dataset = store.getState().doc.dataset;
  if (dataset === null) return;
  const before = useTestFolderStore.getState().status;
  useTestFolderStore.setState({ status: 'choosing', error: null });
  const picked = await host.pickDatasetFolder({ kind: dataset.kind });
  if (!picked.ok) {
    if (picked.error.code === 'cancelled')
      useTestFolderStore.setState({ status: before === 'choosing' ? 'idle' : before });
    else
      useTestFolderStore.setState({
        status: 'error',
        error: { key: 'errors.pick', values: { code: picked.error.code } },
      });
    return;
  }
  await loadTestFolder(store, hostFolderSource(host, picked.value));
}

/** Lists and decodes the test folder with the project's options and class map; saves it in the project. */
export async function loadTestFolder(store: EditorStore, source: FolderSource): Promise<void> {
  if (running === null) beforeLoad = { runtime: useTestFolderStore.getState(), source: lastSource };
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const { grant } = source;
  const doc = store.getState().doc;
  const dataset = doc.dataset;
  if (dataset === null) {
    useTestFolderStore.setState({
      ...initialTestFolderRuntime,
      status: 'error',
      error: { key: 'test.needsTraining' },
    });
    return;
  }
  lastSource = source;
  useTestFolderStore.setState({ ...initialTestFolderRuntime, status: 'scanning', grant });
  try {
    const listed = await source.list({
      signal: controller.signal,
      onProgress: (filesFound) =>
        useTestFolderStore.setState({ progress: { done: filesFound, total: 0 } }),
    });
    if (controller.signal.aborted) return;
    if (!listed.ok) {
      useTestFolderStore.setState({
        status: 'error',
        error: { key: 'errors.list', values: { code: listed.code } },
      });
      return;
    }
    useTestFolderStore.setState({
      status: 'loading',
      progress: { done: 0, total: listed.contents.files.length },
    });
    const common = {
      contents: listed.contents,
      readFiles: source.readFiles,
      split: noSplit,
      signal: controller.signal,
      onProgress: (p: { done: number; total: number }) =>
        useTestFolderStore.setState({ progress: { done: p.done, total: p.total } }),
    };
    const classNames = dataset.classNames;
    let alignment: TestAlignment;
    let data: TestSetData;
    let report;
    if (dataset.kind === 'image') {
      const image = dataset.image ?? initialImageOptions(doc);
      const loaded = await loadImageDataset({ ...common, image });
      alignment = alignTestSet(loaded.plan, classNames);
      report = loaded.plan.report;
      data = {
        kind: 'image',
        classNames,
        labels: alignment.labels,
        store: loaded.store,
        indices: alignment.kept,
        options: image,
      };
    } else {
      const text = dataset.text ?? initialTextOptions(doc);
      const loaded = await loadTextDataset({ ...common, text });
      alignment = alignTestSet(loaded.plan, classNames);
      report = loaded.plan.report;
      data = {
        kind: 'text',
        classNames,
        labels: alignment.labels,
        texts: alignment.kept.map((i) => loaded.texts[i] as string),
        options: text,
        // The training vocabulary (the test folder's own words must not leak into the model's input).
        vocabulary: dataset.vocabulary ?? ['', '[UNK]'],
      };
    }
    if (controller.signal.aborted) return;
    store.getState().apply(setTestFolder, { name: grant.name, displayPath: grant.displayPath });
    setTestSet(alignment.kept.length > 0 ? data : null);
    useTestFolderStore.setState({
      status: 'ready',
      progress: null,
      report,
      alignment: {
        count: alignment.kept.length,
        perClass: alignment.perClass,
        unknownClasses: alignment.unknownClasses,
        leftOut: alignment.leftOut,
      },
    });
  } catch (error) {
    const failed = loadFailureState(error);
    if (failed === null) return;
    console.error('test folder load failed', error);
    useTestFolderStore.setState(failed);
  } finally {
    if (running === controller) {
      running = null;
      beforeLoad = null;
    }
  }
}

/** Stops a test folder scan or decode in progress. */
export function cancelTestFolderLoad(): void {
  running?.abort();
  running = null;
  const previous = beforeLoad;
  beforeLoad = null;
  if (previous !== null) lastSource = previous.source;
  const runtime = previous?.runtime ?? useTestFolderStore.getState();
  const busy =
    runtime.status === 'choosing' || runtime.status === 'scanning' || runtime.status === 'loading';
  useTestFolderStore.setState({
    ...runtime,
    status: busy ? (runtime.report === null ? 'idle' : 'ready') : runtime.status,
    progress: null,
  });
}

/** Removes the test folder from the project and forgets the loaded test set. */
export function removeTestFolder(store: EditorStore): void {
  running?.abort();
  running = null;
  lastSource = null;
  store.getState().apply(setTestFolder, null);
  setTestSet(null);
  useTestFolderStore.setState(initialTestFolderRuntime);
}

/**
 * After the training folder was (re)loaded: the test set must follow its
 * options and class map, so a loaded test folder is decoded again; when the
 * project no longer has a test folder (another kind of data), it is dropped.
 */
export async function refreshTestFolder(store: EditorStore): Promise<void> {
  const dataset = store.getState().doc.dataset;
  if (dataset?.testFolder == null) {
    running?.abort();
    lastSource = null;
    setTestSet(null);
    useTestFolderStore.setState(initialTestFolderRuntime);
    return;
  }
  if (lastSource !== null && lastSource.grant.displayPath === dataset.testFolder.displayPath)
    await loadTestFolder(store, lastSource);
}
