import { getLayerSpec } from '../layers/catalog';
import type { NodeShapeInfo } from '../shapes/infer';
import type { Shape } from '../shapes/shape';
import { adjacencyOf, topologicalOrder } from './queries';
import type { GraphDoc, NodeId } from './types';

/** One line of the model summary table. `outputShape`/`paramCount` are null where inference failed. */
export interface SummaryRow {
  readonly nodeId: NodeId;
  readonly name: string;
  readonly kind: string;
  readonly outputShape: Shape | null;
  readonly paramCount: number | null;
}

export interface ModelSummary {
  readonly rows: readonly SummaryRow[];
  /** Sum over the rows that could be inferred, as Keras `summary()` "Total params". */
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  /** False when some layer's count is unknown, so the totals are partial. */
  readonly complete: boolean;
}

/**
 * Keras-style `summary()`: layers in topological order with output shape and
 * parameter count. Takes the result of `inferShapes` for the same doc.
 */
export function summarizeModel(
  doc: GraphDoc,
  shapes: ReadonlyMap<NodeId, NodeShapeInfo>,
): ModelSummary {
  const { incoming } = adjacencyOf(doc);
  const rows: SummaryRow[] = [];
  let total = 0;
  let nonTrainable = 0;
  let complete = true;
  const ordered = topologicalOrder(doc);
  const listed = new Set(ordered);
  for (const id of Object.keys(doc.nodes) as NodeId[]) if (!listed.has(id)) ordered.push(id);
  for (const id of ordered) {
    const node = doc.nodes[id];
    if (!node) continue;
    const info = shapes.get(id);
    if (!info?.ok) {
      complete = false;
      rows.push({
        nodeId: id,
        name: node.name,
        kind: node.kind,
        outputShape: null,
        paramCount: null,
      });
      continue;
    }
    total += info.paramCount;
    const spec = getLayerSpec(node.kind);
    if (spec?.nonTrainableParams) {
      const inputShapes = (incoming.get(id) ?? [])
        .map((e) => shapes.get(e.source))
        .flatMap((s) => (s?.ok ? [s.shape] : []));
      nonTrainable += spec.nonTrainableParams(inputShapes, info.resolvedParams);
    }
    rows.push({
      nodeId: id,
      name: node.name,
      kind: node.kind,
      outputShape: info.shape,
      paramCount: info.paramCount,
    });
  }
  return {
    rows,
    totalParams: total,
    trainableParams: total - nonTrainable,
    nonTrainableParams: nonTrainable,
    complete,
  };
}
