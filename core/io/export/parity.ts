import * as tf from '@tensorflow/tfjs';

import { err, ok } from '../../result';
import type { Result } from '../../result';
import type { ImportError } from '../import/import-error';
import { loadModelFolder } from '../import/model-folder';
import type { ModelFiles } from '../import/model-folder';

/** How closely the exported files reproduce the original model. */
export interface ParityReport {
  /** Samples whose most probable class is the same for both. */
  readonly sameTop1: number;
  readonly total: number;
  /** Largest absolute difference between any two corresponding output values. */
  readonly maxProbDiff: number;
}

/** Compares two `[n, classes]` probability arrays row by row. */
export function compareProbabilities(
  original: readonly (readonly number[])[],
  exported: readonly (readonly number[])[],
): ParityReport {
  let sameTop1 = 0;
  let maxProbDiff = 0;
  const argmax = (row: readonly number[]): number =>
    row.reduce((best, v, i) => (v > (row[best] ?? -Infinity) ? i : best), 0);
  for (const [i, a] of original.entries()) {
    const b = exported[i] ?? [];
    if (argmax(a) === argmax(b)) sameTop1++;
    for (const [j, v] of a.entries()) {
      const d = Math.abs(v - (b[j] ?? Number.NaN));
      // NaN counts as the worst possible difference, never as "equal".
      maxProbDiff = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(maxProbDiff, d);
    }
  }
  return { sameTop1, total: original.length, maxProbDiff };
}

function asRows(t: tf.Tensor): number[][] {
  return t.reshape([t.shape[0] ?? 1, -1]).arraySync() as number[][];
}

/**
 * Reloads exported files the way a user would (`tf.loadLayersModel` over
 * `tf.io.fromMemory`, after the import checks) and compares their predictions
 * with `originalPredict` on `samples` (a batch tensor; not disposed here).
 * Fails with the import error if the files themselves do not load.
 */
export async function checkParity(
  originalPredict: (x: tf.Tensor) => tf.Tensor,
  exportedFiles: ModelFiles,
  samples: tf.Tensor,
): Promise<Result<ParityReport, ImportError>> {
  const loaded = await loadModelFolder(exportedFiles);
  if (!loaded.ok) return loaded;
  try {
    const original = tf.tidy(() => asRows(originalPredict(samples)));
    const exported = tf.tidy(() => asRows(loaded.value.predict(samples) as tf.Tensor));
    return ok(compareProbabilities(original, exported));
  } catch (e) {
    return err({
      code: 'import-weights-mismatch',
      message: `The exported model could not run on the samples: ${e instanceof Error ? e.message : String(e)}`,
    });
  } finally {
    loaded.value.dispose();
  }
}

/** `checkParity` for a live model: compares `model.predict` with the export of it. */
export function checkExportParity(
  model: tf.LayersModel,
  exportedFiles: ModelFiles,
  samples: tf.Tensor,
): Promise<Result<ParityReport, ImportError>> {
  return checkParity((x) => model.predict(x) as tf.Tensor, exportedFiles, samples);
}
