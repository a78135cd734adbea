import * as tf from '@tensorflow/tfjs';

import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';
import { decodeUtf8, encodeUtf8 } from './text-codec';
import { parseTopology } from './topology';
import type { Topology } from './topology';
import { readWeights } from './weights';
import type { ReadWeights } from './weights';

/** A model folder as a file map: path relative to the folder → bytes (or text). */
export type ModelFiles = Readonly<Record<string, Uint8Array | string>>;

/** A validated TF.js layers model folder, ready for `tf.io.fromMemory`. */
export interface ModelFolder {
  readonly topology: Topology;
  /** `modelTopology` exactly as the file holds it. */
  readonly modelTopology: Record<string, unknown>;
  readonly weights: ReadWeights;
  /** `userDefinedMetadata` of model.json, if any (LayerLab stores class labels there). */
  readonly userDefinedMetadata: Record<string, unknown> | null;
}

/** model.json is at most this big (a topology, not weights); larger input is refused before parsing. */
const maxModelJsonBytes = 32 * 1024 * 1024;

function asBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? encodeUtf8(value) : value;
}

/** Finds `model.json` (at the root, or the only `*.json` with a modelTopology) in a file map. */
function findModelJson(files: ModelFiles): string | null {
  if (files['model.json'] !== undefined) return 'model.json';
  const candidates = Object.keys(files).filter(
    (p) => p.endsWith('.json') && !p.includes('/') && p !== 'metadata.json' && p !== 'vocab.json',
  );
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/**
 * Validates a TF.js layers model folder before anything reaches TF.js:
 * parseable model.json of format `layers-model`, a sound topology, and
 * weights that match the manifest exactly (see `readWeights`). Never throws.
 */
export function readModelFolder(files: ModelFiles): Result<ModelFolder, ImportError> {
  const jsonPath = findModelJson(files);
  const raw = jsonPath === null ? undefined : files[jsonPath];
  if (jsonPath === null || raw === undefined)
    return err(importError('import-no-model-json', 'The folder has no model.json.'));
  const bytes = asBytes(raw);
  if (bytes.byteLength > maxModelJsonBytes)
    return err(
      importError(
        'import-bad-json',
        `${jsonPath} is ${bytes.byteLength} bytes; a model description is never that large.`,
        jsonPath,
      ),
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(bytes));
  } catch (e) {
    return err(
      importError(
        'import-bad-json',
        `${jsonPath} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
        jsonPath,
      ),
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return err(
      importError('import-bad-json', `${jsonPath} does not hold a JSON object.`, jsonPath),
    );
  const json = parsed as Record<string, unknown>;
  if (json['format'] === 'graph-model') {
    return err(
      importError(
        'import-bad-topology',
        'This is a TF.js graph model (from a SavedModel); only layers models can become editable graphs.',
        jsonPath,
      ),
    );
  }
  const modelTopology = json['modelTopology'];
  if (typeof modelTopology !== 'object' || modelTopology === null || Array.isArray(modelTopology)) {
    return err(
      importError(
        'import-bad-topology',
        `${jsonPath} has no modelTopology: it is not a TF.js layers model.`,
        jsonPath,
      ),
    );
  }
  const topology = parseTopology(modelTopology);
  if (!topology.ok) return topology;
  const binaries: Record<string, Uint8Array> = {};
  for (const [path, value] of Object.entries(files)) binaries[path] = asBytes(value);
  const weights = readWeights(json['weightsManifest'], binaries);
  if (!weights.ok) return weights;
  const meta = json['userDefinedMetadata'];
  return ok({
    topology: topology.value,
    modelTopology: modelTopology as Record<string, unknown>,
    weights: weights.value,
    userDefinedMetadata:
      typeof meta === 'object' && meta !== null && !Array.isArray(meta)
        ? (meta as Record<string, unknown>)
        : null,
  });
}

/** The `tf.io.ModelArtifacts` of a validated folder, as `tf.io.fromMemory` takes them. */
export function folderArtifacts(folder: ModelFolder): tf.io.ModelArtifacts {
  return {
    modelTopology: folder.modelTopology,
    weightSpecs: folder.weights.specs.map((s) => ({
      name: s.name,
      shape: [...s.shape],
      dtype: s.dtype,
    })),
    weightData: folder.weights.data,
  };
}

/**
 * Loads a model folder the way a user's `tf.loadLayersModel` would, after
 * `readModelFolder`'s checks. TF.js failures (an unknown layer class, a
 * weight count that does not fit the layers) come back as coded errors.
 */
export async function loadModelFolder(
  files: ModelFiles,
): Promise<Result<tf.LayersModel, ImportError>> {
  const folder = readModelFolder(files);
  if (!folder.ok) return folder;
  try {
    return ok(await tf.loadLayersModel(tf.io.fromMemory(folderArtifacts(folder.value))));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown layer: (\w+)/.exec(message);
    if (unknown?.[1] !== undefined) {
      return err(
        importError(
          'import-unknown-layer',
          `TF.js does not know the layer class "${unknown[1]}".`,
          unknown[1],
        ),
      );
    }
    return err(
      importError(
        'import-weights-mismatch',
        `TF.js could not build the model from these files: ${message}`,
      ),
    );
  }
}
