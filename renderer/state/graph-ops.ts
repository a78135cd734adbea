import {
  addLayer,
  connect,
  duplicateNodes,
  moveNodes,
  removeElements,
  renameLayer,
  setParams,
  canvasLayout,
  tidyLayout,
  type Diagnostic,
  type EdgeId,
  type GraphDoc,
  type NodeId,
  type ParamValue,
  type Point,
} from '@core';

import type { ApplyOutcome, EditorStore } from './editor-store';
import { layersOverlap, layoutIsPoor } from '../canvas/layout-quality';

/**
 * Editor operations: core's pure graph commands, lifted to the project
 * document and applied through the store (so each is one undo step), plus the
 * selection that should follow them. Components call these, never `set`.
 */

/** Data flows top to bottom on the canvas (ports on top and bottom); gaps fit a node with two rows of params. */

/** Rough node size, to centre a dropped node on the cursor before it is measured. */
const nodeSize = { width: 220, height: 110 };
const pasteOffset = { x: 32, y: 32 };

/** Adds a layer at a flow position (its centre when `centre`), selects it, returns its id. */
export function addLayerAt(
  store: EditorStore,
  kind: string,
  at: Point,
  options: { centre?: boolean; avoidOverlap?: boolean } = {},
): NodeId | null {
  let position = options.centre
    ? { x: at.x - nodeSize.width / 2, y: at.y - nodeSize.height / 2 }
    : at;
  if (options.avoidOverlap) position = freeSpotAround(store, position);
  let nodeId: NodeId | null = null;
  const outcome = store.getState().apply(
    (doc, args: { kind: string; position: Point }) => {
      const added = addLayer(doc.graph, args);
      nodeId = added.nodeId;
      return { ...doc, graph: added.doc };
    },
    { kind, position: roundPoint(position) },
  );
  if (!outcome.ok || nodeId === null) return null;
  store.getState().select([nodeId]);
  return nodeId;
}

/** Vertical distance between a layer and the one appended after it. */
const appendGap = 170;

/**
 * Adds a layer from the palette without a mouse: with one layer selected it
 * goes below that layer and is connected to it (one undo step; if the
 * connection is not allowed the layer is just added); otherwise at `centre`.
 * This makes a whole network buildable from the keyboard.
 */
export function appendLayer(store: EditorStore, kind: string, centre: Point): NodeId | null {
  const { session, doc } = store.getState();
  const anchor =
    session.selectedNodeIds.length === 1
      ? doc.graph.nodes[session.selectedNodeIds[0] as NodeId]
      : undefined;
  if (!anchor) return addLayerAt(store, kind, centre, { centre: true, avoidOverlap: true });
  const position = freeSpotBelow(store, { x: anchor.position.x, y: anchor.position.y + appendGap });
  let nodeId: NodeId | null = null;
  const outcome = store.getState().apply(
    (d, args: { kind: string; position: Point; source: NodeId }) => {
      const added = addLayer(d.graph, { kind: args.kind, position: args.position });
      nodeId = added.nodeId;
      const linked = connect(added.doc, args.source, added.nodeId);
      return { ...d, graph: linked.ok ? linked.value.doc : added.doc };
    },
    { kind, position: roundPoint(position), source: anchor.id },
  );
  if (!outcome.ok || nodeId === null) return null;
  store.getState().select([nodeId]);
  return nodeId;
}

function isTaken(store: EditorStore, p: Point): boolean {
  return Object.values(store.getState().doc.graph.nodes).some(
    (n) =>
      Math.abs(n.position.x - p.x) < nodeSize.width * 0.6 &&
      Math.abs(n.position.y - p.y) < nodeSize.height * 0.8,
  );
}

/** Shifts a position down until it does not sit on another node: appending continues a chain. */
function freeSpotBelow(store: EditorStore, position: Point): Point {
  let p = position;
  for (let i = 0; i < 50 && isTaken(store, p); i++) p = { x: p.x, y: p.y + appendGap };
  return p;
}

/** Grid steps of the search around a taken spot: one node apart, so a found spot is clear. */
const aroundStep = { x: nodeSize.width * 1.2, y: nodeSize.height * 1.6 };
const aroundRings = 6;

/**
 * The nearest free spot on a grid around a taken one. A layer added at the view
 * centre must stay in view: walking straight down a long vertical chain would
 * put it hundreds of layers away, off screen and never drawn.
 */
function freeSpotAround(store: EditorStore, position: Point): Point {
  if (!isTaken(store, position)) return position;
  const candidates: Point[] = [];
  for (let gx = -aroundRings; gx <= aroundRings; gx++) {
    for (let gy = -aroundRings; gy <= aroundRings; gy++) {
      candidates.push({ x: position.x + gx * aroundStep.x, y: position.y + gy * aroundStep.y });
    }
  }
  const distance = (p: Point): number => Math.hypot(p.x - position.x, p.y - position.y);
  candidates.sort((a, b) => distance(a) - distance(b));
  return candidates.find((p) => !isTaken(store, p)) ?? freeSpotBelow(store, position);
}

function roundPoint(p: Point): Point {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** Connects source's output to target's input; a refusal comes back as a diagnostic. */
export function connectNodes(store: EditorStore, source: NodeId, target: NodeId): ApplyOutcome {
  return store.getState().apply(
    (doc, args: { source: NodeId; target: NodeId }) => {
      const result = connect(doc.graph, args.source, args.target);
      return result.ok
        ? { ok: true, value: { ...doc, graph: result.value.doc } }
        : { ok: false, error: result.error };
    },
    { source, target },
  );
}

/** Moves nodes; `ignore` for drag frames (the drag's mark makes the one undo step). */
export function moveNodesOp(
  store: EditorStore,
  moves: readonly { id: NodeId; position: Point }[],
  history: 'record' | 'ignore',
): void {
  const nodes = store.getState().doc.graph.nodes;
  const positions: Record<string, Point> = {};
  let changed = false;
  for (const m of moves) {
    const p = roundPoint(m.position);
    const current = nodes[m.id]?.position;
    if (current === undefined || (current.x === p.x && current.y === p.y)) continue;
    positions[m.id] = p;
    changed = true;
  }
  // A frame that moves nothing must not create a new document (or an undo step).
  if (!changed) return;
  store.getState().apply(
    (doc, args: Record<string, Point>) => ({
      ...doc,
      graph: moveNodes(doc.graph, args as Record<NodeId, Point>),
    }),
    positions,
    { history },
  );
}

/** Sets one param of a node (one undo step). */
export function setParamOp(
  store: EditorStore,
  nodeId: NodeId,
  name: string,
  value: ParamValue,
): void {
  store.getState().apply(
    (doc, args: { nodeId: NodeId; patch: Record<string, ParamValue> }) => ({
      ...doc,
      graph: setParams(doc.graph, args.nodeId, args.patch),
    }),
    {
      nodeId,
      patch: { [name]: value },
    },
  );
}

/** Renames a layer; refuses duplicates and empty names with a diagnostic. */
export function renameOp(store: EditorStore, nodeId: NodeId, name: string): ApplyOutcome {
  return store.getState().apply(
    (doc, args: { nodeId: NodeId; name: string }) => {
      const result = renameLayer(doc.graph, args.nodeId, args.name);
      return result.ok
        ? { ok: true, value: { ...doc, graph: result.value } }
        : { ok: false, error: result.error };
    },
    { nodeId, name },
  );
}

/** Deletes the selected nodes and edges (edges of deleted nodes go with them). */
export function deleteSelection(store: EditorStore): void {
  const { selectedNodeIds, selectedEdgeIds } = store.getState().session;
  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) return;
  const outcome = store.getState().apply(
    (doc, args: { nodeIds: readonly NodeId[]; edgeIds: readonly EdgeId[] }) => ({
      ...doc,
      graph: removeElements(doc.graph, args),
    }),
    {
      nodeIds: selectedNodeIds,
      edgeIds: selectedEdgeIds,
    },
  );
  // A refused delete (a layer a lab package locks) keeps the selection, so the lock shows.
  if (outcome.ok) store.getState().select([], []);
}

/** Duplicates the selection next to itself and selects the copies. */
export function duplicateSelection(store: EditorStore): void {
  const ids = store.getState().session.selectedNodeIds;
  if (ids.length === 0) return;
  let copies: readonly NodeId[] = [];
  store.getState().apply((doc, nodeIds: readonly NodeId[]) => {
    const result = duplicateNodes(doc.graph, nodeIds, pasteOffset);
    copies = result.nodeIds;
    return { ...doc, graph: result.doc };
  }, ids);
  store.getState().select(copies);
}

export function selectAll(store: EditorStore): void {
  const { doc, select } = store.getState();
  select(Object.keys(doc.graph.nodes) as NodeId[], Object.keys(doc.graph.edges) as EdgeId[]);
}

/** A graph laid out the way the canvas draws it (top to bottom). */
export function layoutForCanvas(graph: GraphDoc): GraphDoc {
  return tidyLayout(graph, canvasLayout);
}

/**
 * An imported graph as the canvas should first draw it: kept as laid out when
 * that draws well, otherwise tidied (layers overlapping, edges running
 * sideways or through other layers: canvas/layout-quality.ts).
 */
export function readableLayout(graph: GraphDoc): GraphDoc {
  return layoutIsPoor(graph) ? layoutForCanvas(graph) : graph;
}

/**
 * A saved project as the canvas should first draw it: the user's own layout
 * (sideways or upward edges may be their choice) unless layers lie on top of
 * each other and cannot be read, which a tidy layout fixes.
 */
export function savedProjectLayout(graph: GraphDoc): GraphDoc {
  return layersOverlap(graph) ? layoutForCanvas(graph) : graph;
}

/** Lays the graph out by topological depth (one undo step). */
export function tidyLayoutOp(store: EditorStore): void {
  store
    .getState()
    .apply((doc) => ({ ...doc, graph: tidyLayout(doc.graph, canvasLayout) }), undefined);
}

export type { Diagnostic };
