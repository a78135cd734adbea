import { plainOnnx } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';

/** Tensors stay channels-last between layers, so Flatten keeps TF.js's element order. */
export function flattenToOnnx(): OnnxLayer {
  return plainOnnx((g, [x]) => g.node('Flatten', [x!], { axis: { int: 1 } }));
}
