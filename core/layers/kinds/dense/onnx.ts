import { emitActivation } from '../../../io/export/onnx/onnx-activations';
import { need } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer, Weights } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** MatMul with the TF.js kernel as is ([in, out], on the last axis of any rank), + bias, activation. */
export function denseToOnnx(layer: TopologyLayer, weights: Weights): OnnxLayer {
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  return {
    emit: (g, [x]) => {
      let y = g.node('MatMul', [x!, g.floats('kernel', kernel.values, kernel.shape)]);
      if (bias !== undefined) y = g.node('Add', [y, g.floats('bias', bias.values, bias.shape)]);
      return { output: emitActivation(g, layer, y) };
    },
  };
}
