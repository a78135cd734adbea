import { plainOnnx } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** The element-wise sum of the inputs. */
export function addToOnnx(): OnnxLayer {
  return plainOnnx((g, xs) => g.node('Sum', xs));
}

/** Concat along the same axis (tensors stay channels-last, so axes agree with TF.js). */
export function concatenateToOnnx(layer: TopologyLayer): OnnxLayer {
  const axis = Number(layer.config['axis'] ?? -1);
  return plainOnnx((g, xs) => g.node('Concat', xs, { axis: { int: axis } }));
}
