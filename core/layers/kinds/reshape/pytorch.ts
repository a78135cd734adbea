import { plain, TorchUnsupported } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** `x.reshape(batch, …target)`: the same row-major order as TF.js. */
export function reshapeToTorch(layer: TopologyLayer): TorchLayer {
  const target = layer.config['target_shape'];
  if (!Array.isArray(target))
    throw new TorchUnsupported(layer.name, 'Reshape without a target shape');
  return plain(([x]) => `${x}.reshape(${x}.shape[0], ${target.map(Number).join(', ')})`);
}
