import { describe, expect, it } from 'vitest';

import { buildChain } from '../fixtures/build-graph';
import { defaultTrainingConfig } from '../train/config';
import type { ProjectDoc } from './project-file';
import {
  CURRENT_SCHEMA_VERSION,
  createProject,
  maxProjectTextLength,
  parseProject,
  serializeProject,
} from './project-file';

const graph = buildChain([
  'ImageInput',
  'Flatten',
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]).doc;
const sample: ProjectDoc = {
  ...createProject('Digits', undefined, {
    appVersion: '0.1.0',
    savedAt: '2026-11-26T10:00:00.000Z',
  }),
  graph,
};

describe('serializeProject / parseProject', () => {
  it('round-trips a project to an identical document', () => {
    const text = serializeProject(sample);
    const back = parseProject(text);
    expect(back).toEqual({ ok: true, value: sample });
    expect(back.ok && serializeProject(back.value)).toBe(text);
  });

  it('writes pretty JSON with the header first and sorted param keys', () => {
    const text = serializeProject(sample);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '{',
      '  "format": "layerlab",',
      `  "schemaVersion": ${CURRENT_SCHEMA_VERSION},`,
    ]);
    const params = JSON.parse(text).graph.nodes.n3.params;
    expect(Object.keys(params)).toEqual([...Object.keys(params)].sort());
  });

  it('strips session state and unknown fields', () => {
    const withSession = {
      ...sample,
      selection: ['n1'],
      viewport: { x: 1, y: 2, zoom: 3 },
      graph: {
        ...graph,
        nodes: {
          ...graph.nodes,
          n1: { ...graph.nodes['n1' as keyof typeof graph.nodes]!, selected: true },
        },
      },
    } as unknown as ProjectDoc;
    const text = serializeProject(withSession);
    expect(text).not.toMatch(/selection|viewport|selected/);
  });

  it('keeps the dataset and template id', () => {
    const dataset = {
      kind: 'image' as const,
      folder: { name: '服装', displayPath: '/data/服装' },
      testFolder: null,
      classNames: ['猫', 'dog'],
      split: { seed: 1, validationShare: 0.2 },
      image: null,
      text: null,
      vocabulary: null,
    };
    const p: ProjectDoc = { ...sample, dataset, templateId: 'lenet' };
    expect(parseProject(serializeProject(p))).toEqual({ ok: true, value: p });
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseProject(`\uFEFF${serializeProject(sample)}`).ok).toBe(true);
  });

  it('fills params a newer catalog added with their defaults', () => {
    const json = JSON.parse(serializeProject(sample));
    delete json.graph.nodes.n3.params.useBias;
    const back = parseProject(JSON.stringify(json));
    expect(
      back.ok && back.value.graph.nodes['n3' as keyof typeof graph.nodes]!.params['useBias'],
    ).toBe(true);
  });

  const refusals: [string, string, string, RegExp][] = [
    ['not JSON', '{"format": "layerlab",', 'not-json', /not valid JSON/],
    ['a NaN literal', '{"units": NaN}', 'not-json', /not valid JSON/],
    [
      'JSON without the marker',
      '{"modelTopology": {}}',
      'not-a-project',
      /no "format": "layerlab" marker/,
    ],
    ['a JSON array', '[1, 2]', 'not-a-project', /not a LayerLab project/],
    [
      'a future version',
      JSON.stringify({ ...JSON.parse(serializeProject(sample)), schemaVersion: 7 }),
      'future-version',
      /newer LayerLab \(file version 7; this app reads up to 2\)/,
    ],
    [
      'a string version',
      JSON.stringify({ ...JSON.parse(serializeProject(sample)), schemaVersion: '2' }),
      'unknown-version',
      /unreadable file version/,
    ],
    [
      'missing training settings',
      JSON.stringify({ ...JSON.parse(serializeProject(sample)), training: undefined }),
      'invalid-structure',
      /damaged: training/,
    ],
    [
      'a bad batch size',
      JSON.stringify({
        ...JSON.parse(serializeProject(sample)),
        training: { ...defaultTrainingConfig, batchSize: -1 },
      }),
      'invalid-structure',
      /training\.batchSize/,
    ],
  ];
  for (const [what, text, code, wording] of refusals) {
    it(`refuses ${what} with ${code}`, () => {
      const r = parseProject(text);
      expect(r.ok ? null : r.error.code).toBe(code);
      if (!r.ok) expect(r.error.message).toMatch(wording);
    });
  }

  it('refuses a node whose key differs from its id, and a dangling edge', () => {
    const json = JSON.parse(serializeProject(sample));
    json.graph.nodes.n1.id = 'n9';
    expect(parseProject(JSON.stringify(json))).toMatchObject({
      ok: false,
      error: { code: 'invalid-structure', args: { path: 'graph.nodes.n1.id' } },
    });
    const dangling = JSON.parse(serializeProject(sample));
    dangling.graph.edges.e1.target = 'n404';
    expect(parseProject(JSON.stringify(dangling))).toMatchObject({
      ok: false,
      error: { code: 'dangling-edge', args: { missing: 'n404' } },
    });
  });

  it('refuses a __proto__ key instead of touching prototypes', () => {
    const text = serializeProject(sample).replace('"n1": {', '"__proto__": {');
    const r = parseProject(text);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>)['kind']).toBeUndefined();
  });

  it('refuses oversized text before parsing it', () => {
    const r = parseProject(' '.repeat(maxProjectTextLength + 1));
    expect(r.ok ? null : r.error.code).toBe('file-too-large');
  });
});

describe('createProject', () => {
  it('starts empty with default training settings and no dataset', () => {
    const p = createProject('新项目');
    expect(p).toMatchObject({
      format: 'layerlab',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      name: '新项目',
      graph: { nodes: {}, edges: {} },
      training: defaultTrainingConfig,
      dataset: null,
    });
  });

  it('copies a template graph and settings but never its dataset', () => {
    const template: ProjectDoc = {
      ...sample,
      templateId: 'mlp-digits',
      dataset: null,
      training: { ...defaultTrainingConfig, epochs: 9 },
    };
    const p = createProject('Mine', template);
    expect(p.graph).toBe(template.graph);
    expect(p.training.epochs).toBe(9);
    expect(p.templateId).toBe('mlp-digits');
    expect(p.name).toBe('Mine');
  });
});
