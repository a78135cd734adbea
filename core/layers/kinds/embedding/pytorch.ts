import { f32, need } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer, Weights } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** `EmbeddingTF` (model.py): the table as is; mask_zero becomes a mask on the output. */
export function embeddingToTorch(layer: TopologyLayer, weights: Weights): TorchLayer {
  const table = need(layer, weights, 'embeddings');
  const maskZero = layer.config['mask_zero'] === true;
  return {
    module: `EmbeddingTF(${table.shape[0]}, ${table.shape[1]})`,
    call: ([x], self) => `${self}(${x})`,
    state: { weight: f32(table.values, table.shape) },
    mask: ([x]) => (maskZero ? `(${x}.long() != 0)` : null),
  };
}
