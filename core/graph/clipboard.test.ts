import { describe, expect, it } from 'vitest';

import { buildChain } from '../fixtures/build-graph';
import { copyToClipboard, duplicateNodes, pasteFromClipboard } from './clipboard';
import { findCycle } from './queries';
import type { NodeId } from './types';

const offset = { x: 40, y: 40 };

describe('copy and paste', () => {
  const source = buildChain([
    'VectorInput',
    { kind: 'Dense', params: { units: 7 } },
    { kind: 'Dense', name: 'out' },
  ]);

  it('pastes into another project with fresh ids, unique names, moved positions and internal edges', () => {
    const target = buildChain(['ImageInput', 'Flatten', 'Dense']);
    const text = copyToClipboard(source.doc, [source.ids[1]!, source.ids[2]!]);
    const r = pasteFromClipboard(target.doc, text, offset);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { doc, nodeIds } = r.value;
    expect(nodeIds).toHaveLength(2);
    for (const id of nodeIds) expect(target.doc.nodes[id]).toBeUndefined();
    const pasted = nodeIds.map((id) => doc.nodes[id]!);
    expect(pasted.map((n) => n.name)).toEqual(['dense_2', 'out']);
    expect(pasted[0]!.params['units']).toBe(7);
    expect(pasted[0]!.position).toEqual({
      x: source.doc.nodes[source.ids[1]!]!.position.x + 40,
      y: 40,
    });
    const newEdges = Object.values(doc.edges).filter((e) => nodeIds.includes(e.source));
    expect(newEdges).toEqual([expect.objectContaining({ source: nodeIds[0], target: nodeIds[1] })]);
  });

  it('leaves out edges to layers that were not copied', () => {
    const text = copyToClipboard(source.doc, [source.ids[1]!]);
    expect(JSON.parse(text).edges).toEqual([]);
  });

  const bad: [string, string][] = [
    ['plain text', 'hello'],
    ['foreign JSON', '{"nodes": []}'],
    [
      'a wrong version',
      JSON.stringify({ format: 'layerlab-clipboard', version: 2, nodes: [], edges: [] }),
    ],
    [
      'a node without position',
      JSON.stringify({
        format: 'layerlab-clipboard',
        version: 1,
        nodes: [{ id: 'a', kind: 'Dense', name: 'd', params: {} }],
        edges: [],
      }),
    ],
  ];
  for (const [what, text] of bad) {
    it(`refuses ${what} with paste-invalid`, () => {
      const r = pasteFromClipboard(source.doc, text, offset);
      expect(r.ok ? null : r.error.code).toBe('paste-invalid');
    });
  }

  it('refuses clipboard text describing a loop', () => {
    const node = (id: string) => ({
      id,
      kind: 'Dense',
      name: id,
      params: {},
      position: { x: 0, y: 0 },
    });
    const text = JSON.stringify({
      format: 'layerlab-clipboard',
      version: 1,
      nodes: [node('a'), node('b')],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    });
    const r = pasteFromClipboard(source.doc, text, offset);
    expect(r.ok ? null : r.error.args['reason']).toMatch(/loop/);
  });
});

describe('duplicateNodes', () => {
  it('copies the selection with its internal edges and keeps the graph acyclic', () => {
    const { doc, ids } = buildChain(['VectorInput', 'Dense', 'Dense']);
    const r = duplicateNodes(doc, [ids[1]!, ids[2]!], offset);
    expect(r.nodeIds).toHaveLength(2);
    expect(Object.keys(r.doc.nodes)).toHaveLength(5);
    expect(Object.keys(r.doc.edges)).toHaveLength(3);
    expect(r.doc.nodes[r.nodeIds[0]!]!.name).toBe('dense_3');
    expect(findCycle(r.doc)).toBeNull();
  });

  it('ignores unknown ids', () => {
    const { doc } = buildChain(['VectorInput']);
    expect(duplicateNodes(doc, ['n42' as NodeId], offset).nodeIds).toEqual([]);
  });
});
