import { describe, expect, it } from 'vitest';

import { buildChain, mustConnect } from '../fixtures/build-graph';
import type { ChainLayer } from '../fixtures/build-graph';
import { addLayer, renameLayer, setParams } from '../graph/commands';
import type { Edge, EdgeId, GraphDoc, NodeId } from '../graph/types';
import { emptyGraph } from '../graph/types';
import type { TrainingConfig } from '../train/config';
import { defaultTrainingConfig } from '../train/config';
import type { Diagnostic } from './diagnostic';
import { formatDiagnostic } from './messages';
import { firstBlockingDiagnostic, hasBlockingErrors, validateGraph } from './validate-graph';
import type { ValidationContext } from './validate-graph';

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const mlp: ChainLayer[] = [
  'ImageInput',
  'Flatten',
  { kind: 'Dense', params: { units: 128 } },
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
];

function expectReadable(ds: readonly Diagnostic[]) {
  for (const d of ds)
    for (const locale of ['en', 'zh-CN'] as const)
      expect(formatDiagnostic(d, locale)).not.toMatch(/\{\{/);
}

describe('validateGraph: structure', () => {
  const cases: [string, GraphDoc, string[]][] = [
    ['an empty graph', emptyGraph, ['graph-empty']],
    ['a graph without input', buildChain(['Dense', 'Dense']).doc, ['no-input', 'missing-input']],
    ['an input alone', buildChain(['ImageInput']).doc, ['no-output']],
    ['a valid MLP', buildChain(mlp).doc, []],
  ];
  for (const [what, doc, expected] of cases) {
    it(`reports ${expected.join(', ') || 'nothing'} for ${what}`, () => {
      const ds = validateGraph(doc);
      expect(codes(ds)).toEqual(expected);
      expectReadable(ds);
    });
  }

  it('reports a stray layer, a second input and two outputs', () => {
    const { doc, ids } = buildChain(mlp);
    const stray = addLayer(doc, { kind: 'Dense', position: { x: 0, y: 0 } });
    const input2 = addLayer(stray.doc, { kind: 'VectorInput', position: { x: 0, y: 0 } });
    const branch = addLayer(input2.doc, { kind: 'Dense', position: { x: 0, y: 0 } });
    const g = mustConnect(branch.doc, ids[1]!, branch.nodeId);
    const ds = validateGraph(g);
    expect(codes(ds).sort()).toEqual([
      'disconnected-node',
      'disconnected-node',
      'multiple-inputs',
      'multiple-outputs',
      'multiple-outputs',
    ]);
    expect(
      ds.find((d) => d.code === 'disconnected-node' && d.nodeId === stray.nodeId),
    ).toBeDefined();
    expectReadable(ds);
  });

  it('reports a missing merge input, a cycle and duplicate names', () => {
    const { doc, ids } = buildChain(mlp);
    const add = addLayer(doc, { kind: 'Add', position: { x: 0, y: 0 } });
    let g = mustConnect(add.doc, ids[3]!, add.nodeId);
    expect(codes(validateGraph(g))).toContain('missing-input');
    const back: Edge = { id: 'eBack' as EdgeId, source: ids[3]!, target: ids[2]! };
    g = { nodes: doc.nodes, edges: { ...doc.edges, [back.id]: back } };
    expect(codes(validateGraph(g))).toContain('graph-cycle');
    const renamed = { ...doc.nodes[ids[2]!]!, name: doc.nodes[ids[3]!]!.name };
    const dup: GraphDoc = { nodes: { ...doc.nodes, [ids[2]!]: renamed }, edges: doc.edges };
    expect(codes(validateGraph(dup))).toEqual(['duplicate-name', 'duplicate-name']);
  });

  it('reports an unknown kind once', () => {
    const { doc, ids } = buildChain(['VectorInput']);
    const unknown = addLayer(doc, { kind: 'Conv3D', position: { x: 0, y: 0 } });
    const g = mustConnect(unknown.doc, ids[0]!, unknown.nodeId);
    expect(codes(validateGraph(g))).toEqual(['unknown-layer-kind']);
  });
});

describe('validateGraph: params and shapes', () => {
  it('reports absurd params once per node, with the node and its name', () => {
    const { doc, ids } = buildChain(['ImageInput', 'Conv2D', 'Flatten', 'Dense']);
    let g = setParams(doc, ids[1]!, { kernelSize: [-3, -3] });
    g = setParams(g, ids[3]!, { units: 1e9 });
    const ds = validateGraph(g);
    expect(ds.map((d) => [d.code, d.nodeId])).toEqual([
      ['param-below-min', ids[1]],
      ['param-above-max', ids[3]],
    ]);
    expect(formatDiagnostic(ds[1]!, 'en')).toMatch(
      /Dense parameter 'units' must be between 1 and 100000, but is 1000000000/,
    );
  });

  it('puts a shape error on the first broken node only', () => {
    const { doc, ids } = buildChain(['ImageInput', 'Flatten', 'Conv2D', 'Flatten', 'Dense']);
    const ds = validateGraph(doc);
    expect(ds.map((d) => [d.code, d.nodeId])).toEqual([['input-not-image', ids[2]]]);
    expect(formatDiagnostic(ds[0]!, 'en')).toBe(
      "Conv2D 'conv2d_1' needs an image-shaped input [height, width, channels] but receives [784]. Remove the Flatten or Dense before it, or start from an Image input.",
    );
    expect(formatDiagnostic(ds[0]!, 'zh-CN')).toMatch(/^Conv2D 'conv2d_1' 需要图像形状的输入/);
  });

  it('accepts precomputed shapes', () => {
    const { doc } = buildChain(mlp);
    expect(validateGraph(doc, { shapes: new Map() })).toEqual([]);
  });
});

describe('validateGraph: learner pitfalls', () => {
  const training = (loss: TrainingConfig['loss']): TrainingConfig => ({
    ...defaultTrainingConfig,
    loss,
  });
  const cases: [string, ChainLayer[], ValidationContext, string[]][] = [
    [
      'two Dense without non-linearity',
      [
        'VectorInput',
        { kind: 'Dense', params: { activation: 'linear' } },
        'Dropout',
        { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
      ],
      {},
      ['linear-collapse'],
    ],
    [
      'softmax with squared error on 10 classes',
      mlp,
      { training: training('meanSquaredError') },
      ['softmax-mse'],
    ],
    ['output units ≠ class count', mlp, { dataset: { classCount: 5 } }, ['output-units-mismatch']],
    ['a matching class count', mlp, { dataset: { classCount: 10 } }, []],
    [
      'one sigmoid unit for two classes with binary cross-entropy',
      ['VectorInput', { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
      { dataset: { classCount: 2 }, training: training('binaryCrossentropy') },
      [],
    ],
    [
      'Flatten → Dense explosion',
      [
        { kind: 'ImageInput', params: { height: 224, width: 224, channels: 3 } },
        'Flatten',
        { kind: 'Dense', params: { units: 64 } },
      ],
      {},
      ['parameter-explosion'],
    ],
    [
      'four sigmoid layers in a row',
      [
        'VectorInput',
        ...Array.from({ length: 4 }, () => ({ kind: 'Dense', params: { activation: 'sigmoid' } })),
      ],
      {},
      ['vanishing-gradient'],
    ],
    [
      'the course 3-2-3 net (two sigmoid layers)',
      [
        'VectorInput',
        { kind: 'Dense', params: { units: 2, activation: 'sigmoid' } },
        { kind: 'Dense', params: { units: 3, activation: 'sigmoid' } },
      ],
      { training: training('meanSquaredError') },
      [],
    ],
    [
      'Dense straight on an image',
      [
        'ImageInput',
        { kind: 'Dense', params: { units: 10 } },
        'Flatten',
        { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
      {},
      ['dense-on-image'],
    ],
    [
      'an output that is still an image',
      ['ImageInput', 'Conv2D'],
      { training: training('categoricalCrossentropy') },
      ['output-not-flat'],
    ],
    [
      'relu output with cross-entropy',
      ['VectorInput', { kind: 'Dense', params: { units: 3, activation: 'relu' } }],
      { training: training('categoricalCrossentropy') },
      ['loss-activation-mismatch'],
    ],
  ];
  for (const [what, chain, context, expected] of cases) {
    it(`${expected.length ? `warns ${expected.join(', ')}` : 'stays quiet'} for ${what}`, () => {
      const ds = validateGraph(buildChain(chain).doc, context);
      expect(codes(ds)).toEqual(expected);
      expectReadable(ds);
    });
  }

  it('uses units that follow the dataset when checking the class count', () => {
    const doc = buildChain([
      'ImageInput',
      'Flatten',
      { kind: 'Dense', params: { units: 10, activation: 'softmax', unitsFromDataset: true } },
    ]).doc;
    expect(validateGraph(doc, { dataset: { classCount: 5 } })).toEqual([]);
  });
});

describe('blocking diagnostics', () => {
  it('blocks on errors, not on warnings, and names the first error', () => {
    const warning: Diagnostic = { code: 'linear-collapse', severity: 'warning', args: {} };
    const error: Diagnostic = { code: 'no-input', severity: 'error', args: {} };
    expect(hasBlockingErrors([warning])).toBe(false);
    expect(hasBlockingErrors([warning, error])).toBe(true);
    expect(firstBlockingDiagnostic([warning, error])).toBe(error);
    expect(firstBlockingDiagnostic([])).toBeUndefined();
  });

  it('never throws on names with markup', () => {
    const { doc, ids } = buildChain(mlp);
    const r = renameLayer(doc, ids[3]!, '<img src=x onerror=alert(1)>');
    expect(
      r.ok &&
        validateGraph(r.value, { dataset: { classCount: 3 } }).map((d) =>
          formatDiagnostic(d, 'en'),
        ),
    ).toEqual([
      "Output '<img src=x onerror=alert(1)>' has 10 units but the dataset has 3 classes, so the labels will not fit. Set units to 3 or turn on 'Units follow the dataset'.",
    ]);
    void (ids as NodeId[]);
  });
});
