import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { bool, num } from '../../../io/import/mapping-support';

export function importEmbedding(layer: TopologyLayer): Result<Params, ImportError> {
  return ok({
    inputDim: num(layer.config, 'input_dim', 1),
    outputDim: num(layer.config, 'output_dim', 1),
    maskZero: bool(layer.config, 'mask_zero', false),
    inputDimFromDataset: false,
  });
}
