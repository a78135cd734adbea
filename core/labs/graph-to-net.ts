/**
 * Bridges from the editor to the labs: the structure of a chain of Dense layers
 * drawn on the canvas (e.g. the `backprop-323` template), the loss of a project's
 * training config, and a kernel taken from a trained Conv2D layer's weights.
 */
import type { GraphDoc, LayerNode, NodeId } from '../graph/types';
import { err, ok, type Result } from '../result';
import { isActivationName, type ActivationName } from './activations';
import type { BackpropLoss } from './backprop';
import { MAX_LAB_UNITS } from './dense-net';

/** The shape of a Dense chain: units per layer (input first), activations, whether each layer has a bias. */
export interface DenseNetShape {
  readonly layerSizes: readonly number[];
  readonly activations: readonly ActivationName[];
  readonly useBias: readonly boolean[];
}

/** Why a graph cannot be opened in the backprop lab. */
export interface GraphToNetError {
  /**
   * `bp-graph-not-a-chain`: not one input followed by a single line of layers.
   * `bp-graph-unsupported-layer`: a layer other than VectorInput → Dense (`subject` names it).
   * `bp-graph-unsupported-activation`: an activation the lab does not trace (e.g. softmax).
   * `bp-too-many-units`: more units than a hand trace can show.
   */
  readonly code:
    | 'bp-graph-not-a-chain'
    | 'bp-graph-unsupported-layer'
    | 'bp-graph-unsupported-activation'
    | 'bp-too-many-units';
  readonly message: string;
  readonly subject?: string;
}

const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;

/**
 * Reads VectorInput → Dense → … → Dense from a graph. Defaults follow the Dense spec
 * (64 units, relu, bias on) when a param is missing.
 */
export function denseNetShapeFromGraph(graph: GraphDoc): Result<DenseNetShape, GraphToNetError> {
  const nodes = Object.values(graph.nodes) as LayerNode[];
  const edges = Object.values(graph.edges);
  const incoming = new Map<NodeId, number>();
  const next = new Map<NodeId, NodeId[]>();
  for (const e of edges) {
    incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const roots = nodes.filter((n) => !incoming.has(n.id));
  const chainError = err({
    code: 'bp-graph-not-a-chain' as const,
    message: 'the graph is not a single chain of layers',
  });
  if (roots.length !== 1 || nodes.length < 2) return chainError;
  const root = roots[0];
  if (!root || root.kind !== 'VectorInput')
    return err({
      code: 'bp-graph-unsupported-layer',
      message: 'the chain must start with a VectorInput',
      subject: root?.name ?? '',
    });
  const layerSizes = [num(root.params['size'], 3)];
  const acts: ActivationName[] = [];
  const useBias: boolean[] = [];
  let current: LayerNode = root;
  for (let i = 1; i < nodes.length; i++) {
    const outs = next.get(current.id) ?? [];
    const target = outs[0] !== undefined ? graph.nodes[outs[0]] : undefined;
    if (outs.length !== 1 || !target || (incoming.get(target.id) ?? 0) !== 1) return chainError;
    if (target.kind !== 'Dense')
      return err({
        code: 'bp-graph-unsupported-layer',
        message: `${target.kind} is not a Dense layer`,
        subject: target.name,
      });
    const activation = target.params['activation'] ?? 'relu';
    if (!isActivationName(activation))
      return err({
        code: 'bp-graph-unsupported-activation',
        message: `activation ${String(activation)}`,
        subject: target.name,
      });
    layerSizes.push(num(target.params['units'], 64));
    acts.push(activation);
    useBias.push(target.params['useBias'] !== false);
    current = target;
  }
  if ((next.get(current.id) ?? []).length > 0) return chainError;
  if (layerSizes.slice(1).reduce((a, b) => a + b, 0) > MAX_LAB_UNITS)
    return err({ code: 'bp-too-many-units', message: `more than ${MAX_LAB_UNITS} units` });
  return ok({ layerSizes, activations: acts, useBias });
}

/**
 * The lab loss matching a project's training loss (`meanSquaredError` is the ⅓-mean form
 * for three outputs), or null when the lab has no equivalent.
 */
export function backpropLossFromTraining(loss: string): BackpropLoss | null {
  if (loss === 'meanSquaredError') return 'mean-sse';
  if (loss === 'binaryCrossentropy') return 'binary-cross-entropy';
  return null;
}

/**
 * One 2-D kernel from a Conv2D layer's kernel weights, which TF.js stores as
 * [kernelHeight, kernelWidth, inChannels, filters] in row-major order.
 */
export function kernelFromConv2DWeights(
  values: ArrayLike<number>,
  shape: readonly [number, number, number, number],
  inChannel: number,
  filter: number,
): number[][] {
  const [kh, kw, inC, outC] = shape;
  return Array.from({ length: kh }, (_, r) =>
    Array.from(
      { length: kw },
      (_, c) => values[((r * kw + c) * inC + inChannel) * outC + filter] ?? 0,
    ),
  );
}
