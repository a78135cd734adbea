import * as tf from '@tensorflow/tfjs';

import type { Edge, EdgeId, GraphDoc, LayerNode, NodeId, Params } from '../../graph/types';
import type { Shape } from '../../shapes/shape';

/** One layer of a test chain, in GraphDoc vocabulary (Keras kind + TF.js params). */
export interface ChainLayer {
  readonly kind: string;
  readonly params: Params;
}

/** A straight chain as a GraphDoc, with TF.js-computed shapes and (optionally) the built model. */
export interface ChainNetwork {
  readonly doc: GraphDoc;
  readonly ids: readonly NodeId[];
  readonly shapes: Map<NodeId, Shape>;
  readonly model: tf.LayersModel;
}

function tfLayer(layer: ChainLayer, name: string): tf.layers.Layer {
  const p = layer.params as Record<string, unknown>;
  const common = { name, ...p } as never;
  switch (layer.kind) {
    case 'Conv2D':
      return tf.layers.conv2d(common);
    case 'DepthwiseConv2D':
      return tf.layers.depthwiseConv2d(common);
    case 'MaxPooling2D':
      return tf.layers.maxPooling2d(common);
    case 'AveragePooling2D':
      return tf.layers.averagePooling2d(common);
    case 'Conv1D':
      return tf.layers.conv1d(common);
    case 'MaxPooling1D':
      return tf.layers.maxPooling1d(common);
    case 'AveragePooling1D':
      return tf.layers.averagePooling1d(common);
    case 'Activation':
      return tf.layers.activation(common);
    case 'BatchNormalization':
      return tf.layers.batchNormalization(common);
    case 'Dropout':
      return tf.layers.dropout(common);
    case 'ZeroPadding2D':
      return tf.layers.zeroPadding2d(common);
    case 'Flatten':
      return tf.layers.flatten(common);
    case 'Dense':
      return tf.layers.dense(common);
    default:
      throw new Error(`chain-network: no TF.js factory for ${layer.kind}`);
  }
}

/**
 * Builds a chain `ImageInput → layers…` (or `SequenceInput` when `inputShape`
 * has rank 2) both as a GraphDoc and as a TF.js model, so tests can compare
 * our pure computations with what TF.js actually does. Dispose `model` after use.
 */
export function buildChainNetwork(
  inputShape: readonly number[],
  layers: readonly ChainLayer[],
): ChainNetwork {
  const nodes: Record<NodeId, LayerNode> = {};
  const edges: Record<EdgeId, Edge> = {};
  const ids: NodeId[] = [];
  const shapes = new Map<NodeId, Shape>();
  const input = tf.input({ shape: [...inputShape] });
  const inputId = 'n-input' as NodeId;
  nodes[inputId] = {
    id: inputId,
    kind: inputShape.length === 3 ? 'ImageInput' : 'SequenceInput',
    name: 'input',
    params: {},
    position: { x: 0, y: 0 },
  };
  ids.push(inputId);
  shapes.set(inputId, input.shape);
  let x: tf.SymbolicTensor = input;
  layers.forEach((layer, i) => {
    const id = `n-${i}` as NodeId;
    const name = `${layer.kind.toLowerCase()}_${i}`;
    nodes[id] = { id, kind: layer.kind, name, params: layer.params, position: { x: 0, y: 0 } };
    const edgeId = `e-${i}` as EdgeId;
    edges[edgeId] = { id: edgeId, source: ids[ids.length - 1] as NodeId, target: id };
    x = tfLayer(layer, name).apply(x) as tf.SymbolicTensor;
    shapes.set(id, x.shape);
    ids.push(id);
  });
  return { doc: { nodes, edges }, ids, shapes, model: tf.model({ inputs: input, outputs: x }) };
}
