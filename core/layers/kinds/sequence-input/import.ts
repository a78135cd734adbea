import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { Topology, TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { inputDims, num } from '../../../io/import/mapping-support';

/** An InputLayer of shape [length] that feeds an Embedding: token ids. */
export function importSequenceInput(
  layer: TopologyLayer,
  topology: Topology,
): Result<Params, ImportError> | null {
  const dims = inputDims(layer);
  if (dims === null || dims.length !== 1) return null;
  const embedding = topology.layers.find(
    (l) => l.className === 'Embedding' && l.inbound.includes(layer.name),
  );
  if (embedding === undefined) return null;
  return ok({
    length: dims[0] ?? 1,
    vocabularySize: num(embedding.config, 'input_dim', 3),
    fromDataset: false,
  });
}
