/**
 * Upgrades of the project file, oldest first. Each step takes the parsed JSON
 * of version `from` and returns version `from + 1`; it runs before zod
 * validation, so it sees raw, untrusted JSON and must not assume fields exist
 * (it returns the input unchanged where there is nothing to upgrade). Steps are
 * named for what they do and never edited after release: each has a frozen
 * fixture of its `from` version in `core/fixtures/migrations/`.
 */
export interface MigrationStep {
  /** What the step does, in PascalCase (`EdgesArrayToRecord`). */
  readonly id: string;
  /** The schema version this step upgrades from. */
  readonly from: number;
  up(project: Record<string, unknown>): Record<string, unknown>;
}

export const migrationSteps: readonly MigrationStep[] = [
  {
    // v1 stored `graph.edges` as an array; v2 keys edges by id like nodes, so
    // edits can share untouched records. Array order (= input order) is kept.
    id: 'EdgesArrayToRecord',
    from: 1,
    up(project) {
      const graph = project['graph'];
      if (!isRecord(graph) || !Array.isArray(graph['edges'])) return project;
      const edges: Record<string, unknown> = {};
      graph['edges'].forEach((edge: unknown, i) => {
        const id = isRecord(edge) && typeof edge['id'] === 'string' ? edge['id'] : `e${i + 1}`;
        // Assigning `__proto__` would set the prototype (the edge silently gone); a repeated id
        // would overwrite an edge. Both are reported (parseProject: migration-failed).
        if (id === '__proto__') throw new Error(`edge ${i + 1} has the id "__proto__"`);
        if (Object.hasOwn(edges, id))
          throw new Error(`two edges have the id "${id.slice(0, 100)}"`);
        edges[id] = isRecord(edge) ? { ...edge, id } : edge;
      });
      return { ...project, graph: { ...graph, edges } };
    },
  },
];

/** The version `serializeProject` writes and `parseProject` upgrades to. */
export const CURRENT_SCHEMA_VERSION = 2;

/**
 * Runs every step from `version` up to `CURRENT_SCHEMA_VERSION`. Throws only
 * if a step throws; `parseProject` turns that into a `migration-failed` error.
 */
export function migrateProject(
  project: Record<string, unknown>,
  version: number,
): Record<string, unknown> {
  let current = project;
  for (const step of migrationSteps) {
    if (step.from < version) continue;
    current = { ...step.up(current), schemaVersion: step.from + 1 };
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
