import { defaultImageOptions, defaultTextOptions, imageOptionsFromGraph } from '@core';
import type { DatasetConfig, DatasetPlan, ImageOptions, ProjectDoc, TextOptions } from '@core';

import type { DatasetKind, FolderGrant } from '@core';

/**
 * The dataset part of the project document: what is saved (folder name and
 * path for display, class→index map, split with its validation paths,
 * options, vocabulary) and the pure edit that replaces it.
 */

/** Replaces the project's dataset (null detaches it). One undoable edit. */
export function setDataset(doc: ProjectDoc, dataset: DatasetConfig | null): ProjectDoc {
  return doc.dataset === dataset ? doc : { ...doc, dataset };
}

/** A folder as the project stores it: name and path for display and re-granting. */
export type FolderRef = DatasetConfig['folder'];

/**
 * Sets or removes the separate test folder. One undoable edit; without a
 * dataset there is nothing to test against, so the document is unchanged.
 */
export function setTestFolder(doc: ProjectDoc, testFolder: FolderRef | null): ProjectDoc {
  if (doc.dataset === null) return doc;
  const same =
    doc.dataset.testFolder?.displayPath === testFolder?.displayPath &&
    doc.dataset.testFolder?.name === testFolder?.name;
  return same ? doc : { ...doc, dataset: { ...doc.dataset, testFolder } };
}

/** The test folder to keep when the training folder is (re)loaded: the stored one, if the kind still matches. */
export function keptTestFolder(doc: ProjectDoc, kind: DatasetKind): FolderRef | null {
  return doc.dataset !== null && doc.dataset.kind === kind ? doc.dataset.testFolder : null;
}

/** Image options for a new dataset: the stored ones, else defaults sized from the graph's ImageInput. */
export function initialImageOptions(doc: ProjectDoc): ImageOptions {
  if (doc.dataset?.image) return doc.dataset.image;
  return { ...defaultImageOptions, ...(imageOptionsFromGraph(doc.graph) ?? {}) };
}

export function initialTextOptions(doc: ProjectDoc): TextOptions {
  return doc.dataset?.text ?? defaultTextOptions;
}

/** The split settings to load with: the stored split (re-applied exactly) when the same folder is reloaded. */
export function splitSettingsFor(
  doc: ProjectDoc,
  grant: FolderGrant,
  kind: DatasetKind,
): { seed: number; validationShare: number; validationPaths?: readonly string[] } {
  const stored = doc.dataset;
  const sameFolder =
    stored !== null && stored.kind === kind && stored.folder.displayPath === grant.displayPath;
  if (stored !== null && sameFolder) {
    return stored.split.validationPaths !== undefined
      ? { ...stored.split, validationPaths: stored.split.validationPaths }
      : { seed: stored.split.seed, validationShare: stored.split.validationShare };
  }
  return { seed: doc.training.seed, validationShare: doc.training.validationShare };
}

/** The config saved after a successful load. */
export function datasetConfigFrom(input: {
  readonly kind: DatasetKind;
  readonly grant: Pick<FolderGrant, 'name' | 'displayPath'>;
  readonly plan: DatasetPlan;
  readonly seed: number;
  readonly validationShare: number;
  readonly image: ImageOptions | null;
  readonly text: TextOptions | null;
  readonly vocabulary: readonly string[] | null;
  /** The separate test folder to keep (see `keptTestFolder`). */
  readonly testFolder?: FolderRef | null;
}): DatasetConfig {
  return {
    kind: input.kind,
    folder: { name: input.grant.name, displayPath: input.grant.displayPath },
    testFolder: input.testFolder ?? null,
    classNames: [...input.plan.classNames],
    split: {
      seed: input.seed,
      validationShare: input.validationShare,
      validationPaths: [...input.plan.validationKeys],
    },
    image: input.kind === 'image' ? input.image : null,
    text: input.kind === 'text' ? input.text : null,
    vocabulary: input.vocabulary === null ? null : [...input.vocabulary],
  };
}
