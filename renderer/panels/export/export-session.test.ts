import { describe, expect, it } from 'vitest';

import {
  addLayer,
  connect,
  emptyGraph,
  tfjsVersion,
  type ExportInfo,
  type GraphDoc,
  type NodeId,
} from '@core';

import { runExport, runImport } from './export-session';

/** ImageInput 8×8×1 → Conv2D → Flatten → Dense(3, softmax), built with the editor's own commands. */
function smallGraph(): GraphDoc {
  let doc = emptyGraph;
  const ids: NodeId[] = [];
  for (const [kind, params] of [
    ['ImageInput', { height: 8, width: 8, channels: 1 }],
    ['Conv2D', { filters: 2, kernelSize: [3, 3] }],
    ['Flatten', {}],
    ['Dense', { units: 3, activation: 'softmax' }],
  ] as const) {
    const added = addLayer(doc, { kind, position: { x: 0, y: 0 }, params });
    doc = added.doc;
    ids.push(added.nodeId);
  }
  for (let i = 1; i < ids.length; i++) {
    const linked = connect(doc, ids[i - 1] as NodeId, ids[i] as NodeId);
    if (!linked.ok) throw new Error(linked.error.code);
    doc = linked.value.doc;
  }
  return doc;
}

const info: ExportInfo = {
  modelName: 'demo',
  labels: [],
  inputShape: [],
  image: {
    width: 8,
    height: 8,
    colorMode: 'grayscale',
    resizeMode: 'stretch',
    normalization: 'zeroToOne',
  },
  text: null,
  versions: { layerlab: '0.1.0', tfjs: tfjsVersion },
  training: null,
  exportedAt: '2026-01-01T00:00:00.000Z',
};

const fakeFetch = (async () =>
  new Response(new Uint8Array([47, 42, 42, 47]))) as unknown as typeof fetch;

describe('export worker session', () => {
  it('exports the graph with untrained weights, fills shape and labels, and checks parity on generated inputs', async () => {
    const reply = await runExport(
      {
        source: { kind: 'graph', graph: smallGraph(), inference: {} },
        info,
        check: null,
        tfjsBundleUrl: 'app://tf.min.js',
      },
      fakeFetch,
    );
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.parity).toEqual({ sameTop1: 32, total: 32, maxProbDiff: 0 });
    expect(reply.value.samples).toBe('generated');
    expect(reply.value.files['tf.min.js']).toEqual(new Uint8Array([47, 42, 42, 47]));
    const meta = JSON.parse(String(reply.value.files['metadata.json'])) as {
      labels: string[];
      inputShape: unknown[];
    };
    expect(meta.labels).toEqual(['class_0', 'class_1', 'class_2']);
    expect(meta.inputShape).toEqual([null, 8, 8, 1]);
  });

  it('imports its own export back as the same graph with a passing identity check', async () => {
    const exported = await runExport(
      {
        source: { kind: 'graph', graph: smallGraph(), inference: {} },
        info,
        check: null,
        tfjsBundleUrl: null,
      },
      fakeFetch,
    );
    if (!exported.ok) throw new Error(exported.error.message);
    const imported = await runImport(exported.value.files);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(Object.values(imported.value.graph.nodes).map((n) => n.kind)).toEqual([
      'ImageInput',
      'Conv2D',
      'Flatten',
      'Dense',
    ]);
    expect(imported.value.parity.maxProbDiff).toBe(0);
    expect(imported.value.labels).toEqual(['class_0', 'class_1', 'class_2']);
  });

  it('reports a graph that cannot compile with a coded error', async () => {
    const broken = addLayer(emptyGraph, { kind: 'Dense', position: { x: 0, y: 0 } });
    const reply = await runExport(
      {
        source: { kind: 'graph', graph: broken.doc, inference: {} },
        info,
        check: null,
        tfjsBundleUrl: null,
      },
      fakeFetch,
    );
    expect(!reply.ok && reply.error.code).toBe('export-graph-invalid');
  });
});
