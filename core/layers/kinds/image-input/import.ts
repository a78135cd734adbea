import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { inputDims } from '../../../io/import/mapping-support';

/** An InputLayer of shape [H, W, C]. */
export function importImageInput(layer: TopologyLayer): Result<Params, ImportError> | null {
  const dims = inputDims(layer);
  if (dims === null || dims.length !== 3) return null;
  return ok({ height: dims[0] ?? 1, width: dims[1] ?? 1, channels: dims[2] ?? 1 });
}
