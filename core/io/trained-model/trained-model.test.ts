import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { compileGraph } from '../../compile/compile-graph';
import { buildChain } from '../../fixtures/build-graph';
import { setParams } from '../../graph/commands';
import { defaultTrainingConfig } from '../../train/config';
import { saveToArtifacts, tfjsModelFiles } from '../export/tfjs-files';
import { applyWeightSet, groupWeightsByLayer } from '../import/weight-set';
import { readModelFolder } from '../import/model-folder';
import { createProject, parseProject, serializeProject } from '../project-file';
import { base64ToBytes, bytesToBase64 } from './base64';
import { graphFingerprint } from './graph-fingerprint';
import { decodeTrainedModel, readTrainedModel } from './trained-model';
import type { TrainedModelRecord } from './trained-model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const { doc: graph, ids } = buildChain([
  { kind: 'VectorInput', params: { size: 4 } },
  { kind: 'Dense', params: { units: 3 } },
  { kind: 'Dense', params: { units: 2, activation: 'softmax' } },
]);

const dataset = {
  kind: 'image' as const,
  folder: { name: 'digits', displayPath: '/data/digits' },
  testFolder: null,
  classNames: ['a', 'b'],
  split: { seed: 1, validationShare: 0.2 },
  image: null,
  text: null,
  vocabulary: null,
};

async function recordFor(g = graph): Promise<TrainedModelRecord> {
  const model = compileGraph(g, { diagnostics: [] });
  const files = tfjsModelFiles(await saveToArtifacts(model), {});
  model.dispose();
  return {
    fingerprint: graphFingerprint(g),
    trainedAt: '2026-12-07T10:00:00.000Z',
    dataset,
    runs: [
      {
        label: '1 · 10:00',
        settings: defaultTrainingConfig,
        epochs: [
          {
            epoch: 0,
            loss: 0.7,
            accuracy: 0.5,
            valLoss: 0.6,
            valAccuracy: 0.55,
            learningRate: 0.001,
            seconds: 1.5,
          },
        ],
        bestEpoch: 0,
        outcome: 'completed',
      },
    ],
    files,
  };
}

function sectionOf(text: string): Record<string, unknown> {
  return (JSON.parse(text) as { trainedModel: Record<string, unknown> }).trainedModel;
}

describe('base64', () => {
  it('round-trips every length and byte value', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 10_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
  });

  it('matches the standard alphabet with padding', () => {
    expect(bytesToBase64(new TextEncoder().encode('LayerLab?'))).toBe('TGF5ZXJMYWI/');
    expect(bytesToBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });

  it('refuses text that is not base64', () => {
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab$=')).toBeNull();
    expect(base64ToBytes('中文中文')).toBeNull();
  });
});

describe('graphFingerprint', () => {
  it('ignores positions but not params, names or connections', () => {
    const base = graphFingerprint(graph);
    const id = ids[1]!;
    const node = graph.nodes[id]!;
    const moved = {
      ...graph,
      nodes: { ...graph.nodes, [id]: { ...node, position: { x: 999, y: 5 } } },
    };
    expect(graphFingerprint(moved)).toBe(base);
    const renamed = { ...graph, nodes: { ...graph.nodes, [id]: { ...node, name: 'other' } } };
    expect(graphFingerprint(renamed)).not.toBe(base);
    expect(graphFingerprint(setParams(graph, id, { units: 5 }))).not.toBe(base);
    expect(graphFingerprint({ ...graph, edges: {} })).not.toBe(base);
  });
});

describe('trained model in the project file', () => {
  it('round-trips through serializeProject and readTrainedModel, weights bit for bit', async () => {
    const record = await recordFor();
    const project = { ...createProject('p'), graph };
    const text = serializeProject(project, { trainedModel: record });
    // The document still parses as before; the section is read on its own.
    const parsed = parseProject(text);
    expect(parsed.ok).toBe(true);
    const load = readTrainedModel(text, graph);
    expect(load.status).toBe('restored');
    if (load.status !== 'restored') return;
    expect(load.record.runs).toEqual(record.runs);
    expect(load.record.dataset).toEqual(dataset);
    const before = readModelFolder(record.files);
    const after = readModelFolder(load.record.files);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(new Uint8Array(after.value.weights.data)).toEqual(
      new Uint8Array(before.value.weights.data),
    );
  });

  it('restores weights a model built from the same graph accepts', async () => {
    const record = await recordFor();
    const load = decodeTrainedModel(
      sectionOf(serializeProject({ ...createProject('p'), graph }, { trainedModel: record })),
      graph,
    );
    if (load.status !== 'restored') throw new Error(load.status);
    const folder = readModelFolder(load.record.files);
    if (!folder.ok) throw new Error(folder.error.message);
    const model = compileGraph(graph, { diagnostics: [] });
    const names = model.layers.map((l) => l.name);
    const applied = applyWeightSet(model, groupWeightsByLayer(folder.value.weights.weights, names));
    expect(applied.ok).toBe(true);
    model.dispose();
  });

  it('says there is none in an older file without the section', () => {
    expect(readTrainedModel(serializeProject(createProject('p')), graph)).toEqual({
      status: 'none',
    });
  });

  describe('refuses a damaged section with a coded reason', () => {
    const cases: [string, (s: Record<string, unknown>) => unknown, string][] = [
      ['truncated weights', (s) => truncate(s), 'trained-model-weights-truncated'],
      ['a missing shard', (s) => ({ ...s, weights: {} }), 'trained-model-weights-missing'],
      ['weights that are not base64', (s) => withWeights(s, '@@@@'), 'trained-model-damaged'],
      ['no model.json text', (s) => ({ ...s, modelJson: '{' }), 'trained-model-damaged'],
      ['a wrong format marker', (s) => ({ ...s, format: 'other' }), 'trained-model-damaged'],
      ['a future version', (s) => ({ ...s, version: 2 }), 'trained-model-damaged'],
      ['a number instead of an object', () => 42, 'trained-model-damaged'],
      ['another network', (s) => ({ ...s, fingerprint: 'x' }), 'trained-model-other-graph'],
    ];
    for (const [what, damage, code] of cases) {
      it(`${what} → ${code}`, async () => {
        const record = await recordFor();
        const section = sectionOf(
          serializeProject({ ...createProject('p'), graph }, { trainedModel: record }),
        );
        const load = decodeTrainedModel(damage(section), graph);
        expect(load.status).toBe('failed');
        if (load.status === 'failed') expect(load.error.code).toBe(code);
      });
    }
  });

  it('never throws on a file that is not JSON', () => {
    expect(readTrainedModel('not json', graph)).toEqual({ status: 'none' });
  });
});

function withWeights(section: Record<string, unknown>, value: string): Record<string, unknown> {
  const weights = section['weights'] as Record<string, string>;
  return { ...section, weights: Object.fromEntries(Object.keys(weights).map((k) => [k, value])) };
}

function truncate(section: Record<string, unknown>): Record<string, unknown> {
  const weights = section['weights'] as Record<string, string>;
  return {
    ...section,
    weights: Object.fromEntries(
      Object.entries(weights).map(([k, v]) => {
        const bytes = base64ToBytes(v)!;
        return [k, bytesToBase64(bytes.slice(0, bytes.length - 8))];
      }),
    ),
  };
}
