import { describe, expect, it } from 'vitest';

import { CURRENT_SCHEMA_VERSION, migrateProject, migrationSteps } from './migrations';
import { parseProject } from './project-file';

const files = import.meta.glob('../fixtures/migrations/*.layerlab', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fixture = (name: string) => files[`../fixtures/migrations/${name}`] ?? '';

/** One frozen fixture per step, saved in the step's `from` version. */
const stepFixtures: Record<string, string> = { EdgesArrayToRecord: 'v1-edges-array.layerlab' };

describe('migrations', () => {
  it('has consecutive steps that end at the current version', () => {
    migrationSteps.forEach((step, i) => expect(step.from).toBe(i + 1));
    expect(migrationSteps.length + 1).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('has a frozen fixture for every step', () => {
    expect(Object.keys(stepFixtures).sort()).toEqual(migrationSteps.map((s) => s.id).sort());
  });

  it('EdgesArrayToRecord: keys v1 edges by id, keeping their order', () => {
    const v1 = JSON.parse(fixture('v1-edges-array.layerlab'));
    expect(Array.isArray(v1.graph.edges)).toBe(true);
    const step = migrationSteps.find((s) => s.id === 'EdgesArrayToRecord')!;
    const v2 = step.up(v1) as { graph: { edges: Record<string, { id: string }> } };
    expect(Object.keys(v2.graph.edges)).toEqual(v1.graph.edges.map((e: { id: string }) => e.id));
    expect(Object.values(v2.graph.edges)).toEqual(v1.graph.edges);
  });

  it('EdgesArrayToRecord: gives id-less v1 edges ids and leaves odd input alone', () => {
    const step = migrationSteps[0]!;
    const out = step.up({ graph: { nodes: {}, edges: [{ source: 'a', target: 'b' }] } }) as {
      graph: { edges: Record<string, unknown> };
    };
    expect(out.graph.edges).toEqual({ e1: { id: 'e1', source: 'a', target: 'b' } });
    const odd = { graph: 'nonsense' };
    expect(step.up(odd)).toBe(odd);
  });

  it('loads the v1 fixture through parseProject as a current, valid project', () => {
    const r = parseProject(fixture('v1-edges-array.layerlab'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(Object.keys(r.value.graph.edges)).toEqual(['e1', 'e2']);
  });

  it('EdgesArrayToRecord: reports a v1 edge with id __proto__ or a repeated id instead of dropping it', () => {
    const v1 = JSON.parse(fixture('v1-edges-array.layerlab'));
    const [first, second] = v1.graph.edges as { id: string }[];
    const proto = { ...v1, graph: { ...v1.graph, edges: [first, { ...second, id: '__proto__' }] } };
    const r = parseProject(JSON.stringify(proto));
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'migration-failed' });
    expect(JSON.stringify(r.ok ? null : r.error)).toContain('__proto__');
    const twice = { ...v1, graph: { ...v1.graph, edges: [first, { ...second, id: first?.id }] } };
    const r2 = parseProject(JSON.stringify(twice));
    expect(r2.ok ? null : r2.error).toMatchObject({ code: 'migration-failed' });
  });

  it('stamps the version after each step', () => {
    expect(migrateProject({ graph: { nodes: {}, edges: [] } }, 1)['schemaVersion']).toBe(
      CURRENT_SCHEMA_VERSION,
    );
    const current = { schemaVersion: CURRENT_SCHEMA_VERSION };
    expect(migrateProject(current, CURRENT_SCHEMA_VERSION)).toBe(current);
  });
});
