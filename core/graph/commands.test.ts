import { describe, expect, it } from 'vitest';

import { buildChain, mustConnect } from '../fixtures/build-graph';
import {
  addLayer,
  checkConnection,
  connect,
  disconnect,
  moveNodes,
  removeElements,
  renameLayer,
  setParams,
} from './commands';
import { incomingEdges } from './queries';
import type { EdgeId, NodeId } from './types';
import { emptyGraph } from './types';

const at = { x: 10, y: 20 };

describe('addLayer', () => {
  it('adds a node with default params and Keras-style unique names', () => {
    let doc = emptyGraph;
    const names: string[] = [];
    for (const kind of [
      'Dense',
      'Dense',
      'Conv2D',
      'MaxPooling2D',
      'SimpleRNN',
      'GlobalAveragePooling2D',
      'ImageInput',
    ]) {
      const r = addLayer(doc, { kind, position: at });
      doc = r.doc;
      names.push(doc.nodes[r.nodeId]!.name);
    }
    expect(names).toEqual([
      'dense_1',
      'dense_2',
      'conv2d_1',
      'max_pooling2d_1',
      'simple_rnn_1',
      'global_average_pooling2d_1',
      'image_input_1',
    ]);
    expect(Object.values(doc.nodes)[0]!.params).toMatchObject({
      units: 64,
      activation: 'relu',
      useBias: true,
    });
  });

  it('applies param overrides and a wanted name, made unique if taken', () => {
    const first = addLayer(emptyGraph, {
      kind: 'Dense',
      position: at,
      name: 'hidden',
      params: { units: 3 },
    });
    const second = addLayer(first.doc, { kind: 'Dense', position: at, name: 'hidden' });
    expect(first.doc.nodes[first.nodeId]).toMatchObject({
      name: 'hidden',
      params: { units: 3 },
      position: at,
    });
    expect(second.doc.nodes[second.nodeId]!.name).toBe('hidden_1');
  });

  it('never reuses an id and never makes integer-like ids', () => {
    const a = addLayer(emptyGraph, { kind: 'Dense', position: at });
    const removed = removeElements(a.doc, { nodeIds: [a.nodeId] });
    const b = addLayer(addLayer(a.doc, { kind: 'Dense', position: at }).doc, {
      kind: 'Dense',
      position: at,
    });
    expect(b.nodeId).not.toBe(a.nodeId);
    expect(Number.isInteger(Number(b.nodeId))).toBe(false);
    expect(addLayer(removed, { kind: 'Dense', position: at }).nodeId).toMatch(/^n\d+$/);
  });

  it('leaves the original document untouched', () => {
    const before = emptyGraph;
    addLayer(before, { kind: 'Dense', position: at });
    expect(before).toEqual({ nodes: {}, edges: {} });
  });
});

describe('connect', () => {
  const { doc, ids } = buildChain(['VectorInput', 'Dense', 'Dense']);
  const [input, d1, d2] = ids as [NodeId, NodeId, NodeId];

  it('adds an edge and shares untouched nodes', () => {
    const extra = addLayer(doc, { kind: 'Add', position: at });
    const r = connect(extra.doc, d2, extra.nodeId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc.edges[r.value.edgeId]).toMatchObject({ source: d2, target: extra.nodeId });
    expect(r.value.doc.nodes).toBe(extra.doc.nodes);
  });

  const refusals: [string, NodeId, NodeId, string, RegExp][] = [
    ['a self-loop', d1, d1, 'connect-self-loop', /itself/],
    ['an edge into an input layer', d1, input, 'connect-into-input', /input layer/],
    ['a duplicate edge', input, d1, 'connect-duplicate', /already connected/],
    ['a second input into Dense (arity)', input, d2, 'connect-arity', /accepts only 1 input/],
    ['an edge to a missing node', d1, 'n99' as NodeId, 'node-not-found', /no longer exists/],
  ];
  for (const [what, s, t, code, wording] of refusals) {
    it(`refuses ${what} with ${code}`, async () => {
      const r = connect(doc, s, t);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      const { formatDiagnostic } = await import('../validate/messages');
      expect(formatDiagnostic(r.error, 'en')).toMatch(wording);
      expect(formatDiagnostic(r.error, 'en')).not.toMatch(/\{\{/);
    });
  }

  it('refuses an edge that would close a cycle and says which way data flows', async () => {
    const { doc: merged, ids: m } = buildChain([
      'VectorInput',
      'Dense',
      { kind: 'Dense', name: 'tail' },
    ]);
    const add = addLayer(merged, { kind: 'Add', position: at });
    let g = mustConnect(add.doc, m[2]!, add.nodeId);
    g = mustConnect(g, m[0]!, add.nodeId);
    // Add → Dense(dense_1) would loop back: dense_1 already feeds Add through tail.
    const loop = connect(disconnectAll(g, m[1]!), add.nodeId, m[1]!);
    expect(loop.ok).toBe(false);
    if (loop.ok) return;
    expect(loop.error.code).toBe('connect-cycle');
    const { formatDiagnostic } = await import('../validate/messages');
    expect(formatDiagnostic(loop.error, 'en')).toMatch(/would make a loop/);
  });

  it('keeps merge inputs in connection order', () => {
    const { doc: base, ids: b } = buildChain(['VectorInput', 'Dense']);
    const other = addLayer(base, { kind: 'Dense', position: at });
    let g = mustConnect(other.doc, b[0]!, other.nodeId);
    const concat = addLayer(g, { kind: 'Concatenate', position: at });
    g = mustConnect(concat.doc, other.nodeId, concat.nodeId);
    g = mustConnect(g, b[1]!, concat.nodeId);
    expect(incomingEdges(g, concat.nodeId).map((e) => e.source)).toEqual([other.nodeId, b[1]]);
  });
});

function disconnectAll(doc: ReturnType<typeof buildChain>['doc'], target: NodeId) {
  return removeElements(doc, { edgeIds: incomingEdges(doc, target).map((e) => e.id) });
}

describe('disconnect and removeElements', () => {
  const { doc, ids } = buildChain(['VectorInput', 'Dense', 'Dense']);

  it('removes one edge', () => {
    const edgeId = Object.keys(doc.edges)[0] as EdgeId;
    const after = disconnect(doc, edgeId);
    expect(Object.keys(after.edges)).toHaveLength(1);
    expect(after.nodes).toBe(doc.nodes);
  });

  it('removes a node together with its edges', () => {
    const after = removeElements(doc, { nodeIds: [ids[1]!] });
    expect(Object.keys(after.nodes)).toHaveLength(2);
    expect(Object.keys(after.edges)).toHaveLength(0);
  });

  it('returns the same document when nothing matches', () => {
    expect(removeElements(doc, { nodeIds: ['n404' as NodeId], edgeIds: ['e404' as EdgeId] })).toBe(
      doc,
    );
    expect(disconnect(doc, 'e404' as EdgeId)).toBe(doc);
  });
});

describe('setParams, renameLayer, moveNodes', () => {
  const { doc, ids } = buildChain(['VectorInput', 'Dense', { kind: 'Dense', name: 'out' }]);
  const dense = ids[1]!;

  it('merges a param patch into one node only', () => {
    const after = setParams(doc, dense, { units: 5 });
    expect(after.nodes[dense]!.params).toMatchObject({ units: 5, activation: 'relu' });
    expect(after.nodes[ids[0]!]).toBe(doc.nodes[ids[0]!]);
    expect(after.edges).toBe(doc.edges);
  });

  it('stores invalid values as typed, for validation to report', () => {
    expect(setParams(doc, dense, { units: -1 }).nodes[dense]!.params['units']).toBe(-1);
  });

  const renames: [string, string, string | null][] = [
    ['a fresh name', 'hidden', null],
    ['a name with spaces around', '  hidden  ', null],
    ['an empty name', '   ', 'rename-empty'],
    ['a taken name', 'out', 'rename-duplicate'],
    ['a 101-character name', 'x'.repeat(101), 'rename-too-long'],
  ];
  for (const [what, name, code] of renames) {
    it(`${code ? 'refuses' : 'accepts'} ${what}`, () => {
      const r = renameLayer(doc, dense, name);
      expect(r.ok ? null : r.error.code).toBe(code);
      if (r.ok) expect(r.value.nodes[dense]!.name).toBe(name.trim());
    });
  }

  it('keeps markup in names as plain data', () => {
    const r = renameLayer(doc, dense, '<img src=x onerror=alert(1)>');
    expect(r.ok && r.value.nodes[dense]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('renaming to the current name changes nothing', () => {
    const r = renameLayer(doc, ids[2]!, 'out');
    expect(r.ok && r.value).toBe(doc);
  });

  it('moves nodes from a record or a Map, ignoring unknown ids and non-finite positions', () => {
    const moved = moveNodes(doc, { [dense]: { x: 5, y: 6 }, n999: { x: 1, y: 1 } });
    expect(moved.nodes[dense]!.position).toEqual({ x: 5, y: 6 });
    const viaMap = moveNodes(doc, new Map([[dense, { x: 7, y: 8 }]]));
    expect(viaMap.nodes[dense]!.position).toEqual({ x: 7, y: 8 });
    expect(moveNodes(doc, { [dense]: { x: Number.NaN, y: 0 } })).toBe(doc);
    expect(moveNodes(doc, { [dense]: doc.nodes[dense]!.position })).toBe(doc);
  });
});

describe('checkConnection', () => {
  it('answers like connect without changing anything', () => {
    const { doc, ids } = buildChain(['VectorInput', 'Dense', 'Dense']);
    expect(checkConnection(doc, ids[2]!, ids[1]!)?.code).toBe('connect-arity');
    const lone = addLayer(doc, { kind: 'Dense', position: at });
    expect(checkConnection(lone.doc, ids[2]!, lone.nodeId)).toBeNull();
    expect(checkConnection(lone.doc, lone.nodeId, lone.nodeId)?.code).toBe('connect-self-loop');
  });
});
