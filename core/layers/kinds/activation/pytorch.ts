import { activationKey, plain, py } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** `ACTIVATIONS[name](x)` (model.py), or `F.leaky_relu` for the LeakyReLU layer leakyRelu builds. */
export function activationToTorch(layer: TopologyLayer): TorchLayer {
  if (layer.className === 'LeakyReLU')
    return plain(([x]) => `F.leaky_relu(${x}, ${Number(layer.config['alpha'] ?? 0.3)})`);
  const key = activationKey(layer);
  return plain(([x]) => `ACTIVATIONS[${py(key)}](${x})`, true);
}
