import {
  autoPad,
  channelsFirst,
  ints,
  requireChannelsLast,
} from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/**
 * MaxPool / AveragePool on NCHW between two transposes. With 'same'
 * (SAME_UPPER), padded cells never win a max and are left out of an average
 * (count_include_pad 0), as in TF.js.
 */
export function pooling2dToOnnx(mode: 'max' | 'avg') {
  return (layer: TopologyLayer): OnnxLayer => {
    requireChannelsLast(layer);
    const poolSize = ints(layer, 'pool_size', [2, 2]);
    const strides = layer.config['strides'] == null ? poolSize : ints(layer, 'strides', poolSize);
    const attributes = {
      kernel_shape: { ints: poolSize },
      strides: { ints: strides },
      auto_pad: { string: autoPad(layer) },
      ...(mode === 'avg' ? { count_include_pad: { int: 0 } } : {}),
    };
    return {
      emit: (g, [x]) => ({
        output: channelsFirst(g, x!, 4, (nchw) =>
          g.node(mode === 'max' ? 'MaxPool' : 'AveragePool', [nchw], attributes),
        ),
      }),
    };
  };
}
