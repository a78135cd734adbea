import { datasetReadingFor, type ProjectDoc } from '@core';

import type { Host } from '../../host/Host';
import { loadImageDataset, loadTextDataset, type LoadProgress } from '../../data/load-dataset';
import { readAllDatasetFiles } from '../dataset/folder-source';
import { setTrainingDataset } from './training-dataset';

/**
 * "Choose a folder" straight from the training panel: asks the host for a
 * folder, loads it with the dataset area's loader (renderer/data), and makes
 * it the dataset of the next run. The dataset panel does the same with more
 * control and a health report; this is the shortest path for a template.
 */
export type PickOutcome =
  | { readonly ok: true; readonly samples: number; readonly classes: number }
  | { readonly ok: false; readonly code: string; readonly message: string };

export async function pickTrainingFolder(
  host: Host,
  doc: ProjectDoc,
  onProgress?: (p: LoadProgress) => void,
): Promise<PickOutcome> {
  const reading = datasetReadingFor(doc);
  const grant = await host.pickDatasetFolder({ kind: reading.kind });
  if (!grant.ok) return { ok: false, code: grant.error.code, message: grant.error.message };
  const listing = await host.listDatasetFolder({ grantId: grant.value.grantId });
  if (!listing.ok) return { ok: false, code: listing.error.code, message: listing.error.message };
  const contents = {
    folderId: grant.value.displayPath,
    files: listing.value.files,
    ignored: listing.value.skipped.map((s) => ({ path: s.path, reason: s.reason })),
  };
  const readFiles = (paths: readonly string[]) =>
    readAllDatasetFiles(host, grant.value.grantId, paths, true);
  const split = { seed: doc.training.seed, validationShare: doc.training.validationShare };
  try {
    if (reading.kind === 'image') {
      const loaded = await loadImageDataset({
        contents,
        readFiles,
        split,
        image: reading.image,
        ...(onProgress ? { onProgress } : {}),
      });
      if (loaded.plan.samples.length === 0)
        return { ok: false, code: 'dataset-no-usable-samples', message: 'No usable images' };
      setTrainingDataset({
        kind: 'image',
        plan: loaded.plan,
        store: loaded.store,
        options: reading.image,
      });
      return {
        ok: true,
        samples: loaded.plan.samples.length,
        classes: loaded.plan.classNames.length,
      };
    }
    const loaded = await loadTextDataset({
      contents,
      readFiles,
      split,
      text: reading.text,
      ...(onProgress ? { onProgress } : {}),
    });
    if (loaded.plan.samples.length === 0)
      return { ok: false, code: 'dataset-no-usable-samples', message: 'No usable texts' };
    setTrainingDataset({
      kind: 'text',
      plan: loaded.plan,
      texts: loaded.texts,
      vocabulary: loaded.vocabulary,
      options: reading.text,
    });
    return {
      ok: true,
      samples: loaded.plan.samples.length,
      classes: loaded.plan.classNames.length,
    };
  } catch (error) {
    return {
      ok: false,
      code: 'dataset-unreadable',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
