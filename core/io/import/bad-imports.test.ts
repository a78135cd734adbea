/**
 * Hostile and broken model folders (ecosystem notes §8 F3): each is refused
 * with a coded error that names the culprit, before TF.js sees anything.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { exportModel } from '../export/export-model';
import { buildTestModel } from '../export/testing/test-models';
import type { ImportErrorCode } from './import-error';
import { importLayersModel } from './import-model';
import { loadModelFolder, readModelFolder } from './model-folder';
import type { ModelFiles } from './model-folder';
import { decodeUtf8 } from './text-codec';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures hand-edit arbitrary model.json structures
type Json = Record<string, any>;
let good: Record<string, Uint8Array | string>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const { model, info } = await buildTestModel('mlp');
  good = await exportModel(model, info);
  model.dispose();
});

const modelJson = (): Json => {
  const raw = good['model.json'];
  return JSON.parse(typeof raw === 'string' ? raw : decodeUtf8(raw ?? new Uint8Array(0))) as Json;
};
const shard = (): Uint8Array => good['group1-shard1of1.bin'] as Uint8Array;
const withJson = (edit: (json: Json) => void, extra: ModelFiles = {}): ModelFiles => {
  const json = modelJson();
  edit(json);
  return { ...good, 'model.json': JSON.stringify(json), ...extra };
};
const floatsAt = (bytes: Uint8Array, index: number, value: number): Uint8Array => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setFloat32(index * 4, value, true);
  return copy;
};

interface Case {
  readonly name: string;
  readonly files: () => ModelFiles;
  readonly code: ImportErrorCode;
  readonly message: RegExp;
}

const cases: Case[] = [
  {
    name: 'no model.json at all',
    files: () => ({ 'weights.bin': new Uint8Array(4) }),
    code: 'import-no-model-json',
    message: /no model\.json/,
  },
  {
    name: 'model.json that is not JSON',
    files: () => ({ ...good, 'model.json': '{"modelTopology": ' }),
    code: 'import-bad-json',
    message: /not valid JSON/,
  },
  {
    name: 'model.json holding a JSON array',
    files: () => ({ ...good, 'model.json': '[1, 2]' }),
    code: 'import-bad-json',
    message: /JSON object/,
  },
  {
    name: 'a garbage topology',
    files: () => withJson((j) => (j['modelTopology'] = { hello: 'world' })),
    code: 'import-bad-topology',
    message: /no class_name/,
  },
  {
    name: 'a Sequential with no layers',
    files: () => withJson((j) => (j['modelTopology'].config.layers = [])),
    code: 'import-bad-topology',
    message: /non-empty layer list/,
  },
  {
    name: 'a layer entry that is a number',
    files: () => withJson((j) => j['modelTopology'].config.layers.push(42)),
    code: 'import-bad-topology',
    message: /Layer #4 has no class_name/,
  },
  {
    name: 'a functional model with a cycle',
    files: () =>
      withJson((j) => {
        j['modelTopology'] = {
          class_name: 'Model',
          config: {
            name: 'loop',
            layers: [
              {
                name: 'in',
                class_name: 'InputLayer',
                config: { batch_input_shape: [null, 8] },
                inbound_nodes: [],
              },
              {
                name: 'a',
                class_name: 'Dense',
                config: { units: 8 },
                inbound_nodes: [[['b', 0, 0, {}]]],
              },
              {
                name: 'b',
                class_name: 'Dense',
                config: { units: 8 },
                inbound_nodes: [[['a', 0, 0, {}]]],
              },
            ],
            input_layers: [['in', 0, 0]],
            output_layers: [['b', 0, 0]],
          },
        };
      }),
    code: 'import-bad-topology',
    message: /cycle/,
  },
  {
    name: 'a layer fed by a missing layer',
    files: () =>
      withJson(
        (j) =>
          (j['modelTopology'] = {
            class_name: 'Model',
            config: {
              layers: [
                {
                  name: 'a',
                  class_name: 'Dense',
                  config: {},
                  inbound_nodes: [[['ghost', 0, 0, {}]]],
                },
              ],
              input_layers: [['a', 0, 0]],
              output_layers: [['a', 0, 0]],
            },
          }),
      ),
    code: 'import-bad-topology',
    message: /"ghost"/,
  },
  {
    name: 'a graph model (not a layers model)',
    files: () => withJson((j) => (j['format'] = 'graph-model')),
    code: 'import-bad-topology',
    message: /graph model/,
  },
  {
    name: 'an unknown layer class',
    files: () =>
      withJson((j) => (j['modelTopology'].config.layers[1].class_name = 'FancyAttention')),
    code: 'import-unknown-layer',
    message: /"drop" is a FancyAttention/,
  },
  {
    name: 'a weight file shorter than the manifest',
    files: () => ({ ...good, 'group1-shard1of1.bin': shard().slice(0, shard().byteLength - 8) }),
    code: 'import-weights-short',
    message: /truncated/,
  },
  {
    name: 'a weight file longer than the manifest (TF.js would accept it)',
    files: () => ({ ...good, 'group1-shard1of1.bin': new Uint8Array([...shard(), 0, 0, 0, 0]) }),
    code: 'import-weights-long',
    message: /hold \d+ bytes but model\.json declares/,
  },
  {
    name: 'a NaN weight',
    files: () => ({ ...good, 'group1-shard1of1.bin': floatsAt(shard(), 5, Number.NaN) }),
    code: 'import-weights-non-finite',
    message: /"hidden\/kernel" contains NaN at position 5/,
  },
  {
    name: 'an infinite weight',
    files: () => ({
      ...good,
      'group1-shard1of1.bin': floatsAt(shard(), 128 + 3, Number.POSITIVE_INFINITY),
    }),
    code: 'import-weights-non-finite',
    message: /"hidden\/bias" contains Infinity/,
  },
  {
    name: 'a shard path with ../',
    files: () =>
      withJson((j) => (j['weightsManifest'][0].paths = ['../../secret.bin']), {
        '../../secret.bin': shard(),
      }),
    code: 'import-unsafe-path',
    message: /outside the model folder/,
  },
  {
    name: 'an absolute shard path',
    files: () => withJson((j) => (j['weightsManifest'][0].paths = ['/etc/passwd'])),
    code: 'import-unsafe-path',
    message: /\/etc\/passwd/,
  },
  {
    name: 'a Windows drive shard path',
    files: () => withJson((j) => (j['weightsManifest'][0].paths = ['C:\\Windows\\x.bin'])),
    code: 'import-unsafe-path',
    message: /outside/,
  },
  {
    name: 'a URL as shard path',
    files: () => withJson((j) => (j['weightsManifest'][0].paths = ['https://example.com/w.bin'])),
    code: 'import-unsafe-path',
    message: /outside/,
  },
  {
    name: 'a missing shard',
    files: () => withJson((j) => (j['weightsManifest'][0].paths = ['group1-shard1of2.bin'])),
    code: 'import-missing-shard',
    message: /"group1-shard1of2\.bin".*missing/,
  },
  {
    name: 'a 2 GB declared shape',
    files: () => withJson((j) => (j['weightsManifest'][0].weights[0].shape = [32768, 16384])),
    code: 'import-weights-too-large',
    message: /"hidden\/kernel" declares shape \[32768,16384\]/,
  },
  {
    name: 'an absurd declared shape (no overflow, no hang)',
    files: () => withJson((j) => (j['weightsManifest'][0].weights[0].shape = [1e15, 1e15, 1e15])),
    code: 'import-weights-too-large',
    message: /more than LayerLab can load/,
  },
  {
    name: 'a negative dimension',
    files: () => withJson((j) => (j['weightsManifest'][0].weights[0].shape = [-8, 16])),
    code: 'import-bad-manifest',
    message: /invalid shape/,
  },
  {
    name: 'int8 quantized weights',
    files: () =>
      withJson(
        (j) =>
          (j['weightsManifest'][0].weights[0].quantization = { dtype: 'uint8', scale: 1, min: 0 }),
      ),
    code: 'import-weight-dtype',
    message: /quantized/,
  },
  {
    name: 'a manifest that is not a list',
    files: () => withJson((j) => (j['weightsManifest'] = { paths: [] })),
    code: 'import-bad-manifest',
    message: /not a list/,
  },
  {
    name: 'an LSTM with sigmoid gates (the catalog LSTM uses hard_sigmoid)',
    files: () =>
      withJson((j) => {
        j['modelTopology'].config.layers[1] = {
          class_name: 'LSTM',
          config: { name: 'seq', units: 4, recurrent_activation: 'sigmoid' },
        };
      }),
    code: 'import-unsupported-config',
    message: /"seq" \(LSTM\) uses recurrent_activation "sigmoid"/,
  },
  {
    name: 'a Dense with an activation the catalog lacks',
    files: () => withJson((j) => (j['modelTopology'].config.layers[0].config.activation = 'selu')),
    code: 'import-unsupported-config',
    message: /"hidden" \(Dense\) uses activation "selu"/,
  },
];

describe('importLayersModel refuses bad folders with a coded, named error', () => {
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const result = importLayersModel(c.files());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(c.code);
      expect(result.error.message).toMatch(c.message);
    });
  }

  it('accepts the untouched export (the cases above differ from it in one way each)', () => {
    expect(importLayersModel(good).ok).toBe(true);
  });

  it('names TF.js-level failures when loading for parity checks (unknown layer class)', async () => {
    const files = withJson(
      (j) => (j['modelTopology'].config.layers[1].class_name = 'FancyAttention'),
    );
    expect(readModelFolder(files).ok).toBe(true);
    const loaded = await loadModelFolder(files);
    expect(!loaded.ok && loaded.error).toMatchObject({
      code: 'import-unknown-layer',
      subject: 'FancyAttention',
    });
  });
});
