import type * as tf from '@tensorflow/tfjs';

import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import { readModelFolder } from '../../import/model-folder';
import { applyWeightSet, groupWeightsByLayer } from '../../import/weight-set';
import { saveToArtifacts, tfjsModelFiles, defaultShardBytes } from '../tfjs-files';
import type { TorchWeightsError } from './weights-from-npz';
import { weightsFromNpz } from './weights-from-npz';

/**
 * Puts the weights of a `weights.npz` (train.py's output) into `model`, a
 * network compiled from the project's graph. Checked first (`weightsFromNpz`:
 * same entries, same shapes, finite); on a refusal the model is unchanged.
 */
export async function applyTorchWeights(
  model: tf.LayersModel,
  npz: Uint8Array,
): Promise<Result<void, TorchWeightsError>> {
  const folder = readModelFolder(
    tfjsModelFiles(await saveToArtifacts(model), {}, defaultShardBytes),
  );
  if (!folder.ok)
    return err({
      code: 'torch-weights-unreadable',
      args: { detail: folder.error.message },
      message: folder.error.message,
    });
  const { topology, weights } = folder.value;
  const mapped = weightsFromNpz(topology, weights.weights, npz);
  if (!mapped.ok) return mapped;
  const applied = applyWeightSet(
    model,
    groupWeightsByLayer(
      mapped.value,
      topology.layers.map((l) => l.name),
    ),
  );
  if (!applied.ok)
    return err({
      code: 'torch-weights-unreadable',
      args: { detail: applied.error.message },
      message: applied.error.message,
    });
  return ok(undefined);
}
