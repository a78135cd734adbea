import { z } from 'zod';

import type { Result } from '../result';
import { err, ok } from '../result';
import type { Diagnostic } from '../validate/diagnostic';
import { edgeIdAllocator, nodeIdAllocator } from './ids';
import { takenNames, uniqueLayerName } from './names';
import { findCycle } from './queries';
import type { Edge, GraphDoc, LayerNode, NodeId, Point } from './types';

/** Marker of LayerLab's clipboard text, so foreign JSON is never mistaken for layers. */
export const clipboardFormat = 'layerlab-clipboard';

/** More layers than this in one paste is refused (a paste is a human action). */
const maxPastedNodes = 5000;

const paramValueSchema = z.union([
  z.number(),
  z.string().max(10_000),
  z.boolean(),
  z.array(z.number()).max(64),
  z.null(),
]);
const clipboardSchema = z.object({
  format: z.literal(clipboardFormat),
  version: z.literal(1),
  nodes: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        kind: z.string().min(1).max(200),
        name: z.string().max(1000),
        params: z.record(z.string(), paramValueSchema),
        position: z.object({ x: z.number(), y: z.number() }),
      }),
    )
    .max(maxPastedNodes),
  edges: z.array(z.object({ source: z.string(), target: z.string() })).max(maxPastedNodes * 8),
});

/**
 * The selected layers and the edges between them as clipboard text (JSON with
 * a format marker). Edges to unselected layers are left out.
 */
export function copyToClipboard(doc: GraphDoc, nodeIds: readonly NodeId[]): string {
  const selected = new Set(nodeIds.filter((id) => doc.nodes[id]));
  const nodes = [...selected].map((id) => doc.nodes[id] as LayerNode);
  const edges = Object.values(doc.edges)
    .filter((e) => selected.has(e.source) && selected.has(e.target))
    .map((e) => ({ source: e.source, target: e.target }));
  return JSON.stringify({ format: clipboardFormat, version: 1, nodes, edges });
}

/**
 * Inserts clipboard layers with fresh ids, unique names and positions moved
 * by `offset`; internal edges are kept. Works between projects (ids and names
 * are remapped against the target doc). Foreign or damaged text is refused
 * with `paste-invalid`, never thrown.
 */
export function pasteFromClipboard(
  doc: GraphDoc,
  text: string,
  offset: Point,
): Result<{ doc: GraphDoc; nodeIds: NodeId[] }, Diagnostic> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ code: 'paste-invalid', severity: 'error', args: { reason: 'not JSON' } });
  }
  const parsed = clipboardSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({
      code: 'paste-invalid',
      severity: 'error',
      args: { reason: issue ? `${issue.path.join('.') || 'format'}: ${issue.message}` : 'unknown' },
    });
  }
  const inserted = insertSubgraph(
    doc,
    parsed.data.nodes as unknown as LayerNode[],
    parsed.data.edges,
    offset,
  );
  // Hand-edited clipboard text could describe a loop; the editor's graphs never hold one.
  if (findCycle(inserted.doc))
    return err({
      code: 'paste-invalid',
      severity: 'error',
      args: { reason: 'the layers form a loop' },
    });
  return ok(inserted);
}

/** Copies of the given layers (and the edges among them), moved by `offset`. */
export function duplicateNodes(
  doc: GraphDoc,
  nodeIds: readonly NodeId[],
  offset: Point,
): { doc: GraphDoc; nodeIds: NodeId[] } {
  const selected = new Set(nodeIds.filter((id) => doc.nodes[id]));
  const nodes = [...selected].map((id) => doc.nodes[id] as LayerNode);
  const edges = Object.values(doc.edges).filter(
    (e) => selected.has(e.source) && selected.has(e.target),
  );
  return insertSubgraph(doc, nodes, edges, offset);
}

function insertSubgraph(
  doc: GraphDoc,
  nodes: readonly LayerNode[],
  edges: readonly { readonly source: string; readonly target: string }[],
  offset: Point,
): { doc: GraphDoc; nodeIds: NodeId[] } {
  const nextNode = nodeIdAllocator(Object.keys(doc.nodes));
  const nextEdge = edgeIdAllocator(Object.keys(doc.edges));
  const taken = takenNames(doc);
  const idMap = new Map<string, NodeId>();
  const newNodes: Record<NodeId, LayerNode> = { ...doc.nodes };
  for (const node of nodes) {
    if (idMap.has(node.id)) continue;
    const id = nextNode();
    const name = uniqueLayerName(
      node.name.trim() === '' ? node.kind.toLowerCase() : node.name,
      taken,
    );
    taken.add(name);
    idMap.set(node.id, id);
    newNodes[id] = {
      id,
      kind: node.kind,
      name,
      params: { ...node.params },
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
  }
  const newEdges: Record<string, Edge> = { ...doc.edges };
  const seen = new Set<string>();
  for (const e of edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    // Edges that leave the pasted set or repeat are dropped; the copied subgraph of a DAG stays a DAG.
    if (!source || !target || source === target || seen.has(`${source}>${target}`)) continue;
    seen.add(`${source}>${target}`);
    const id = nextEdge();
    newEdges[id] = { id, source, target };
  }
  return {
    doc: { nodes: newNodes, edges: newEdges as GraphDoc['edges'] },
    nodeIds: [...idMap.values()],
  };
}
