import { useStore } from 'zustand';

import {
  inferShapes,
  receptiveFieldNumbers,
  receptiveFieldsOf,
  validateGraph,
  type Diagnostic,
  type NodeId,
  type NodeShapeInfo,
  type ProjectDoc,
  type ReceptiveFieldNumbers,
} from '@core';

import type { EditorStore } from './editor-store';

/**
 * Runtime state derived from the document: inferred shapes and diagnostics.
 * Never stored, never undone: recomputed once per document version (the
 * document is immutable, so its reference is the cache key).
 */
export interface Analysis {
  readonly shapes: ReadonlyMap<NodeId, NodeShapeInfo>;
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosticsByNode: ReadonlyMap<NodeId, readonly Diagnostic[]>;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Theoretical receptive field (size, jump, start) of every spatial layer, for the node faces. */
  readonly receptiveFields: ReadonlyMap<NodeId, ReceptiveFieldNumbers>;
}

const cache = new WeakMap<ProjectDoc, Analysis>();

/** What shape inference needs to know about the attached dataset. */
export function inferenceContextOf(doc: ProjectDoc) {
  const dataset = doc.dataset;
  return {
    datasetClassCount: dataset && dataset.classNames.length > 0 ? dataset.classNames.length : null,
    vocabularySize: dataset?.text?.vocabularySize ?? null,
    sequenceLength: dataset?.text?.sequenceLength ?? null,
  };
}

/** Shapes and diagnostics of a document, computed once per version. */
export function analyze(doc: ProjectDoc): Analysis {
  const cached = cache.get(doc);
  if (cached) return cached;
  const shapes = inferShapes(doc.graph, inferenceContextOf(doc));
  const classCount = doc.dataset?.classNames.length ?? 0;
  const diagnostics = validateGraph(doc.graph, {
    shapes,
    training: doc.training,
    dataset: classCount > 0 ? { classCount } : null,
  });
  const diagnosticsByNode = new Map<NodeId, Diagnostic[]>();
  let errorCount = 0;
  let warningCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else if (d.severity === 'warning') warningCount++;
    if (d.nodeId === undefined) continue;
    const list = diagnosticsByNode.get(d.nodeId);
    if (list) list.push(d);
    else diagnosticsByNode.set(d.nodeId, [d]);
  }
  const receptiveFields = new Map<NodeId, ReceptiveFieldNumbers>();
  for (const [id, field] of receptiveFieldsOf(doc.graph, shapes)) {
    const numbers = receptiveFieldNumbers(field);
    if (numbers) receptiveFields.set(id, numbers);
  }
  const analysis: Analysis = {
    shapes,
    diagnostics,
    diagnosticsByNode,
    errorCount,
    warningCount,
    receptiveFields,
  };
  cache.set(doc, analysis);
  return analysis;
}

/** The analysis of the store's current document. */
export function useAnalysis(store: EditorStore): Analysis {
  const doc = useStore(store, (s) => s.doc);
  return analyze(doc);
}
