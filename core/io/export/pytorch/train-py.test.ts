import * as tf from '@tensorflow/tfjs';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';

import { defaultImageOptions } from '../../../data/config';
import { defaultTrainingConfig } from '../../../train/config';
import { hostileStrings } from '../../escape/hostile-strings';
import { readModelFolder } from '../../import/model-folder';
import type { ExportInfo } from '../export-info';
import { exportModel } from '../export-model';
import { buildTestModel, type TestModelKind } from '../testing/test-models';
import { encodeNpy } from './npz';
import { decodeNpy } from './npz-read';
import { trainPy } from './train-py';
import { weightsFromNpz } from './weights-from-npz';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const setup = (validationKeys: readonly string[] | null) => ({
  training: defaultTrainingConfig,
  validationKeys,
  augmentation: defaultImageOptions.augmentation,
});

async function exported(kind: TestModelKind, info: Partial<ExportInfo> = {}) {
  const built = await buildTestModel(kind);
  const files = await exportModel(built.model, {
    ...built.info,
    ...info,
    trainScript: setup(['a/1.png']),
  });
  const folder = readModelFolder(files);
  if (!folder.ok) throw new Error(folder.error.message);
  built.model.dispose();
  return { files, topology: folder.value.topology, weights: folder.value.weights.weights };
}

/** weights.npz with one entry replaced (or removed, for `null`). */
function edited(npz: Uint8Array, key: string, array: Parameters<typeof encodeNpy>[0] | null) {
  const entries: Record<string, Uint8Array> = unzipSync(npz);
  delete entries[`${key}.npy`];
  if (array !== null) entries[`${key}.npy`] = encodeNpy(array);
  return zipSync(entries, { level: 0 });
}

function entry(npz: Uint8Array, key: string) {
  const bytes = unzipSync(npz)[`${key}.npy`];
  if (bytes === undefined) throw new Error(`no ${key}`);
  const array = decodeNpy(bytes);
  if (!array.ok || array.value.dtype !== 'float32') throw new Error(`bad ${key}`);
  return array.value;
}

describe('train.py in the export folder', () => {
  it('is the constant script, with the settings, validation files and frozen entries in train-config.json', async () => {
    const { files } = await exported('lstm-sigmoid', {
      image: null,
      text: {
        tokenizer: { ...(await buildTestModel('lstm')).info.text!.tokenizer },
        vocabulary: ['', '[UNK]', 'a'],
      },
    });
    expect(files['train.py']).toBe(trainPy);
    const config = JSON.parse(files['train-config.json'] as string) as {
      training: unknown;
      split: { validationKeys: string[] };
      frozen: string[];
    };
    expect(config.training).toEqual(defaultTrainingConfig);
    expect(config.split.validationKeys).toEqual(['a/1.png']);
    // nn.LSTM's second bias has no TF.js weight: train.py must keep it at 0.
    expect(config.frozen).toEqual(['lstm.bias_hh_l0']);
    expect(files['README.md']).toMatch(/torchrun --nnodes 2/);
    expect(files['README.md']).toMatch(/#SBATCH --nodes=2/);
  });

  it('keeps hostile class and file names as JSON data, never as Python source', async () => {
    const built = await buildTestModel('cnn');
    const labels = hostileStrings.slice(0, built.info.labels.length);
    const keys = hostileStrings.map((s, i) => `${labels[i % labels.length]}/${s}.png`);
    const files = await exportModel(built.model, {
      ...built.info,
      labels,
      modelName: hostileStrings.join(' '),
      trainScript: setup(keys),
    });
    built.model.dispose();
    expect(files['train.py']).toBe(trainPy);
    const config = JSON.parse(files['train-config.json'] as string) as {
      split: { validationKeys: string[] };
    };
    expect(config.split.validationKeys).toEqual(keys);
    const metadata = JSON.parse(files['metadata.json'] as string) as { labels: string[] };
    expect(metadata.labels).toEqual(labels);
  });
});

describe('weightsFromNpz', () => {
  const kinds: TestModelKind[] = ['mlp', 'cnn', 'lstm', 'lstm-sigmoid', 'gru', 'branch'];
  for (const kind of kinds)
    it(`maps the exported weights.npz of the ${kind} model back to its TF.js weights exactly`, async () => {
      const { files, topology, weights } = await exported(kind);
      const back = weightsFromNpz(topology, weights, files['weights.npz'] as Uint8Array);
      if (!back.ok) throw new Error(back.error.message);
      expect(back.value.map((w) => w.name)).toEqual(weights.map((w) => w.name));
      back.value.forEach((w, i) => expect(w.values).toEqual(weights[i]?.values));
    });

  it('refuses weights of another network with the entry and the reason', async () => {
    const { files, topology, weights } = await exported('cnn');
    const npz = files['weights.npz'] as Uint8Array;
    const keys = Object.keys(unzipSync(npz)).map((k) => k.slice(0, -4));
    const key = keys.find((k) => k.endsWith('.weight')) ?? '';
    const codeOf = (bytes: Uint8Array) => {
      const r = weightsFromNpz(topology, weights, bytes);
      return r.ok ? 'ok' : { code: r.error.code, args: r.error.args };
    };
    expect(codeOf(edited(npz, key, null))).toEqual({
      code: 'torch-weights-missing',
      args: { key },
    });
    const wrong = entry(npz, key);
    expect(
      codeOf(
        edited(npz, key, { dtype: 'float32', shape: [...wrong.shape, 1], values: wrong.values }),
      ),
    ).toMatchObject({ code: 'torch-weights-wrong-shape', args: { key } });
    const nan = Float32Array.from(wrong.values);
    nan[0] = Number.NaN;
    expect(codeOf(edited(npz, key, { ...wrong, values: nan }))).toMatchObject({
      code: 'torch-weights-not-finite',
    });
    expect(
      codeOf(
        edited(npz, 'extra.weight', { dtype: 'float32', shape: [1], values: new Float32Array(1) }),
      ),
    ).toEqual({ code: 'torch-weights-extra', args: { key: 'extra.weight' } });
    expect(codeOf(new Uint8Array([1, 2, 3]))).toMatchObject({ code: 'torch-weights-unreadable' });
  });

  it('refuses a changed nn.LSTM second bias, which TF.js has no place for', async () => {
    const { files, topology, weights } = await exported('lstm-sigmoid');
    const npz = files['weights.npz'] as Uint8Array;
    const bias = entry(npz, 'lstm.bias_hh_l0');
    const r = weightsFromNpz(
      topology,
      weights,
      edited(npz, 'lstm.bias_hh_l0', { ...bias, values: bias.values.map(() => 0.5) }),
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('torch-weights-not-representable');
  });
});
