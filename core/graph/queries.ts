import type { Edge, GraphDoc, NodeId } from './types';

/**
 * Read-only questions about a graph. All run in O(nodes + edges) and share
 * one adjacency index per document (documents are immutable, so a WeakMap
 * keyed by the doc can never go stale).
 */
export interface Adjacency {
  /** Incoming edges per node, in input order (edge insertion order). */
  readonly incoming: ReadonlyMap<NodeId, readonly Edge[]>;
  readonly outgoing: ReadonlyMap<NodeId, readonly Edge[]>;
}

const adjacencyCache = new WeakMap<GraphDoc, Adjacency>();
const noEdges: readonly Edge[] = [];

/** Incoming and outgoing edge lists of every node (edges to missing nodes are skipped). */
export function adjacencyOf(doc: GraphDoc): Adjacency {
  const cached = adjacencyCache.get(doc);
  if (cached) return cached;
  const incoming = new Map<NodeId, Edge[]>();
  const outgoing = new Map<NodeId, Edge[]>();
  for (const id of Object.keys(doc.nodes) as NodeId[]) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const edge of Object.values(doc.edges)) {
    const ins = incoming.get(edge.target);
    const outs = outgoing.get(edge.source);
    if (!ins || !outs) continue;
    ins.push(edge);
    outs.push(edge);
  }
  const adjacency: Adjacency = { incoming, outgoing };
  adjacencyCache.set(doc, adjacency);
  return adjacency;
}

/** Edges into a node, ordered: for Add/Concatenate this is the order of the inputs. */
export function incomingEdges(doc: GraphDoc, nodeId: NodeId): readonly Edge[] {
  return adjacencyOf(doc).incoming.get(nodeId) ?? noEdges;
}

/** Edges out of a node, in insertion order. */
export function outgoingEdges(doc: GraphDoc, nodeId: NodeId): readonly Edge[] {
  return adjacencyOf(doc).outgoing.get(nodeId) ?? noEdges;
}

/**
 * Node ids so that every edge goes from an earlier to a later node (Kahn's
 * algorithm; ties broken by node insertion order, so the result is
 * deterministic). Nodes on or behind a cycle are left out: compare the
 * length with the node count, or call `findCycle`.
 */
export function topologicalOrder(doc: GraphDoc): NodeId[] {
  let order = orderCache.get(doc);
  if (!order) {
    order = computeTopologicalOrder(doc);
    orderCache.set(doc, order);
  }
  // A copy: callers may extend it (e.g. with nodes on a cycle), the cached one must not change.
  return [...order];
}

const orderCache = new WeakMap<GraphDoc, readonly NodeId[]>();

function computeTopologicalOrder(doc: GraphDoc): NodeId[] {
  const { incoming, outgoing } = adjacencyOf(doc);
  const pending = new Map<NodeId, number>();
  const ready: NodeId[] = [];
  for (const id of Object.keys(doc.nodes) as NodeId[]) {
    const n = incoming.get(id)?.length ?? 0;
    pending.set(id, n);
    if (n === 0) ready.push(id);
  }
  const order: NodeId[] = [];
  // `ready` is used as a FIFO queue with a moving head: shift() would make this quadratic.
  for (let head = 0; head < ready.length; head++) {
    const id = ready[head] as NodeId;
    order.push(id);
    for (const edge of outgoing.get(id) ?? noEdges) {
      const left = (pending.get(edge.target) ?? 0) - 1;
      pending.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  return order;
}

/** One cycle as a node path `[a, b, …, a]`, or null when the graph is acyclic. */
export function findCycle(doc: GraphDoc): NodeId[] | null {
  // Kahn's order reaches every node exactly when there is no cycle (cached, so this is cheap per edit).
  if (topologicalOrder(doc).length === Object.keys(doc.nodes).length) return null;
  const { outgoing } = adjacencyOf(doc);
  const state = new Map<NodeId, 'open' | 'done'>();
  const stack: NodeId[] = [];
  // Iterative DFS so a long chain cannot overflow the call stack.
  for (const start of Object.keys(doc.nodes) as NodeId[]) {
    if (state.has(start)) continue;
    const frames: { id: NodeId; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    stack.push(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const edges = outgoing.get(frame.id) ?? noEdges;
      const edge = edges[frame.next++];
      if (!edge) {
        state.set(frame.id, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const s = state.get(edge.target);
      if (s === 'open') return [...stack.slice(stack.indexOf(edge.target)), edge.target];
      if (s === undefined) {
        state.set(edge.target, 'open');
        stack.push(edge.target);
        frames.push({ id: edge.target, next: 0 });
      }
    }
  }
  return null;
}

/** True when `to` can be reached from `from` along edges (a node reaches itself). */
export function isReachable(doc: GraphDoc, from: NodeId, to: NodeId): boolean {
  const { outgoing } = adjacencyOf(doc);
  const seen = new Set<NodeId>([from]);
  const todo: NodeId[] = [from];
  while (todo.length > 0) {
    const id = todo.pop() as NodeId;
    if (id === to) return true;
    for (const edge of outgoing.get(id) ?? noEdges) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        todo.push(edge.target);
      }
    }
  }
  return false;
}

/** Nodes with no incoming edges and no outgoing edges. */
export function isolatedNodes(doc: GraphDoc): NodeId[] {
  const { incoming, outgoing } = adjacencyOf(doc);
  return (Object.keys(doc.nodes) as NodeId[]).filter(
    (id) => (incoming.get(id)?.length ?? 0) === 0 && (outgoing.get(id)?.length ?? 0) === 0,
  );
}

/** Nodes no edge leaves from: the model's outputs once the graph is valid. */
export function sinkNodes(doc: GraphDoc): NodeId[] {
  const { outgoing } = adjacencyOf(doc);
  return (Object.keys(doc.nodes) as NodeId[]).filter((id) => (outgoing.get(id)?.length ?? 0) === 0);
}
