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

/** A 1-D Conv on [batch, channels, steps] between two transposes; the [k, in, out] kernel as [out, in, k]. */
export function conv1dToOnnx(layer: TopologyLayer, weights: Weights): OnnxLayer {
  requireChannelsLast(layer);
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const oik = permuteAxes(kernel.values, kernel.shape, [2, 1, 0]);
  const attributes = {
    kernel_shape: { ints: [kernel.shape[0] ?? 1] },
    strides: { ints: ints(layer, 'strides', [1]) },
    dilations: { ints: ints(layer, 'dilation_rate', [1]) },
    auto_pad: { string: autoPad(layer) },
  };
  return {
    emit: (g, [x]) => {
      const y = channelsFirst(g, x!, 3, (ncw) =>
        g.node(
          'Conv',
          [
            ncw,
            g.floats('kernel', oik.values, oik.shape),
            ...(bias === undefined ? [] : [g.floats('bias', bias.values, bias.shape)]),
          ],
          attributes,
        ),
      );
      return { output: emitActivation(g, layer, y) };
    },
  };
}
