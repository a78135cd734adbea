import type { WordVectors } from '../labs/word-vectors/word-vectors';
import { InspectError } from './inspect-error';
import type { InspectableModel } from './sample';
import { copyValues, findLayer } from './sample';

/**
 * A trained Embedding layer's table as word vectors, named by the dataset's
 * vocabulary (row i belongs to token id i). Row 0 is the padding id and is
 * left out (with maskZero it is never looked at; without it, it is the
 * vector of "no word"); row 1, the out-of-vocabulary id, keeps its name
 * (`[UNK]`). Rows past the vocabulary (an Embedding larger than the
 * vocabulary) are named `#id` — they were never trained on a word.
 */
export function embeddingVectors(
  model: InspectableModel,
  layerName: string,
  vocabulary: readonly string[],
): WordVectors {
  const layer = findLayer(model, layerName);
  if (layer.getClassName() !== 'Embedding')
    throw new InspectError(
      'not-an-embedding',
      `layer "${layerName}" is a ${layer.getClassName()}, not an Embedding`,
    );
  const table = layer.getWeights()[0];
  if (!table || table.rank !== 2)
    throw new InspectError('not-an-embedding', `layer "${layerName}" is not built yet`);
  const [rows = 0, dim = 0] = table.shape;
  const all = copyValues(table);
  const words = Array.from(
    { length: Math.max(0, rows - 1) },
    (_, i) => vocabulary[i + 1] ?? `#${i + 1}`,
  );
  return { words, dim, vectors: all.slice(dim) };
}
