import { plain } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer } from '../../../io/export/pytorch/torch-support';

/** Tensors stay NHWC between layers, so Flatten keeps TF.js's element order. */
export function flattenToTorch(): TorchLayer {
  return plain(([x]) => `${x}.reshape(${x}.shape[0], -1)`);
}
