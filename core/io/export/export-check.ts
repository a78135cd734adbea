import * as tf from '@tensorflow/tfjs';

import { compileGraph } from '../../compile/index';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { validateGraph } from '../../validate/index';
import { importError } from '../import/import-error';
import type { ImportError } from '../import/import-error';
import { importLayersModel } from '../import/import-model';
import type { ImportedModel } from '../import/import-model';
import { loadModelFolder } from '../import/model-folder';
import type { ModelFiles } from '../import/model-folder';
import { applyWeightSet } from '../import/weight-set';
import type { ExportInfo } from './export-info';
import { buildExportFolder } from './export-model';
import type { ExportBundle, ExportFailure, ExportOptions } from './export-model';
import { compareProbabilities } from './parity';
import type { ParityReport } from './parity';

/**
 * A batch of model inputs as plain data (batch axis first), so the UI and
 * workers can pass samples without touching tensors.
 */
export interface SampleBatch {
  readonly values: Float32Array;
  readonly shape: readonly number[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` seeded inputs shaped like the model's first input: uniform values in
 * [0, 1) (the range of normalised pixels), or token ids in [2, vocabulary)
 * when the input feeds an Embedding. Used when no validation samples exist
 * (an untrained model exported from the graph).
 */
export function generateSamples(model: tf.LayersModel, count: number, seed = 1): SampleBatch {
  const shape = (model.inputs[0]?.shape ?? [null, 1]).map((d, i) => (i === 0 ? count : (d ?? 1)));
  const size = shape.reduce((a, b) => a * b, 1);
  const next = mulberry32(seed);
  const embedding = model.layers.find((l) => l.getClassName() === 'Embedding');
  const vocabulary = embedding === undefined ? 0 : Number(embedding.getConfig()['inputDim'] ?? 0);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++)
    values[i] = vocabulary > 2 ? 2 + Math.floor(next() * (vocabulary - 2)) : next();
  return { values, shape };
}

/** Runs a model on a plain batch, casting to the input's dtype (token ids for int32 inputs). */
export function predictBatch(model: tf.LayersModel, batch: SampleBatch): number[][] {
  return tf.tidy(() => {
    const dtype = model.inputs[0]?.dtype === 'int32' ? 'int32' : 'float32';
    const x = tf.tensor(batch.values, [...batch.shape], dtype);
    const y = model.predict(x) as tf.Tensor;
    return y.reshape([y.shape[0] ?? 1, -1]).arraySync() as number[][];
  });
}

/** An export folder together with how well it reproduces the model. */
export interface CheckedExport {
  readonly bundle: ExportBundle;
  readonly parity: ParityReport;
}

/**
 * Builds the export folder, then reloads it as a user would and compares its
 * predictions on `samples` with `reference` (the live model's probabilities,
 * e.g. from the training worker) or, without one, with `model` itself.
 */
export async function exportWithParity(
  model: tf.LayersModel,
  info: ExportInfo,
  samples: SampleBatch,
  options: ExportOptions & { readonly reference?: readonly (readonly number[])[] } = {},
): Promise<Result<CheckedExport, ExportFailure | ImportError>> {
  const built = await buildExportFolder(model, info, options);
  if (!built.ok) return built;
  const loaded = await loadModelFolder(built.value.files);
  if (!loaded.ok) return loaded;
  try {
    const reference = options.reference ?? predictBatch(model, samples);
    const parity = compareProbabilities(reference, predictBatch(loaded.value, samples));
    return ok({ bundle: built.value, parity });
  } finally {
    loaded.value.dispose();
  }
}

/** An imported graph, and proof that it predicts like the files it came from. */
export interface VerifiedImport {
  readonly imported: ImportedModel;
  /** The graph compiled with the imported weights vs. the files loaded directly by TF.js. */
  readonly parity: ParityReport;
}

/**
 * Imports a model folder as a graph (`importLayersModel`), compiles that
 * graph with the catalog, applies the imported weights, and compares it with
 * the folder loaded directly by TF.js on `count` generated inputs. Identical
 * predictions prove the editable graph is the same network.
 */
export async function verifyImport(
  files: ModelFiles,
  count = 16,
): Promise<Result<VerifiedImport, ImportError>> {
  const imported = importLayersModel(files);
  if (!imported.ok) return imported;
  const direct = await loadModelFolder(files);
  if (!direct.ok) return direct;
  let rebuilt: tf.LayersModel | null = null;
  try {
    const diagnostics = validateGraph(imported.value.doc);
    const blocking = diagnostics.find((d) => d.severity === 'error');
    if (blocking !== undefined)
      return err(
        importError(
          'import-unsupported-config',
          `The imported graph does not validate (${blocking.code}).`,
        ),
      );
    rebuilt = compileGraph(imported.value.doc, { diagnostics });
    const applied = applyWeightSet(rebuilt, imported.value.weights);
    if (!applied.ok) return applied;
    const samples = generateSamples(direct.value, count);
    const parity = compareProbabilities(
      predictBatch(direct.value, samples),
      predictBatch(rebuilt, samples),
    );
    return ok({ imported: imported.value, parity });
  } catch (e) {
    return err(
      importError(
        'import-weights-mismatch',
        `The imported graph could not be rebuilt: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  } finally {
    direct.value.dispose();
    rebuilt?.dispose();
  }
}
