import { plain } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** The element-wise sum of the inputs. */
export function addToTorch(): TorchLayer {
  return plain((xs) => xs.join(' + '));
}

/** `torch.cat` along the same axis (tensors stay channels-last, so axes agree with TF.js). */
export function concatenateToTorch(layer: TopologyLayer): TorchLayer {
  return plain((xs) => `torch.cat([${xs.join(', ')}], dim=${Number(layer.config['axis'] ?? -1)})`);
}
