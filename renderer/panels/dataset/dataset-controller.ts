import { channelCount, reportToDelimited } from '@core';
import type { DelimitedFormat, HealthReport, ImageOptions, TextOptions } from '@core';

import { loadImageDataset, loadTextDataset } from '../../data/load-dataset';
import type { DatasetKind, Host } from '@core';
import type { EditorStore } from '../../state/editor-store';
import type { LoadedDatasetStore, TrainingDataset } from '../training/training-dataset';
import {
  datasetConfigFrom,
  initialImageOptions,
  initialTextOptions,
  keptTestFolder,
  setDataset,
  splitSettingsFor,
} from './dataset-doc';
import { initialDatasetRuntime } from './dataset-store';
import type { DatasetRuntime, DatasetRuntimeStore } from './dataset-store';
import { createFolderLoad, pickFolder } from './folder-load';
import { hostFolderSource } from './folder-source';
import type { FolderSource } from './folder-source';
import type { TestFolderController } from './test-folder-controller';
import { setTestImageOptions } from './test-set';
import type { TestSetStore } from './test-set';
import { makeThumbnails } from './thumbnails';

export type { FolderSource } from './folder-source';

/** A loaded folder and its kind: what option changes load again. */
interface LoadedSource {
  readonly source: FolderSource;
  readonly kind: DatasetKind;
}

export interface LoadOverrides {
  readonly image?: ImageOptions;
  readonly text?: TextOptions;
  /** Draw a new split (seed/share changed) instead of re-applying the stored one. */
  readonly split?: { readonly seed: number; readonly validationShare: number };
}

/** What the Dataset panel does, for one project session. */
export interface DatasetController {
  /** Asks for a folder (native dialog or in-app chooser) and loads it (with `overrides`, if given). */
  choose(host: Host, kind: DatasetKind, overrides?: LoadOverrides): Promise<void>;
  /** Lists, loads, checks and splits a folder; saves the dataset in the project; hands it to training. */
  load(source: FolderSource, kind: DatasetKind, overrides?: LoadOverrides): Promise<void>;
  /** Stops a scan or decode in progress; the panel returns to what it showed before. */
  cancel(): void;
  applyImageOptions(image: ImageOptions): Promise<void>;
  applyTextOptions(text: TextOptions): Promise<void>;
  applySplit(split: { seed: number; validationShare: number }): Promise<void>;
  /** Stops any load for good (the session is closing). */
  dispose(): void;
}

export interface DatasetControllerDeps {
  readonly editor: EditorStore;
  readonly runtime: DatasetRuntimeStore;
  readonly loaded: LoadedDatasetStore;
  readonly testSet: TestSetStore;
  readonly testFolder: TestFolderController;
  /** Called after each successful load (the session attaches it to a restored model). */
  readonly onLoaded?: (dataset: TrainingDataset | null) => void;
}

/**
 * Choose a folder through the host, list it, load it (decode + check +
 * split), save the result in the project and hand the loaded data to
 * training. One load at a time; a new one cancels the old. All state is the
 * session's: nothing here outlives the project.
 */
export function createDatasetController(deps: DatasetControllerDeps): DatasetController {
  const { editor: store, runtime, testFolder } = deps;
  /** One load at a time; its last source is the folder option changes reload. */
  const folderLoad = createFolderLoad<DatasetRuntime, LoadedSource>(runtime, 'dataset');

  const setLoaded = (dataset: TrainingDataset | null): void => {
    deps.loaded.setState({ dataset });
    deps.onLoaded?.(dataset);
  };

  async function choose(
    host: Host,
    kind: DatasetKind,
    overrides: LoadOverrides = {},
  ): Promise<void> {
    const grant = await pickFolder(host, kind, runtime, folderLoad.disposed);
    if (grant !== null) await load(hostFolderSource(host, grant), kind, overrides);
  }

  function load(source: FolderSource, kind: DatasetKind, overrides: LoadOverrides = {}) {
    const { grant } = source;
    return folderLoad.run(
      { source, kind },
      source,
      { ...initialDatasetRuntime, status: 'scanning', kind, grant },
      async ({ signal, ...listed }) => {
        const doc = store.getState().doc;
        const split = overrides.split ?? splitSettingsFor(doc, grant, kind);
        const common = { ...listed, split, signal };
        /** Saves the loaded folder in the project (its plan, split and options). */
        const save = (
          plan: Parameters<typeof datasetConfigFrom>[0]['plan'],
          options: Pick<Parameters<typeof datasetConfigFrom>[0], 'image' | 'text' | 'vocabulary'>,
        ): void => {
          store.getState().apply(
            setDataset,
            datasetConfigFrom({
              kind,
              grant,
              plan,
              seed: split.seed,
              validationShare: split.validationShare,
              ...options,
              testFolder: keptTestFolder(store.getState().doc, kind),
            }),
          );
        };
        if (kind === 'image') {
          const image = overrides.image ?? initialImageOptions(doc);
          const loaded = await loadImageDataset({ ...common, image });
          const thumbnails = await makeThumbnails(loaded.plan, loaded.store, {
            width: image.width,
            height: image.height,
            channels: channelCount(image.colorMode),
          });
          if (signal.aborted) return;
          save(loaded.plan, { image, text: null, vocabulary: null });
          setLoaded(
            loaded.plan.samples.length > 0
              ? { kind: 'image', plan: loaded.plan, store: loaded.store, options: image }
              : null,
          );
          runtime.setState({
            status: 'ready',
            report: loaded.plan.report,
            thumbnails,
            fromCache: loaded.fromCache,
            progress: null,
          });
        } else {
          // A project without text options (a template, a new project) takes them from the texts.
          const chooseDefaults = overrides.text === undefined && !doc.dataset?.text;
          const loaded = await loadTextDataset({
            ...common,
            text: overrides.text ?? initialTextOptions(doc),
            chooseDefaults,
          });
          const text = loaded.options;
          if (signal.aborted) return;
          save(loaded.plan, { image: null, text, vocabulary: loaded.vocabulary });
          setLoaded(
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
          runtime.setState({ status: 'ready', report: loaded.plan.report, progress: null });
        }
        void testFolder.refresh();
      },
    );
  }

  /**
   * New image options: a new decode when size, resize mode or colour changed
   * and the folder is loaded; otherwise only the saved options (and the
   * training copy) change, since normalisation and augmentation apply per batch.
   */
  async function applyImageOptions(image: ImageOptions): Promise<void> {
    const doc = store.getState().doc;
    const current = doc.dataset?.image ?? null;
    const lastSource = folderLoad.last();
    if (
      lastSource !== null &&
      lastSource.kind === 'image' &&
      (current === null || needsDecode(current, image))
    ) {
      await load(lastSource.source, 'image', { image });
      return;
    }
    if (doc.dataset !== null) store.getState().apply(setDataset, { ...doc.dataset, image });
    const training = deps.loaded.getState().dataset;
    if (training?.kind === 'image')
      deps.loaded.setState({ dataset: { ...training, options: image } });
    setTestImageOptions(deps.testSet, image);
  }

  /** Tokenisation changes the vocabulary, so a loaded folder is reloaded. */
  async function applyTextOptions(text: TextOptions): Promise<void> {
    const lastSource = folderLoad.last();
    if (lastSource !== null && lastSource.kind === 'text') {
      await load(lastSource.source, 'text', { text });
      return;
    }
    const doc = store.getState().doc;
    if (doc.dataset !== null) store.getState().apply(setDataset, { ...doc.dataset, text });
  }

  /** A new seed or share draws a new split (the stored validation paths no longer apply). */
  async function applySplit(split: { seed: number; validationShare: number }): Promise<void> {
    const doc = store.getState().doc;
    const lastSource = folderLoad.last();
    if (lastSource !== null && doc.dataset !== null) {
      await load(lastSource.source, lastSource.kind, {
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

  return {
    choose,
    load,
    cancel: folderLoad.cancel,
    applyImageOptions,
    applyTextOptions,
    applySplit,
    dispose: folderLoad.dispose,
  };
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
