import { describe, expect, it } from 'vitest';

import { buildChain, mustConnect } from '../fixtures/build-graph';
import { addLayer, setParams } from '../graph/commands';
import type { Edge, EdgeId, GraphDoc, NodeId } from '../graph/types';
import { inferShapes } from './infer';

describe('inferShapes', () => {
  it('propagates shapes and parameter counts through LeNet', () => {
    const { doc, ids } = buildChain([
      'ImageInput',
      { kind: 'Conv2D', params: { filters: 16, kernelSize: [5, 5] } },
      'MaxPooling2D',
      { kind: 'Conv2D', params: { filters: 32, kernelSize: [5, 5] } },
      'MaxPooling2D',
      'Flatten',
      { kind: 'Dense', params: { units: 128 } },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    const shapes = inferShapes(doc);
    const out = ids.map((id) => shapes.get(id)!);
    expect(out.map((s) => (s.ok ? s.shape : null))).toEqual([
      [null, 28, 28, 1],
      [null, 24, 24, 16],
      [null, 12, 12, 16],
      [null, 8, 8, 32],
      [null, 4, 4, 32],
      [null, 512],
      [null, 128],
      [null, 10],
    ]);
    expect(out.reduce((n, s) => n + (s.ok ? s.paramCount : 0), 0)).toBe(
      416 + 12_832 + 65_664 + 1290,
    );
  });

  it('reports the first failure once and marks everything downstream as upstream-failed', () => {
    const { doc, ids } = buildChain(['VectorInput', 'Conv2D', 'Flatten', 'Dense']);
    const shapes = inferShapes(doc);
    expect(shapes.get(ids[1]!)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'input-not-image' }),
    });
    expect(shapes.get(ids[2]!)).toEqual({ ok: false, problem: null });
    expect(shapes.get(ids[3]!)).toEqual({ ok: false, problem: null });
  });

  it('fails a node with an invalid param instead of inferring nonsense', () => {
    const { doc, ids } = buildChain(['ImageInput', 'Conv2D']);
    const bad = setParams(doc, ids[1]!, { kernelSize: [-3, -3] });
    expect(inferShapes(bad).get(ids[1]!)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'param-below-min' }),
    });
  });

  it('uses the dataset class count where units follow the dataset', () => {
    const { doc, ids } = buildChain([
      'VectorInput',
      { kind: 'Dense', params: { units: 10, unitsFromDataset: true } },
    ]);
    const info = inferShapes(doc, { datasetClassCount: 4 }).get(ids[1]!)!;
    expect(info.ok && [info.shape, info.resolvedParams['units'], info.paramCount]).toEqual([
      [null, 4],
      4,
      3 * 4 + 4,
    ]);
    const without = inferShapes(doc).get(ids[1]!)!;
    expect(without.ok && without.shape).toEqual([null, 10]);
  });

  it('uses the text dataset for sequence length and vocabulary', () => {
    const { doc, ids } = buildChain([
      'SequenceInput',
      { kind: 'Embedding', params: { outputDim: 8 } },
    ]);
    const shapes = inferShapes(doc, { vocabularySize: 500, sequenceLength: 40 });
    const emb = shapes.get(ids[1]!)!;
    expect(emb.ok && [emb.shape, emb.paramCount]).toEqual([[null, 40, 8], 500 * 8]);
  });

  it('feeds merge layers their inputs in edge order', () => {
    const { doc, ids } = buildChain(['VectorInput', { kind: 'Dense', params: { units: 3 } }]);
    const other = addLayer(doc, { kind: 'Dense', position: { x: 0, y: 0 }, params: { units: 5 } });
    let g = mustConnect(other.doc, ids[0]!, other.nodeId);
    const concat = addLayer(g, { kind: 'Concatenate', position: { x: 0, y: 0 } });
    g = mustConnect(concat.doc, ids[1]!, concat.nodeId);
    g = mustConnect(g, other.nodeId, concat.nodeId);
    const info = inferShapes(g).get(concat.nodeId)!;
    expect(info.ok && info.shape).toEqual([null, 8]);
  });

  it('gives nodes on a cycle and unknown kinds a result instead of throwing', () => {
    const { doc, ids } = buildChain(['VectorInput', 'Dense', 'Dense']);
    const back: Edge = { id: 'eBack' as EdgeId, source: ids[2]!, target: ids[1]! };
    const looped: GraphDoc = { nodes: doc.nodes, edges: { ...doc.edges, [back.id]: back } };
    const shapes = inferShapes(looped);
    expect(shapes.get(ids[1]!)).toEqual({ ok: false, problem: null });
    const unknown = addLayer(doc, { kind: 'Conv3D', position: { x: 0, y: 0 } });
    expect(inferShapes(unknown.doc).get(unknown.nodeId as NodeId)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'unknown-layer-kind' }),
    });
  });
});
