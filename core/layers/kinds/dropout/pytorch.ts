import { plain } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';

/** The identity: the export predicts, and dropout is off at inference. */
export function dropoutToTorch(): TorchLayer {
  return plain(([x]) => `${x}`, true);
}
