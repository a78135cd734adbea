import { emitActivation } from '../../../io/export/onnx/onnx-activations';
import {
  autoPad,
  channelsFirst,
  ints,
  need,
  requireChannelsLast,
} from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer, Weights } from '../../../io/export/onnx/onnx-support';
import { permuteAxes } from '../../../io/export/pytorch/tensor-layout';
import type { TopologyLayer } from '../../../io/import/topology';

/**
 * Conv on NCHW between two transposes (tensors stay NHWC between layers, so a
 * Flatten after it keeps TF.js's channels-last order); the HWIO kernel as
 * OIHW; TF 'same' padding as SAME_UPPER (the odd extra pixel after).
 */
export function conv2dToOnnx(layer: TopologyLayer, weights: Weights): OnnxLayer {
  requireChannelsLast(layer);
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const [kh = 1, kw = 1] = kernel.shape;
  const oihw = permuteAxes(kernel.values, kernel.shape, [3, 2, 0, 1]);
  const attributes = {
    kernel_shape: { ints: [kh, kw] },
    strides: { ints: ints(layer, 'strides', [1, 1]) },
    dilations: { ints: ints(layer, 'dilation_rate', [1, 1]) },
    auto_pad: { string: autoPad(layer) },
  };
  return {
    emit: (g, [x]) => {
      const y = channelsFirst(g, x!, 4, (nchw) =>
        g.node(
          'Conv',
          [
            nchw,
            g.floats('kernel', oihw.values, oihw.shape),
            ...(bias === undefined ? [] : [g.floats('bias', bias.values, bias.shape)]),
          ],
          attributes,
        ),
      );
      return { output: emitActivation(g, layer, y) };
    },
  };
}
