import { alignTestSet, type HealthReport, type TestAlignment } from '@core';
import { loadImageDataset, loadTextDataset } from '../../data/load-dataset';
import type { Host } from '@core';
import type { EditorStore } from '../../state/editor-store';
import { createFolderLoad, pickFolder } from './folder-load';
import { hostFolderSource } from './folder-source';
import type { FolderSource } from './folder-source';
import { initialImageOptions, initialTextOptions, setTestFolder } from './dataset-doc';
import { initialTestFolderRuntime } from './dataset-store';
import type { TestFolderRuntime, TestFolderRuntimeStore } from './dataset-store';
import { setTestSet } from './test-set';
import type { TestSetData, TestSetStore } from './test-set';

/**
 * The optional separate test folder of one project session: chosen like the
 * training folder, decoded with the same options, labelled with the training
 * folder's class→index map (core/data/test-alignment.ts). It is kept apart
 * from the training data: the whole training folder still makes train +
 * validation, and the test set only reaches the worker for evaluation
 * (test-set.ts).
 */
export interface TestFolderController {
  choose(host: Host): Promise<void>;
  /** Lists and decodes the test folder with the project's options and class map; saves it in the project. */
  load(source: FolderSource): Promise<void>;
  /** Stops a test folder scan or decode in progress. */
  cancel(): void;
  /** Removes the test folder from the project and forgets the loaded test set. */
  remove(): void;
  /**
   * After the training folder was (re)loaded: the test set must follow its
   * options and class map, so a loaded test folder is decoded again; when the
   * project no longer has a test folder (another kind of data), it is dropped.
   */
  refresh(): Promise<void>;
  dispose(): void;
}

/** Test folders are never split: every usable sample is a test sample. */
const noSplit = { seed: 0, validationShare: 0 };

export function createTestFolderController(deps: {
  readonly editor: EditorStore;
  readonly runtime: TestFolderRuntimeStore;
  readonly testSet: TestSetStore;
}): TestFolderController {
  const { editor: store, runtime } = deps;
  const folderLoad = createFolderLoad<TestFolderRuntime, FolderSource>(runtime, 'test folder');

  async function choose(host: Host): Promise<void> {
    const dataset = store.getState().doc.dataset;
    if (dataset === null) return;
    const grant = await pickFolder(host, dataset.kind, runtime, folderLoad.disposed);
    if (grant !== null) await load(hostFolderSource(host, grant));
  }

  async function load(source: FolderSource): Promise<void> {
    if (folderLoad.disposed()) return;
    const { grant } = source;
    const doc = store.getState().doc;
    const dataset = doc.dataset;
    if (dataset === null) {
      runtime.setState({
        ...initialTestFolderRuntime,
        status: 'error',
        error: { key: 'test.needsTraining' },
      });
      return;
    }
    await folderLoad.run(
      source,
      source,
      { ...initialTestFolderRuntime, status: 'scanning', grant },
      async ({ signal, ...listed }) => {
        const common = { ...listed, split: noSplit, signal };
        const classNames = dataset.classNames;
        let alignment: TestAlignment;
        let data: TestSetData;
        let report: HealthReport;
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
        if (signal.aborted) return;
        store.getState().apply(setTestFolder, { name: grant.name, displayPath: grant.displayPath });
        setTestSet(deps.testSet, alignment.kept.length > 0 ? data : null);
        runtime.setState({
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
      },
    );
  }

  function forget(): void {
    folderLoad.forget();
    setTestSet(deps.testSet, null);
    runtime.setState(initialTestFolderRuntime);
  }

  return {
    choose,
    load,
    cancel: folderLoad.cancel,
    remove() {
      store.getState().apply(setTestFolder, null);
      forget();
    },
    async refresh() {
      const dataset = store.getState().doc.dataset;
      if (dataset?.testFolder == null) {
        forget();
        return;
      }
      const lastSource = folderLoad.last();
      if (lastSource !== null && lastSource.grant.displayPath === dataset.testFolder.displayPath)
        await load(lastSource);
    },
    dispose: folderLoad.dispose,
  };
}
