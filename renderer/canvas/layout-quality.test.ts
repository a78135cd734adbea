import { describe, expect, it } from 'vitest';

import { tidyLayout, type EdgeId, type GraphDoc, type NodeId } from '@core';

import { layoutIsPoor } from './layout-quality';

/** A chain n1 → n2 → … with the given positions. */
function chain(positions: readonly { x: number; y: number }[]): GraphDoc {
  const nodes: GraphDoc['nodes'] = Object.fromEntries(
    positions.map((position, i) => {
      const id = `n${i + 1}` as NodeId;
      return [id, { id, kind: 'Dense', name: `dense_${i + 1}`, params: {}, position }];
    }),
  );
  const edges: GraphDoc['edges'] = Object.fromEntries(
    positions.slice(1).map((_, i) => {
      const id = `e${i + 1}` as EdgeId;
      return [id, { id, source: `n${i + 1}` as NodeId, target: `n${i + 2}` as NodeId }];
    }),
  );
  return { nodes, edges };
}

describe('layoutIsPoor', () => {
  it('accepts a chain laid out top to bottom with room between layers', () => {
    expect(layoutIsPoor(chain([0, 170, 340, 510].map((y) => ({ x: 0, y }))))).toBe(false);
  });

  it('rejects a chain laid out left to right: every edge leaves the bottom and enters the top sideways', () => {
    expect(layoutIsPoor(chain([0, 280, 560].map((x) => ({ x, y: 0 }))))).toBe(true);
  });

  it('rejects overlapping layers', () => {
    expect(
      layoutIsPoor(
        chain([
          { x: 0, y: 0 },
          { x: 0, y: 200 },
          { x: 40, y: 220 },
        ]),
      ),
    ).toBe(true);
  });

  it('rejects an edge whose line crosses a third layer', () => {
    const graph = chain([
      { x: 0, y: 0 },
      { x: 0, y: 400 },
    ]);
    const n3 = 'n3' as NodeId;
    const crossing: GraphDoc = {
      ...graph,
      nodes: {
        ...graph.nodes,
        [n3]: { id: n3, kind: 'Dense', name: 'x', params: {}, position: { x: 0, y: 200 } },
      },
    };
    expect(layoutIsPoor(crossing)).toBe(true);
    const aside: GraphDoc = {
      ...graph,
      nodes: {
        ...graph.nodes,
        [n3]: { id: n3, kind: 'Dense', name: 'x', params: {}, position: { x: 300, y: 200 } },
      },
    };
    expect(layoutIsPoor(aside)).toBe(false);
  });

  it("accepts the canvas's own tidy layout of a chain", () => {
    const laid = tidyLayout(chain([0, 1, 2, 3, 4, 5].map((x) => ({ x, y: 0 }))), {
      direction: 'TB',
      levelGap: 170,
      nodeGap: 260,
    });
    expect(layoutIsPoor(laid)).toBe(false);
  });
});
