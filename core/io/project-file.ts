import { maxProjectChars } from '../contract/request-schemas';
import type { DatasetConfig } from '../data/config';
import { findCycle } from '../graph/queries';
import type { GraphDoc, NodeId } from '../graph/types';
import { defaultParams, getLayerSpec } from '../layers/catalog';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { TrainingConfig } from '../train/config';
import { defaultTrainingConfig, trainingConfigSchema } from '../train/config';
import { datasetConfigSchema } from '../data/config';
import { formatMessage } from '../validate/messages';
import { CURRENT_SCHEMA_VERSION, migrateProject } from './migrations';
import { projectDocSchema } from './project-schema';
import { encodeTrainedModel } from './trained-model/trained-model';
import type { TrainedModelRecord } from './trained-model/trained-model';

export { CURRENT_SCHEMA_VERSION } from './migrations';

/** A saved LayerLab project: the document plus its settings. No session state (selection, viewport). */
export interface ProjectDoc {
  readonly format: 'layerlab';
  readonly schemaVersion: number;
  /** Version of the app that saved the file, for support; never used for decisions. */
  readonly appVersion: string;
  /** ISO 8601 time of the last save. */
  readonly savedAt: string;
  readonly name: string;
  readonly graph: GraphDoc;
  readonly training: TrainingConfig;
  readonly dataset: DatasetConfig | null;
  /** The template the project started from, if any. */
  readonly templateId?: string;
}

/** Why a file could not be opened. `message` is English, for logs; show `formatMessage(code, args, locale)`. */
export interface ProjectLoadError {
  readonly code:
    | 'not-json'
    | 'not-a-project'
    | 'file-too-large'
    | 'future-version'
    | 'unknown-version'
    | 'migration-failed'
    | 'invalid-structure'
    | 'graph-cycle'
    | 'dangling-edge';
  readonly args: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** Files larger than this (in UTF-16 code units) are refused before parsing: the host's save limit. */
export const maxProjectTextLength = maxProjectChars;

/** The file extension of project files, without the dot. */
export const projectFileExtension = 'layerlab';

/**
 * A new project, empty or copied from a template (graph and training settings;
 * never a dataset, since folders belong to one machine).
 */
export function createProject(
  name: string,
  template?: ProjectDoc,
  options: { appVersion?: string; savedAt?: string } = {},
): ProjectDoc {
  return {
    format: 'layerlab',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: options.appVersion ?? template?.appVersion ?? '0.0.0',
    savedAt: options.savedAt ?? new Date().toISOString(),
    name,
    graph: template?.graph ?? { nodes: {}, edges: {} },
    training: template?.training ?? defaultTrainingConfig,
    dataset: null,
    ...(template?.templateId !== undefined ? { templateId: template.templateId } : {}),
  };
}

/**
 * Pretty JSON with a stable key order: header fields first, nodes and edges in
 * document order (edge order is merge-input order), params and settings with
 * sorted keys. Only document fields are written; anything else on the object
 * (session state) is dropped. A trained model, when given, is written in the
 * same text (core/io/trained-model), so one atomic write saves both.
 */
export function serializeProject(
  project: ProjectDoc,
  options: { readonly trainedModel?: TrainedModelRecord | null } = {},
): string {
  const nodes: Record<string, unknown> = {};
  for (const node of Object.values(project.graph.nodes)) {
    nodes[node.id] = {
      id: node.id,
      kind: node.kind,
      name: node.name,
      params: sortKeys(node.params),
      position: { x: node.position.x, y: node.position.y },
    };
  }
  const edges: Record<string, unknown> = {};
  for (const edge of Object.values(project.graph.edges))
    edges[edge.id] = { id: edge.id, source: edge.source, target: edge.target };
  const training = trainingConfigSchema.safeParse(project.training);
  const dataset = project.dataset === null ? null : datasetConfigSchema.safeParse(project.dataset);
  const out = {
    format: 'layerlab',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: project.appVersion,
    savedAt: project.savedAt,
    name: project.name,
    ...(project.templateId !== undefined ? { templateId: project.templateId } : {}),
    graph: { nodes, edges },
    training: sortKeys(training.success ? training.data : project.training),
    dataset: dataset === null ? null : sortKeys(dataset.success ? dataset.data : project.dataset),
    // Last, so the document stays readable at the top of the file.
    ...(options.trainedModel ? { trainedModel: encodeTrainedModel(options.trainedModel) } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * Reads a project file: JSON, format marker, version, migrations, zod
 * validation, graph integrity (no dangling edges, no cycles). Never throws.
 * Params a newer catalog added are filled with defaults; absurd param values
 * load as they are and show up as diagnostics in `validateGraph`.
 */
export function parseProject(text: string): Result<ProjectDoc, ProjectLoadError> {
  if (text.length > maxProjectTextLength)
    return fail('file-too-large', { max: `${maxProjectTextLength / 1024 / 1024} MB` });
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail('not-json', {
      detail: e instanceof Error ? e.message.slice(0, 200) : 'parse error',
    });
  }
  if (!isRecord(json) || json['format'] !== 'layerlab') return fail('not-a-project', {});
  const version = json['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('unknown-version', { version: String(version).slice(0, 40) });
  if (version > CURRENT_SCHEMA_VERSION)
    return fail('future-version', { version, supported: CURRENT_SCHEMA_VERSION });

  let migrated: Record<string, unknown>;
  try {
    migrated = migrateProject(json, version);
  } catch (e) {
    return fail('migration-failed', {
      version,
      detail: e instanceof Error ? e.message.slice(0, 200) : 'error',
    });
  }
  const parsed = projectDocSchema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid-structure', {
      path: issue?.path.map(String).join('.') ?? '',
      detail: issue?.message ?? 'invalid',
    });
  }
  const data = parsed.data;
  const graph = data.graph as unknown as GraphDoc;
  const integrity = checkGraphIntegrity(graph);
  if (integrity) return err(integrity);
  const project: ProjectDoc = {
    format: 'layerlab',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: data.appVersion,
    savedAt: data.savedAt,
    name: data.name,
    graph: fillDefaultParams(graph),
    training: data.training,
    dataset: data.dataset,
    ...(data.templateId !== undefined ? { templateId: data.templateId } : {}),
  };
  return ok(project);
}

/** Keys must match ids; edges must join existing nodes; no cycles. */
function checkGraphIntegrity(graph: GraphDoc): ProjectLoadError | null {
  for (const [key, node] of Object.entries(graph.nodes)) {
    if (node.id !== key)
      return error('invalid-structure', {
        path: `graph.nodes.${key}.id`,
        detail: 'differs from its key',
      });
  }
  for (const [key, edge] of Object.entries(graph.edges)) {
    if (edge.id !== key)
      return error('invalid-structure', {
        path: `graph.edges.${key}.id`,
        detail: 'differs from its key',
      });
    const missing = [edge.source, edge.target].find((id) => !graph.nodes[id]);
    if (missing) return error('dangling-edge', { edge: key, missing });
  }
  const cycle = findCycle(graph);
  if (cycle)
    return error('graph-cycle', {
      names: cycle.map((id: NodeId) => graph.nodes[id]?.name ?? id).join(' → '),
    });
  return null;
}

function fillDefaultParams(graph: GraphDoc): GraphDoc {
  const nodes = { ...graph.nodes };
  for (const node of Object.values(graph.nodes)) {
    const spec = getLayerSpec(node.kind);
    if (!spec || spec.params.every((p) => p.name in node.params)) continue;
    nodes[node.id] = { ...node, params: { ...defaultParams(node.kind), ...node.params } };
  }
  return { nodes, edges: graph.edges };
}

function error(
  code: ProjectLoadError['code'],
  args: Record<string, string | number>,
): ProjectLoadError {
  return { code, args, message: formatMessage(code, args, 'en') };
}

function fail(code: ProjectLoadError['code'], args: Record<string, string | number>) {
  return err(error(code, args));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy with object keys sorted (arrays keep their order), for stable files and diffs. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    if (value[key] !== undefined) out[key] = sortKeys(value[key]);
  return out;
}
