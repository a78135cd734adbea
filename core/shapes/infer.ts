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
  | {
      readonly ok: true;
      readonly shape: Shape;
      readonly paramCount: number;
      readonly resolvedParams: Params;
    }
  | { readonly ok: false; readonly problem: ShapeProblem | null };

/**
 * Shape, parameter count and effective params of every node, walking the
 * graph in topological order and calling each spec's `inferShape`.
 * Never throws. Nodes on a cycle get `{ ok: false, problem: null }`
 * (validation reports the cycle itself).
 */
export function inferShapes(
  doc: GraphDoc,
  context: InferenceContext = {},
): ReadonlyMap<NodeId, NodeShapeInfo> {
  const { incoming } = adjacencyOf(doc);
  const result = new Map<NodeId, NodeShapeInfo>();
  const contextKey = `${context.datasetClassCount ?? ''}|${context.vocabularySize ?? ''}|${context.sequenceLength ?? ''}`;
  for (const id of topologicalOrder(doc)) {
    const node = doc.nodes[id];
    if (!node) continue;
    const spec = getLayerSpec(node.kind);
    if (!spec) {
      result.set(id, {
        ok: false,
        problem: { code: 'unknown-layer-kind', args: { kind: node.kind } },
      });
      continue;
    }
    const inputInfos: NodeShapeInfo[] = [];
    let upstreamFailed = false;
    for (const edge of incoming.get(id) ?? []) {
      const info = result.get(edge.source);
      if (info?.ok) inputInfos.push(info);
      else upstreamFailed = true;
    }
    if (upstreamFailed) {
      result.set(id, upstreamFailure);
      continue;
    }
    // Commands keep untouched node records, so an unchanged node with the very
    // same input results can reuse its last answer: an edit re-infers only the
    // nodes it actually affects (the editor runs this on every keystroke).
    const cached = nodeCache.get(node);
    if (cached && cached.contextKey === contextKey && sameInfos(cached.inputs, inputInfos)) {
      result.set(id, cached.info);
      continue;
    }
    const fresh = inferNodeShape(
      spec,
      inputInfos.map((i) => (i as { shape: Shape }).shape),
      node.params,
      context,
    );
    // An equal result keeps the old object, so nodes downstream still hit the cache.
    const info = cached && sameResult(cached.info, fresh) ? cached.info : fresh;
    nodeCache.set(node, { contextKey, inputs: inputInfos, info });
    result.set(id, info);
  }
  for (const id of Object.keys(doc.nodes) as NodeId[]) {
    if (!result.has(id)) result.set(id, upstreamFailure);
  }
  return result;
}

const upstreamFailure: NodeShapeInfo = { ok: false, problem: null };

interface CacheEntry {
  readonly contextKey: string;
  readonly inputs: readonly NodeShapeInfo[];
  readonly info: NodeShapeInfo;
}

/** Last result per node record; weak, so dropped documents free their entries. */
const nodeCache = new WeakMap<object, CacheEntry>();

function sameInfos(a: readonly NodeShapeInfo[], b: readonly NodeShapeInfo[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameResult(a: NodeShapeInfo, b: NodeShapeInfo): boolean {
  if (!a.ok || !b.ok) return false;
  return (
    a.paramCount === b.paramCount &&
    a.shape.length === b.shape.length &&
    a.shape.every((d, i) => d === b.shape[i]) &&
    sameParams(a.resolvedParams, b.resolvedParams)
  );
}

function sameParams(a: Params, b: Params): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    return (
      x === y ||
      (Array.isArray(x) &&
        Array.isArray(y) &&
        x.length === y.length &&
        x.every((v, i) => v === y[i]))
    );
  });
}

/**
 * Shape inference for one layer given its input shapes: resolves dataset-driven
 * params, checks params, arity and the declared input rank, then asks the spec.
 * Used by `inferShapes` and by the conformance harness.
 */
export function inferNodeShape(
  spec: LayerSpec,
  inputShapes: readonly Shape[],
  params: Params,
  context: InferenceContext = {},
): NodeShapeInfo {
  const resolvedParams = spec.resolveParams ? spec.resolveParams(params, context) : params;
  const [paramProblem] = validateParams(spec, resolvedParams);
  if (paramProblem)
    return { ok: false, problem: { code: paramProblem.code, args: paramProblem.args } };
  if (inputShapes.length < spec.arity.min)
    return {
      ok: false,
      problem: {
        code: 'missing-input',
        args: { kind: spec.kind, min: spec.arity.min, actual: inputShapes.length },
      },
    };
  if (inputShapes.length > spec.arity.max)
    return {
      ok: false,
      problem: {
        code: 'too-many-inputs',
        args: { kind: spec.kind, max: spec.arity.max, actual: inputShapes.length },
      },
    };
  for (const shape of inputShapes) {
    const rankProblem = checkInputRank(spec, shape);
    if (rankProblem) return { ok: false, problem: rankProblem };
  }
  const inferred = spec.inferShape(inputShapes, resolvedParams);
  if (!inferred.ok)
    return {
      ok: false,
      problem: { code: inferred.problem.code, args: { kind: spec.kind, ...inferred.problem.args } },
    };
  return {
    ok: true,
    shape: inferred.shape,
    paramCount: spec.countParams(inputShapes, resolvedParams),
    resolvedParams,
  };
}

/** The spec's `inputSpec`, as TF.js `assertInputCompatibility` checks it, with a code per usual mistake. */
function checkInputRank(spec: LayerSpec, shape: Shape): ShapeProblem | null {
  const req = spec.inputSpec;
  if (!req) return null;
  const rank = shape.length;
  const args = { kind: spec.kind, actual: describeShape(shape), actualAxes: rank - 1 };
  if (req.ndim !== undefined && rank !== req.ndim) {
    // Per-sample axes: 3 = an image [h, w, c], 2 = a sequence [steps, features], 1 = token ids [length].
    const code =
      req.ndim === 4
        ? 'input-not-image'
        : req.ndim === 3
          ? 'input-not-sequence'
          : 'input-not-token-ids';
    return { code, args: { ...args, expectedAxes: req.ndim - 1 } };
  }
  if (req.minNDim !== undefined && rank < req.minNDim)
    return { code: 'input-rank-too-low', args: { ...args, expectedAxes: req.minNDim - 1 } };
  if (req.maxNDim !== undefined && rank > req.maxNDim)
    return { code: 'input-rank-too-high', args: { ...args, expectedAxes: req.maxNDim - 1 } };
  return null;
}
