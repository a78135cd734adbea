import type { GraphDoc, LayerNode } from '@core';

import type { Rect } from './readable-view';

/**
 * Whether a saved layout would draw badly on this canvas, whose ports are on
 * the top (in) and bottom (out) of each node: layers that overlap, an edge that
 * runs upward or sideways into its target, or an edge whose line crosses
 * another layer. Such a graph is tidied when it is opened. Node sizes are not
 * known before the canvas draws them, so a typical node size is assumed.
 */
export function layoutIsPoor(
  graph: GraphDoc,
  nodeSize: { readonly width: number; readonly height: number } = typicalNodeSize,
): boolean {
  const rectOf = (node: LayerNode): Rect => ({ ...node.position, ...nodeSize });
  const nodes = Object.values(graph.nodes);
  const rects = new Map(nodes.map((n) => [n.id, rectOf(n)]));
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++)
      if (overlaps(rects.get(nodes[i]!.id)!, rects.get(nodes[j]!.id)!)) return true;
  for (const edge of Object.values(graph.edges)) {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    if (!from || !to) continue;
    if (to.y < from.y + from.height + minimumEdgeDrop) return true;
    const start = { x: from.x + from.width / 2, y: from.y + from.height };
    const end = { x: to.x + to.width / 2, y: to.y };
    for (const [id, rect] of rects) {
      if (id === edge.source || id === edge.target) continue;
      if (segmentCrosses(start, end, rect)) return true;
    }
  }
  return false;
}

/** A layer as the canvas draws it, roughly (220 px wide; 100–150 px tall with params and shape). */
export const typicalNodeSize = { width: 220, height: 130 } as const;

/** An edge needs this much vertical room to leave its source and enter its target. */
const minimumEdgeDrop = 16;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Liang–Barsky: does the segment start→end pass through the rectangle's inside? */
function segmentCrosses(
  start: { readonly x: number; readonly y: number },
  end: { readonly x: number; readonly y: number },
  rect: Rect,
): boolean {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  let t0 = 0;
  let t1 = 1;
  const clips: [number, number][] = [
    [-dx, start.x - rect.x],
    [dx, rect.x + rect.width - start.x],
    [-dy, start.y - rect.y],
    [dy, rect.y + rect.height - start.y],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}
