import { emitActivation } from '../../../io/export/onnx/onnx-activations';
import { plainOnnx } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** The activation as ONNX nodes, or LeakyRelu with its alpha for the LeakyReLU layer leakyRelu builds. */
export function activationToOnnx(layer: TopologyLayer): OnnxLayer {
  if (layer.className === 'LeakyReLU') {
    const alpha = Number(layer.config['alpha'] ?? 0.3);
    return plainOnnx((g, [x]) => g.node('LeakyRelu', [x!], { alpha: { float: alpha } }));
  }
  return plainOnnx((g, [x]) => emitActivation(g, layer, x!), true);
}
