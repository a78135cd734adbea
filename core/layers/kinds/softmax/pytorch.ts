import { plain, TorchUnsupported } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** `torch.softmax(x, dim=-1)`; other axes are refused. */
export function softmaxToTorch(layer: TopologyLayer): TorchLayer {
  const axis = layer.config['axis'];
  if (!(
    axis === undefined ||
    axis === null ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  )) {
    throw new TorchUnsupported(
      layer.name,
      `softmax over axis ${JSON.stringify(axis)} is not supported`,
    );
  }
  return plain(([x]) => `torch.softmax(${x}, dim=-1)`);
}
