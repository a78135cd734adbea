import { need } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer, Weights } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/**
 * Gather from the table by token id (ids may arrive as floats: TF.js casts them
 * to integers, truncating, as ONNX Cast does); mask_zero makes the mask
 * "id ≠ 0" that the recurrent layers after it read.
 */
export function embeddingToOnnx(layer: TopologyLayer, weights: Weights): OnnxLayer {
  const table = need(layer, weights, 'embeddings');
  const maskZero = layer.config['mask_zero'] === true;
  return {
    emit: (g, [x]) => {
      const ids = g.node('Cast', [x!], { to: { int: 7 } }, 'ids');
      const output = g.node('Gather', [g.floats('embeddings', table.values, table.shape), ids], {
        axis: { int: 0 },
      });
      const mask = maskZero
        ? g.node('Not', [g.node('Equal', [ids, g.int64s('padding', [0])])], {}, 'mask')
        : null;
      return { output, mask };
    },
  };
}
