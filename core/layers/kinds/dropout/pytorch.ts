import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/**
 * `nn.Dropout`: the identity when model.py predicts (eval mode), and the same
 * inverted dropout as TF.js when train.py trains. It has no weights.
 */
export function dropoutToTorch(layer: TopologyLayer): TorchLayer {
  const rate = Number(layer.config['rate'] ?? 0);
  return {
    module: `nn.Dropout(p=${Number.isFinite(rate) ? rate : 0})`,
    call: ([x], self) => `${self}(${x})`,
    state: {},
    mask: (_, mask) => mask,
  };
}
