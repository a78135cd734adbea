import { defaultParams, getLayerSpec } from '../layers/catalog';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { Diagnostic } from '../validate/diagnostic';
import { maxLayerNameLength } from '../validate/check-structure';
import { edgeIdAllocator, nodeIdAllocator } from './ids';
import { defaultLayerName, takenNames, uniqueLayerName } from './names';
import { incomingEdges, isReachable } from './queries';
import type { Edge, EdgeId, GraphDoc, LayerNode, NodeId, Params, Point } from './types';

/**
 * Pure edit commands: `(doc, args) → new doc`. Untouched records are shared
 * with the old doc, so history can keep plain references. Refusals are
 * returned as diagnostics (message table codes), never thrown.
 * Clipboard, duplicate and layout commands live in their own modules.
 */

export interface AddLayerArgs {
  readonly kind: string;
  readonly position: Point;
  /** Overrides of the kind's defaults. */
  readonly params?: Params;
  /** Wanted name; made unique if taken. Default: `dense_1`, `conv2d_2`… */
  readonly name?: string;
}

/** Adds a layer with default params and a unique default name. */
export function addLayer(doc: GraphDoc, args: AddLayerArgs): { doc: GraphDoc; nodeId: NodeId } {
  const nodeId = nodeIdAllocator(Object.keys(doc.nodes))();
  const taken = takenNames(doc);
  const name =
    args.name !== undefined && args.name.trim() !== ''
      ? uniqueLayerName(args.name, taken)
      : defaultLayerName(args.kind, taken);
  const node: LayerNode = {
    id: nodeId,
    kind: args.kind,
    name,
    params: { ...defaultParams(args.kind), ...args.params },
    position: { x: args.position.x, y: args.position.y },
  };
  return { doc: { nodes: { ...doc.nodes, [nodeId]: node }, edges: doc.edges }, nodeId };
}

/**
 * Why `source → target` may not be connected, or null when it may. Cheap
 * enough for React Flow's `isValidConnection` while the user drags an edge.
 */
export function checkConnection(doc: GraphDoc, source: NodeId, target: NodeId): Diagnostic | null {
  const from = doc.nodes[source];
  const to = doc.nodes[target];
  if (!from || !to)
    return { code: 'node-not-found', severity: 'error', args: { id: !from ? source : target } };
  const refuse = (code: string, extra: Record<string, string | number> = {}): Diagnostic => ({
    code,
    severity: 'error',
    nodeId: target,
    args: { source: from.name, target: to.name, name: from.name, kind: to.kind, ...extra },
  });
  if (source === target) return refuse('connect-self-loop');
  const spec = getLayerSpec(to.kind);
  if (spec?.family === 'input') return refuse('connect-into-input');
  const existing = incomingEdges(doc, target);
  if (existing.some((e) => e.source === source)) return refuse('connect-duplicate');
  if (spec && existing.length >= spec.arity.max)
    return refuse('connect-arity', { max: spec.arity.max });
  if (isReachable(doc, target, source)) return refuse('connect-cycle');
  return null;
}

/**
 * Connects `source`'s output to `target`'s next input. Refuses self-loops,
 * edges into input layers, duplicates, a full target (arity) and cycles,
 * each with a diagnostic that says why (see `checkConnection`).
 */
export function connect(
  doc: GraphDoc,
  source: NodeId,
  target: NodeId,
): Result<{ doc: GraphDoc; edgeId: EdgeId }, Diagnostic> {
  const refusal = checkConnection(doc, source, target);
  if (refusal) return err(refusal);
  const edgeId = edgeIdAllocator(Object.keys(doc.edges))();
  const edge: Edge = { id: edgeId, source, target };
  return ok({ doc: { nodes: doc.nodes, edges: { ...doc.edges, [edgeId]: edge } }, edgeId });
}

/** Removes one edge; unknown ids leave the doc unchanged (same reference). */
export function disconnect(doc: GraphDoc, edgeId: EdgeId): GraphDoc {
  return removeElements(doc, { nodeIds: [], edgeIds: [edgeId] });
}

/** Removes nodes (with every edge touching them) and edges. Unknown ids are ignored. */
export function removeElements(
  doc: GraphDoc,
  args: { readonly nodeIds?: readonly NodeId[]; readonly edgeIds?: readonly EdgeId[] },
): GraphDoc {
  const nodeIds = new Set((args.nodeIds ?? []).filter((id) => doc.nodes[id]));
  const edgeIds = new Set(args.edgeIds ?? []);
  const edges = Object.values(doc.edges).filter(
    (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
  );
  const edgesChanged = edges.length !== Object.keys(doc.edges).length;
  if (nodeIds.size === 0 && !edgesChanged) return doc;
  const nodes =
    nodeIds.size === 0
      ? doc.nodes
      : Object.fromEntries(Object.entries(doc.nodes).filter(([id]) => !nodeIds.has(id as NodeId)));
  return {
    nodes: nodes as GraphDoc['nodes'],
    edges: edgesChanged
      ? (Object.fromEntries(edges.map((e) => [e.id, e])) as GraphDoc['edges'])
      : doc.edges,
  };
}

/** Merges `patch` into a node's params (no validation: the inspector shows problems as diagnostics). */
export function setParams(doc: GraphDoc, nodeId: NodeId, patch: Params): GraphDoc {
  const node = doc.nodes[nodeId];
  if (!node) return doc;
  return replaceNode(doc, { ...node, params: { ...node.params, ...patch } });
}

/** Renames a layer; refuses empty, too long or duplicate names. Surrounding spaces are trimmed. */
export function renameLayer(
  doc: GraphDoc,
  nodeId: NodeId,
  name: string,
): Result<GraphDoc, Diagnostic> {
  const node = doc.nodes[nodeId];
  if (!node) return err({ code: 'node-not-found', severity: 'error', args: { id: nodeId } });
  const trimmed = name.trim();
  const fail = (code: string, args: Record<string, string | number> = {}) =>
    err<Diagnostic>({ code, severity: 'error', nodeId, args: { name: trimmed, ...args } });
  if (trimmed === '') return fail('rename-empty');
  if ([...trimmed].length > maxLayerNameLength)
    return fail('rename-too-long', { max: maxLayerNameLength });
  if (trimmed === node.name) return ok(doc);
  if (takenNames(doc, new Set([nodeId])).has(trimmed)) return fail('rename-duplicate');
  return ok(replaceNode(doc, { ...node, name: trimmed }));
}

/** Sets node positions (one drag frame or its final state). Accepts a record or a Map. */
export function moveNodes(
  doc: GraphDoc,
  positions: Readonly<Record<string, Point>> | ReadonlyMap<NodeId, Point>,
): GraphDoc {
  const entries: [string, Point][] =
    positions instanceof Map ? [...positions.entries()] : Object.entries(positions);
  let nodes: Record<NodeId, LayerNode> | null = null;
  for (const [id, p] of entries) {
    const node = doc.nodes[id as NodeId];
    if (
      !node ||
      !Number.isFinite(p.x) ||
      !Number.isFinite(p.y) ||
      (node.position.x === p.x && node.position.y === p.y)
    )
      continue;
    nodes ??= { ...doc.nodes };
    nodes[id as NodeId] = { ...node, position: { x: p.x, y: p.y } };
  }
  return nodes ? { nodes, edges: doc.edges } : doc;
}

function replaceNode(doc: GraphDoc, node: LayerNode): GraphDoc {
  return { nodes: { ...doc.nodes, [node.id]: node }, edges: doc.edges };
}
