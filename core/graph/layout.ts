import { adjacencyOf, topologicalOrder } from './queries';
import type { GraphDoc, LayerNode, NodeId } from './types';

/** `LR`: data flows left to right (layers in columns); `TB`: top to bottom (layers in rows). */
export type LayoutDirection = 'LR' | 'TB';

export interface TidyLayoutOptions {
  readonly direction?: LayoutDirection;
  /** Distance between consecutive depth levels. */
  readonly levelGap?: number;
  /** Distance between nodes of the same level. */
  readonly nodeGap?: number;
}

/**
 * How the editor's canvas lays a graph out: top to bottom, with room for a
 * layer's params, receptive field and shape between levels. Templates are
 * saved laid out this way, so they open as the canvas would tidy them.
 */
export const canvasLayout: TidyLayoutOptions = { direction: 'TB', levelGap: 170, nodeGap: 260 };

/**
 * Layered layout: each node's level is its longest-path depth from an input
 * (Keras `map_graph` depth); within a level nodes are ordered by the mean
 * position of their parents, so edges cross less. Isolated nodes go last.
 * Positions only change; the result is undone like any move.
 */
export function tidyLayout(doc: GraphDoc, options: TidyLayoutOptions = {}): GraphDoc {
  const direction = options.direction ?? 'LR';
  const levelGap = options.levelGap ?? (direction === 'LR' ? 280 : 160);
  const nodeGap = options.nodeGap ?? (direction === 'LR' ? 140 : 260);
  const { incoming } = adjacencyOf(doc);
  const order = topologicalOrder(doc);
  const inOrder = new Set(order);
  // Nodes on a cycle (only in damaged documents) keep a level after the others.
  for (const id of Object.keys(doc.nodes) as NodeId[]) if (!inOrder.has(id)) order.push(id);

  const depth = new Map<NodeId, number>();
  for (const id of order) {
    const parents = (incoming.get(id) ?? [])
      .map((e) => depth.get(e.source))
      .filter((d): d is number => d !== undefined);
    depth.set(id, parents.length === 0 ? 0 : Math.max(...parents) + 1);
  }
  const levels: NodeId[][] = [];
  for (const id of order) {
    const d = depth.get(id) ?? 0;
    (levels[d] ??= []).push(id);
  }
  const slot = new Map<NodeId, number>();
  const nodes: Record<NodeId, LayerNode> = { ...doc.nodes };
  levels.forEach((level, d) => {
    const keyed = level.map((id, i) => {
      const parents = (incoming.get(id) ?? [])
        .map((e) => slot.get(e.source))
        .filter((s): s is number => s !== undefined);
      return { id, key: parents.length ? parents.reduce((a, b) => a + b, 0) / parents.length : i };
    });
    keyed.sort((a, b) => a.key - b.key);
    keyed.forEach(({ id }, i) => {
      const across = (i - (keyed.length - 1) / 2) * nodeGap;
      slot.set(id, i - (keyed.length - 1) / 2);
      const node = doc.nodes[id];
      if (!node) return;
      const position =
        direction === 'LR' ? { x: d * levelGap, y: across } : { x: across, y: d * levelGap };
      nodes[id] = { ...node, position };
    });
  });
  return { nodes, edges: doc.edges };
}
