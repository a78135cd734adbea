import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EdgeId, GraphDoc, LayerNode, NodeId } from '../graph/types';
import { conv2d } from './convolution';
import {
  backpropLossFromTraining,
  denseNetShapeFromGraph,
  kernelFromConv2DWeights,
} from './graph-to-net';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function chain(
  layers: Array<{ kind: string; params: Record<string, number | string | boolean> }>,
): GraphDoc {
  const nodes: Record<string, LayerNode> = {};
  const edges: Record<string, { id: EdgeId; source: NodeId; target: NodeId }> = {};
  layers.forEach((l, i) => {
    const id = `n${i}` as NodeId;
    nodes[id] = {
      id,
      kind: l.kind,
      name: `${l.kind}_${i}`,
      params: l.params,
      position: { x: 0, y: 0 },
    };
    if (i > 0)
      edges[`e${i}`] = { id: `e${i}` as EdgeId, source: `n${i - 1}` as NodeId, target: id };
  });
  return { nodes, edges } as GraphDoc;
}

describe('denseNetShapeFromGraph', () => {
  it('reads the 3-2-3 template chain', () => {
    const g = chain([
      { kind: 'VectorInput', params: { size: 3 } },
      { kind: 'Dense', params: { units: 2, activation: 'sigmoid', useBias: true } },
      { kind: 'Dense', params: { units: 3, activation: 'sigmoid', useBias: false } },
    ]);
    const r = denseNetShapeFromGraph(g);
    expect(r.ok && r.value).toEqual({
      layerSizes: [3, 2, 3],
      activations: ['sigmoid', 'sigmoid'],
      useBias: [true, false],
    });
  });
  it('refuses other layers, softmax, branches and too many units with codes', () => {
    const code = (g: GraphDoc) => {
      const r = denseNetShapeFromGraph(g);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(
      code(
        chain([
          { kind: 'VectorInput', params: { size: 3 } },
          { kind: 'Dropout', params: {} },
        ]),
      ),
    ).toBe('bp-graph-unsupported-layer');
    expect(
      code(
        chain([
          { kind: 'VectorInput', params: { size: 3 } },
          { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
        ]),
      ),
    ).toBe('bp-graph-unsupported-activation');
    expect(
      code(
        chain([
          { kind: 'VectorInput', params: { size: 3 } },
          { kind: 'Dense', params: { units: 64 } },
        ]),
      ),
    ).toBe('bp-too-many-units');
    expect(code({ nodes: {}, edges: {} } as GraphDoc)).toBe('bp-graph-not-a-chain');
    const g = chain([
      { kind: 'VectorInput', params: { size: 3 } },
      { kind: 'Dense', params: { units: 2 } },
      { kind: 'Dense', params: { units: 2 } },
    ]);
    const branched = {
      ...g,
      edges: {
        ...g.edges,
        e9: { id: 'e9' as EdgeId, source: 'n0' as NodeId, target: 'n2' as NodeId },
      },
    } as GraphDoc;
    expect(code(branched)).toBe('bp-graph-not-a-chain');
  });
  it('maps training losses', () => {
    expect(backpropLossFromTraining('meanSquaredError')).toBe('mean-sse');
    expect(backpropLossFromTraining('categoricalCrossentropy')).toBeNull();
  });
});

describe('kernelFromConv2DWeights', () => {
  it('takes the same kernel TF.js convolves with', () => {
    const layer = tf.layers.conv2d({
      filters: 4,
      kernelSize: 3,
      inputShape: [6, 6, 2],
      useBias: false,
    });
    const input = tf.randomNormal([1, 6, 6, 2], 0, 1, 'float32', 3);
    const out = layer.apply(input) as tf.Tensor4D;
    const kernel = layer.getWeights()[0]!;
    const values = kernel.dataSync();
    const img = (input.arraySync() as number[][][][])[0]!;
    const expected = out.arraySync()[0]!;
    // Output channel 2 = Σ over input channels of that channel convolved with its 2-D kernel.
    const perChannel = [0, 1].map((ch) => {
      const k = kernelFromConv2DWeights(
        values,
        kernel.shape as [number, number, number, number],
        ch,
        2,
      );
      const r = conv2d(
        img.map((row) => row.map((px) => px[ch]!)),
        k,
        { stride: 1, padding: 'valid', dilation: 1 },
      );
      if (!r.ok) throw new Error(r.error.code);
      return r.value.output;
    });
    perChannel[0]!.forEach((row, i) =>
      row.forEach((v, j) =>
        expect(v + perChannel[1]![i]![j]!).toBeCloseTo(expected[i]![j]![2]!, 4),
      ),
    );
    tf.dispose([input, out]);
    layer.dispose();
  });
});
