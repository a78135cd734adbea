import { plain, requireChannelsLast } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** The mean over the height and width axes of an NHWC tensor. */
export function globalAveragePooling2dToTorch(layer: TopologyLayer): TorchLayer {
  requireChannelsLast(layer);
  return plain(([x]) => `${x}.mean(dim=(1, 2))`);
}
