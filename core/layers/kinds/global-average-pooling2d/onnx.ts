import { plainOnnx, requireChannelsLast } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** The mean over the height and width axes of an NHWC tensor. */
export function globalAveragePooling2dToOnnx(layer: TopologyLayer): OnnxLayer {
  requireChannelsLast(layer);
  return plainOnnx((g, [x]) =>
    g.node('ReduceMean', [x!], { axes: { ints: [1, 2] }, keepdims: { int: 0 } }),
  );
}
