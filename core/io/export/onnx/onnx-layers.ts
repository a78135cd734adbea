import { layerKindOfTfClass } from '../../../layers/catalog';
import type { TopologyLayer } from '../../import/topology';
import { OnnxUnsupported } from './onnx-support';
import type { OnnxLayer, Weights } from './onnx-support';

/**
 * Converts one layer with its kind's ONNX capability
 * (core/layers/kinds/<kind>/onnx.ts), or throws `OnnxUnsupported` naming the
 * layer and the reason.
 */
export function toOnnxLayer(layer: TopologyLayer, weights: Weights): OnnxLayer {
  const onnx = layerKindOfTfClass(layer.className)?.onnx;
  if (onnx === undefined)
    throw new OnnxUnsupported(layer.name, `${layer.className} has no ONNX export yet`);
  if (!onnx.supported) throw new OnnxUnsupported(layer.name, onnx.reason);
  if (onnx.networkInput) throw new OnnxUnsupported(layer.name, 'an input is not a layer');
  return onnx.convert(layer, weights);
}
