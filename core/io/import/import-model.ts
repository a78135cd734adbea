import { tidyLayout } from '../../graph/layout';
import type { Edge, EdgeId, GraphDoc, LayerNode, NodeId } from '../../graph/types';
import { defaultParams, getLayerSpec, validateParams } from '../../layers/index';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';
import { mapLayer } from './layer-mapping';
import { readModelFolder } from './model-folder';
import { decodeUtf8 } from './text-codec';
import type { ModelFiles } from './model-folder';
import { groupWeightsByLayer } from './weight-set';
import type { WeightSet } from './weight-set';

/** A TF.js layers model turned into an editable graph plus its trained weights. */
export interface ImportedModel {
  readonly doc: GraphDoc;
  /** Trained weights by layer (= node) name; apply with `applyWeightSet` after compiling `doc`. */
  readonly weights: WeightSet;
  /** Class labels in index order, from LayerLab's metadata.json or model.json's userDefinedMetadata. */
  readonly labels: readonly string[] | null;
  /** metadata.json of a LayerLab export, parsed, when the folder has one. */
  readonly metadata: Readonly<Record<string, unknown>> | null;
}

function readLabels(
  metadata: Readonly<Record<string, unknown>> | null,
  user: Readonly<Record<string, unknown>> | null,
): string[] | null {
  for (const source of [metadata, user]) {
    const labels = source?.['labels'];
    if (Array.isArray(labels) && labels.every((l) => typeof l === 'string'))
      return labels as string[];
  }
  return null;
}

function readMetadata(files: ModelFiles): Record<string, unknown> | null {
  const raw = files['metadata.json'];
  if (raw === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(typeof raw === 'string' ? raw : decodeUtf8(raw));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    // A broken sidecar must not block importing the model itself; labels then come from model.json.
    return null;
  }
}

/**
 * Opens a TF.js layers model folder (model.json + weight shards, optionally a
 * LayerLab metadata.json) as an editable `GraphDoc`, for the layer kinds of
 * the catalog. Sequential and functional topologies are both accepted.
 * Everything is validated before use; failures are coded `ImportError`s that
 * name the layer, weight or file at fault. Never throws.
 *
 * @example
 * const result = importLayersModel({ 'model.json': json, 'group1-shard1of1.bin': bytes });
 * if (result.ok) { const model = compileGraph(result.value.doc, …); applyWeightSet(model, result.value.weights); }
 */
export function importLayersModel(files: ModelFiles): Result<ImportedModel, ImportError> {
  const folder = readModelFolder(files);
  if (!folder.ok) return folder;
  const { topology } = folder.value;
  const nodes: Record<NodeId, LayerNode> = {};
  const edges: Record<EdgeId, Edge> = {};
  const idByName = new Map<string, NodeId>();
  for (const [i, layer] of topology.layers.entries()) {
    const mapped = mapLayer(layer, topology);
    if (!mapped.ok) return mapped;
    const spec = getLayerSpec(mapped.value.kind);
    if (spec === undefined)
      return err(
        importError(
          'import-unknown-layer',
          `LayerLab has no "${mapped.value.kind}" layer for "${layer.name}".`,
          layer.name,
        ),
      );
    const params = { ...defaultParams(mapped.value.kind), ...mapped.value.params };
    const problems = validateParams(spec, params).filter((d) => d.severity === 'error');
    const problem = problems[0];
    if (problem !== undefined) {
      return err(
        importError(
          'import-unsupported-config',
          `Layer "${layer.name}" (${layer.className}) has a setting outside LayerLab's range (${problem.code} ${JSON.stringify(problem.args)}).`,
          layer.name,
        ),
      );
    }
    const id = `imported-${i + 1}` as NodeId;
    idByName.set(layer.name, id);
    nodes[id] = { id, kind: mapped.value.kind, name: layer.name, params, position: { x: 0, y: 0 } };
    for (const [k, source] of layer.inbound.entries()) {
      const sourceId = idByName.get(source);
      if (sourceId === undefined) continue;
      const edgeId = `imported-${i + 1}-in${k + 1}` as EdgeId;
      edges[edgeId] = { id: edgeId, source: sourceId, target: id };
    }
  }
  const metadata = readMetadata(files);
  return ok({
    // Laid out like the editor's "tidy" command: columns by depth, left to right.
    doc: tidyLayout({ nodes, edges }),
    weights: groupWeightsByLayer(
      folder.value.weights.weights,
      topology.layers.map((l) => l.name),
    ),
    labels: readLabels(metadata, folder.value.userDefinedMetadata),
    metadata,
  });
}
