import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { Topology, TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { inputDims } from '../../../io/import/mapping-support';

/** An InputLayer of shape [size] that does not feed an Embedding (SequenceInput reads those). */
export function importVectorInput(
  layer: TopologyLayer,
  topology: Topology,
): Result<Params, ImportError> | null {
  const dims = inputDims(layer);
  if (dims === null || dims.length !== 1) return null;
  if (topology.layers.some((l) => l.className === 'Embedding' && l.inbound.includes(layer.name)))
    return null;
  return ok({ size: dims[0] ?? 1 });
}
