import type { Edge as FlowEdge } from '@xyflow/react';

import type { EdgeId, InferenceContext, LayerNode, Locale, NodeId, ProjectDoc } from '@core';

import { inferenceContextOf, type Analysis } from '../state/analysis';
import type { BalloonSide } from './balloon-side';
import type { Session } from '../state/editor-store';
import type { LayerFlowNode } from './LayerNode';
import { buildNodeView, type LayerNodeData } from './node-view';

export interface Measured {
  readonly width: number;
  readonly height: number;
}

/**
 * Derives React Flow nodes and edges from the document (the source of truth).
 * Keeps the previous object for every node whose view did not change, so
 * React Flow's equality check and `memo` skip it: on a 300-node graph an edit
 * re-renders only the nodes it touched.
 */
export class FlowElementCache {
  private nodes = new Map<string, LayerFlowNode>();
  private edges = new Map<string, FlowEdge>();
  private nodeList: LayerFlowNode[] = [];
  private views = new Map<
    string,
    { readonly node: LayerNode; readonly key: string; readonly view: LayerNodeData }
  >();
  private edgeList: FlowEdge[] = [];

  buildNodes(
    doc: ProjectDoc,
    session: Session,
    analysis: Analysis,
    measured: ReadonlyMap<string, Measured>,
    locale: Locale,
    balloonSides: ReadonlyMap<string, BalloonSide> = new Map(),
  ): LayerFlowNode[] {
    const selected = new Set<string>(session.selectedNodeIds);
    const next = new Map<string, LayerFlowNode>();
    const out: LayerFlowNode[] = [];
    const dataset = inferenceContextOf(doc);
    const datasetKey = JSON.stringify(dataset);
    for (const node of Object.values(doc.graph.nodes)) {
      const view = withBalloonSide(
        this.viewOf(node, analysis, locale, dataset, datasetKey),
        balloonSides.get(node.id),
      );
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const previous = this.nodes.get(node.id);
      let flowNode: LayerFlowNode;
      if (
        previous &&
        previous.position === node.position &&
        previous.selected === isSelected &&
        previous.measured?.width === size?.width &&
        previous.measured?.height === size?.height &&
        previous.data.signature === view.signature
      ) {
        flowNode = previous;
      } else {
        const data: LayerNodeData =
          previous && previous.data.signature === view.signature ? previous.data : view;
        flowNode = {
          id: node.id,
          type: 'layer',
          position: node.position,
          data,
          selected: isSelected,
          ...(size ? { measured: { width: size.width, height: size.height } } : {}),
        };
      }
      next.set(node.id, flowNode);
      out.push(flowNode);
    }
    this.nodes = next;
    for (const id of this.views.keys()) if (!next.has(id)) this.views.delete(id);
    // Same elements in the same order: hand React Flow the same array, so it skips the update.
    if (sameItems(out, this.nodeList)) return this.nodeList;
    this.nodeList = out;
    return out;
  }

  /**
   * The node's view, rebuilt only when the node, its shape, its diagnostics or
   * the language changed (formatting 300 nodes on every edit is measurable).
   */
  private viewOf(
    node: LayerNode,
    analysis: Analysis,
    locale: Locale,
    dataset: InferenceContext,
    datasetKey: string,
  ): LayerNodeData {
    const info = analysis.shapes.get(node.id);
    const diagnostics = analysis.diagnosticsByNode.get(node.id) ?? [];
    const infoKey =
      info === undefined
        ? '-'
        : info.ok
          ? `${info.shape.join(',')}|${info.paramCount}`
          : `x|${info.problem?.code ?? ''}`;
    const diagKey = diagnostics
      .map((d) => `${d.severity}:${d.code}:${JSON.stringify(d.args)}`)
      .join(';');
    const field = analysis.receptiveFields.get(node.id) ?? null;
    const fieldKey = field ? `${field.size}/${field.jump}/${field.start}` : '-';
    const key = `${locale}|${infoKey}|${diagKey}|${fieldKey}|${datasetKey}`;
    const cached = this.views.get(node.id);
    if (cached && cached.node === node && cached.key === key) return cached.view;
    const view = buildNodeView(node, info, diagnostics, locale, field, dataset);
    this.views.set(node.id, { node, key, view });
    return view;
  }

  /** `describe` names an edge for screen readers in the UI language ("Connection from a to b"). */
  buildEdges(
    doc: ProjectDoc,
    session: Session,
    analysis: Analysis,
    describe: (from: string, to: string) => string = (from, to) => `${from} → ${to}`,
  ): FlowEdge[] {
    const selected = new Set<string>(session.selectedEdgeIds);
    const errorEdges = new Set<EdgeId>();
    for (const d of analysis.diagnostics)
      if (d.edgeId !== undefined && d.severity === 'error') errorEdges.add(d.edgeId);
    const next = new Map<string, FlowEdge>();
    const out: FlowEdge[] = [];
    for (const edge of Object.values(doc.graph.edges)) {
      const isSelected = selected.has(edge.id);
      const className = errorEdges.has(edge.id) ? 'edge-error' : '';
      const previous = this.edges.get(edge.id);
      const ariaLabel = describe(
        doc.graph.nodes[edge.source]?.name ?? edge.source,
        doc.graph.nodes[edge.target]?.name ?? edge.target,
      );
      const flowEdge =
        previous &&
        previous.source === edge.source &&
        previous.target === edge.target &&
        previous.selected === isSelected &&
        previous.className === className &&
        previous.ariaLabel === ariaLabel
          ? previous
          : {
              id: edge.id,
              source: edge.source,
              target: edge.target,
              selected: isSelected,
              className,
              ariaLabel,
            };
      next.set(edge.id, flowEdge);
      out.push(flowEdge);
    }
    this.edges = next;
    if (sameItems(out, this.edgeList)) return this.edgeList;
    this.edgeList = out;
    return out;
  }
}

/** The view with its problem callout moved off the default side (only selected nodes with problems). */
function withBalloonSide(view: LayerNodeData, side: BalloonSide | undefined): LayerNodeData {
  if (side === undefined || side === 'right') return view;
  return { ...view, balloonSide: side, signature: `${view.signature}|${side}` };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Selection after React Flow's select changes, applied to the current selection. */
export function applySelectChanges(
  current: readonly string[],
  changes: readonly { id: string; selected: boolean }[],
): string[] {
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

export type { NodeId };
