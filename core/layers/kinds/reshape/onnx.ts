import { OnnxUnsupported, plainOnnx } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** Reshape to [batch, …target] (0 copies the batch size): the same row-major order as TF.js. */
export function reshapeToOnnx(layer: TopologyLayer): OnnxLayer {
  const target = layer.config['target_shape'];
  if (!Array.isArray(target))
    throw new OnnxUnsupported(layer.name, 'Reshape without a target shape');
  return plainOnnx((g, [x]) =>
    g.node('Reshape', [x!, g.int64s('shape', [0, ...target.map(Number)])]),
  );
}
