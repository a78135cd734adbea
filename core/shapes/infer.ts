import type { GraphDoc, NodeId, Params } from '../graph/types';
import { adjacencyOf, topologicalOrder } from '../graph/queries';
import { getLayerSpec } from '../layers/catalog';
import type { LayerSpec, ShapeProblem } from '../layers/spec';
import { describeShape } from '../layers/read-params';
import { validateParams } from '../layers/validate-param';
import type { InferenceContext } from './inference-context';
import type { Shape } from './shape';

export type { InferenceContext } from './inference-context';

/**
 * The outcome of shape inference for one node. `problem: null` means the node
 * could not be inferred because a node upstream failed (or it sits on a
 * cycle): only the first failure on a path is reported, never a cascade.
 */
export type NodeShapeInfo =
  | { readonly ok: true; readonly shape: Shape; readonly paramCount: number; readonly resolvedParams: Params }
  | { readonly ok: false; readonly problem: ShapeProblem | null };

/**
 * Shape, parameter count and effective params of every node, walking the
 * graph in topological order and calling each spec's `inferShape`.
 * Never throws. Nodes on a cycle get `{ ok: false, problem: null }`
 * (validation reports the cycle itself).
 */
export function inferShapes(doc: GraphDoc, context: InferenceContext = {}): ReadonlyMap<NodeId, NodeShapeInfo> {
  const { incoming } = adjacencyOf(doc);
  const result = new Map<NodeId, NodeShapeInfo>();
  for (const id of topologicalOrder(doc)) {
    const node = doc.nodes[id];
    if (!node) continue;
    const spec = getLayerSpec(node.kind);
    if (!spec) {
      result.set(id, { ok: false, problem: { code: 'unknown-layer-kind', args: { kind: node.kind } } });
      continue;
    }
    const inputShapes: Shape[] = [];
    let upstreamFailed = false;
    for (const edge of incoming.get(id) ?? []) {
      const info = result.get(edge.source);
      if (info?.ok) inputShapes.push(info.shape);
      else upstreamFailed = true;
    }
    if (upstreamFailed) {
      result.set(id, { ok: false, problem: null });
      continue;
    }
    result.set(id, inferNodeShape(spec, inputShapes, node.params, context));
  }
  for (const id of Object.keys(doc.nodes) as NodeId[]) {
    if (!result.has(id)) result.set(id, { ok: false, problem: null });
  }
  return result;
}

/**
 * Shape inference for one layer given its input shapes: resolves dataset-driven
 * params, checks params, arity and the declared input rank, then asks the spec.
 * Used by `inferShapes` and by the conformance harness.
 */
export function inferNodeShape(spec: LayerSpec, inputShapes: readonly Shape[], params: Params, context: InferenceContext = {}): NodeShapeInfo {
  const resolvedParams = spec.resolveParams ? spec.resolveParams(params, context) : params;
  const [paramProblem] = validateParams(spec, resolvedParams);
  if (paramProblem) return { ok: false, problem: { code: paramProblem.code, args: paramProblem.args } };
  if (inputShapes.length < spec.arity.min) return { ok: false, problem: { code: 'missing-input', args: { kind: spec.kind, min: spec.arity.min } } };
  if (inputShapes.length > spec.arity.max) return { ok: false, problem: { code: 'too-many-inputs', args: { kind: spec.kind, max: spec.arity.max } } };
  for (const shape of inputShapes) {
    const rankProblem = checkInputRank(spec, shape);
    if (rankProblem) return { ok: false, problem: rankProblem };
  }
  const inferred = spec.inferShape(inputShapes, resolvedParams);
  if (!inferred.ok) return { ok: false, problem: { code: inferred.problem.code, args: { kind: spec.kind, ...inferred.problem.args } } };
  return { ok: true, shape: inferred.shape, paramCount: spec.countParams(inputShapes, resolvedParams), resolvedParams };
}

/** The spec's `inputSpec`, as TF.js `assertInputCompatibility` checks it, with a code per usual mistake. */
function checkInputRank(spec: LayerSpec, shape: Shape): ShapeProblem | null {
  const req = spec.inputSpec;
  if (!req) return null;
  const rank = shape.length;
  const args = { kind: spec.kind, actual: describeShape(shape), actualAxes: rank - 1 };
  if (req.ndim !== undefined && rank !== req.ndim) {
    // Per-sample axes: 3 = an image [h, w, c], 2 = a sequence [steps, features], 1 = token ids [length].
    const code = req.ndim === 4 ? 'input-not-image' : req.ndim === 3 ? 'input-not-sequence' : 'input-not-token-ids';
    return { code, args: { ...args, expectedAxes: req.ndim - 1 } };
  }
  if (req.minNDim !== undefined && rank < req.minNDim) return { code: 'input-rank-too-low', args: { ...args, expectedAxes: req.minNDim - 1 } };
  if (req.maxNDim !== undefined && rank > req.maxNDim) return { code: 'input-rank-too-high', args: { ...args, expectedAxes: req.maxNDim - 1 } };
  return null;
}
