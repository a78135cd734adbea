import { pair, py, requireChannelsLast } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** `Pool2dTF` (model.py): max or average pooling, NHWC, TF.js's padding and border averaging. */
export function pooling2dToTorch(mode: 'max' | 'avg') {
  return (layer: TopologyLayer): TorchLayer => {
    requireChannelsLast(layer);
    const poolSize = pair(layer, 'pool_size', [2, 2]);
    const strides = layer.config['strides'] == null ? poolSize : pair(layer, 'strides', poolSize);
    const padding = String(layer.config['padding'] ?? 'valid');
    return {
      module: `Pool2dTF(${py(mode)}, (${poolSize.join(', ')}), (${strides.join(', ')}), ${py(padding)})`,
      call: ([x], self) => `${self}(${x})`,
      state: {},
    };
  };
}
