import { describe, expect, it } from 'vitest';

import { buildChain, mustConnect } from '../fixtures/build-graph';
import { addLayer } from './commands';
import { tidyLayout } from './layout';

describe('tidyLayout', () => {
  const { doc, ids } = buildChain(['ImageInput', 'Conv2D', 'Flatten', 'Dense']);
  // A branch: Flatten → Dense(side) → Concatenate ← Dense
  const side = addLayer(doc, { kind: 'Dense', position: { x: -500, y: 900 } });
  let g = mustConnect(side.doc, ids[2]!, side.nodeId);
  const concat = addLayer(g, { kind: 'Concatenate', position: { x: 3, y: 3 } });
  g = mustConnect(concat.doc, ids[3]!, concat.nodeId);
  g = mustConnect(g, side.nodeId, concat.nodeId);

  it('puts each layer one column after its deepest input (left to right)', () => {
    const laid = tidyLayout(g);
    const x = (id: string) => laid.nodes[id as keyof typeof laid.nodes]!.position.x;
    expect(ids.map(x)).toEqual([0, 280, 560, 840]);
    expect(x(side.nodeId)).toBe(840);
    expect(x(concat.nodeId)).toBe(1120);
    const y = (id: string) => laid.nodes[id as keyof typeof laid.nodes]!.position.y;
    expect(y(ids[3]!)).not.toBe(y(side.nodeId));
  });

  it('lays out top to bottom when asked', () => {
    const laid = tidyLayout(g, { direction: 'TB' });
    expect(ids.map((id) => laid.nodes[id]!.position.y)).toEqual([0, 160, 320, 480]);
  });

  it('only moves nodes: kinds, params, names and edges are unchanged', () => {
    const laid = tidyLayout(g);
    expect(laid.edges).toBe(g.edges);
    for (const node of Object.values(g.nodes))
      expect({ ...laid.nodes[node.id]!, position: null }).toEqual({ ...node, position: null });
  });
});
