import type { GraphDoc, LayerNode, NodeId } from '../graph/types';
import { getLayerSpec } from '../layers/catalog';
import { validateParams } from '../layers/validate-param';
import { inferShapes } from '../shapes/infer';
import type { NodeShapeInfo } from '../shapes/infer';
import type { TrainingConfig } from '../train/config';
import { checkDatasetFit } from './check-dataset-fit';
import { checkLearnerPitfalls } from './check-learner-pitfalls';
import type { DatasetFacts } from './dataset-facts';
import { inferenceContextOf } from './dataset-facts';
import { checkStructure } from './check-structure';
import type { Diagnostic } from './diagnostic';

/** What validation may know besides the graph. All optional: the editor validates before a dataset exists. */
export interface ValidationContext {
  /** Precomputed `inferShapes` result; computed here when absent. */
  readonly shapes?: ReadonlyMap<NodeId, NodeShapeInfo>;
  readonly training?: TrainingConfig | null;
  /** Build with `datasetFacts(project.dataset)`; `{ classCount }` alone is enough for the output checks. */
  readonly dataset?: DatasetFacts | null;
}

/**
 * Every problem of a graph, in a stable order: structure, then params, then
 * shapes, then dataset fit, then learner pitfalls. Never throws for user mistakes. A node gets
 * at most one error from params/shapes, so one mistake shows one message.
 */
export function validateGraph(doc: GraphDoc, context: ValidationContext = {}): Diagnostic[] {
  const dataset = context.dataset ?? null;
  const shapes = context.shapes ?? inferShapes(doc, inferenceContextOf(dataset));
  const out = checkStructure(doc);
  const nodesWithErrors = new Set<NodeId>();
  for (const d of out) if (d.nodeId && d.severity === 'error') nodesWithErrors.add(d.nodeId);

  for (const node of Object.values(doc.nodes)) {
    for (const d of paramDiagnostics(node)) {
      out.push(d);
      nodesWithErrors.add(node.id);
    }
  }

  for (const [id, info] of shapes) {
    if (info.ok || !info.problem || nodesWithErrors.has(id)) continue;
    const node = doc.nodes[id];
    if (!node) continue;
    out.push({
      code: info.problem.code,
      severity: 'error',
      nodeId: id,
      args: { ...info.problem.args, name: node.name, kind: node.kind },
    });
    nodesWithErrors.add(id);
  }

  out.push(
    ...checkDatasetFit(doc, shapes, dataset).filter(
      (d) => !d.nodeId || !nodesWithErrors.has(d.nodeId),
    ),
  );
  out.push(
    ...checkLearnerPitfalls(doc, {
      shapes,
      training: context.training ?? null,
      classCount: dataset?.classCount ?? null,
    }),
  );
  return out;
}

/** Param diagnostics per node record: commands share untouched records, so most edits hit this cache. */
const paramCache = new WeakMap<LayerNode, readonly Diagnostic[]>();

function paramDiagnostics(node: LayerNode): readonly Diagnostic[] {
  const cached = paramCache.get(node);
  if (cached) return cached;
  const spec = getLayerSpec(node.kind);
  const found = spec
    ? validateParams(spec, node.params).map((d) => ({
        ...d,
        nodeId: node.id,
        args: { ...d.args, name: node.name },
      }))
    : [];
  paramCache.set(node, found);
  return found;
}

/** True when something must be fixed before the model can be compiled or trained. */
export function hasBlockingErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The diagnostic the Train button's tooltip names: the first error, or undefined. */
export function firstBlockingDiagnostic(
  diagnostics: readonly Diagnostic[],
): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error');
}
