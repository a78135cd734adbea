import { layerKindOfTfClass } from '../../../layers/catalog';
import type { TopologyLayer } from '../../import/topology';
import { TorchUnsupported } from './torch-support';
import type { TorchLayer, Weights } from './torch-support';

export { TorchUnsupported } from './torch-support';
export type { TorchLayer } from './torch-support';

/**
 * Converts one layer with its kind's PyTorch capability
 * (core/layers/kinds/<kind>/pytorch.ts), or throws `TorchUnsupported` naming
 * the layer and the reason.
 */
export function toTorchLayer(layer: TopologyLayer, weights: Weights): TorchLayer {
  const pytorch = layerKindOfTfClass(layer.className)?.pytorch;
  if (pytorch === undefined)
    throw new TorchUnsupported(layer.name, `${layer.className} has no PyTorch export yet`);
  if (!pytorch.supported) throw new TorchUnsupported(layer.name, pytorch.reason);
  if (pytorch.networkInput) throw new TorchUnsupported(layer.name, 'an input is not a layer');
  return pytorch.convert(layer, weights);
}
