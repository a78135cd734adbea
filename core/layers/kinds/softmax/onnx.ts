import { OnnxUnsupported, plainOnnx } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** Softmax over the last axis (opset 13's Softmax normalises one axis, as TF.js does); other axes are refused. */
export function softmaxToOnnx(layer: TopologyLayer): OnnxLayer {
  const axis = layer.config['axis'];
  if (!(
    axis == null ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  ))
    throw new OnnxUnsupported(
      layer.name,
      `softmax over axis ${JSON.stringify(axis)} is not supported`,
    );
  return plainOnnx((g, [x]) => g.node('Softmax', [x!], { axis: { int: -1 } }));
}
