import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { exportWithParity, generateSamples, predictBatch, verifyImport } from './export-check';
import { exportModel } from './export-model';
import { buildTestModel } from './testing/test-models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('exportWithParity', () => {
  it('reports N of N with difference 0 against the model itself', async () => {
    const { model, info } = await buildTestModel('cnn');
    const samples = generateSamples(model, 16);
    expect(samples.shape).toEqual([16, 12, 12, 1]);
    const result = await exportWithParity(model, info, samples);
    expect(result.ok && result.value.parity).toEqual({ sameTop1: 16, total: 16, maxProbDiff: 0 });
    model.dispose();
  });

  it('reports the difference to a reference that disagrees (it does not just compare the files with themselves)', async () => {
    const { model, info } = await buildTestModel('mlp');
    const samples = generateSamples(model, 4);
    const reference = predictBatch(model, samples).map((row) => [...row].reverse());
    const result = await exportWithParity(model, info, samples, { reference });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.parity.total).toBe(4);
    expect(result.value.parity.maxProbDiff).toBeGreaterThan(0);
    model.dispose();
  });

  it('generates token ids inside the vocabulary for text models', async () => {
    const { model } = await buildTestModel('gru');
    const samples = generateSamples(model, 8, 3);
    expect(samples.shape).toEqual([8, 10]);
    expect(Array.from(samples.values).every((v) => Number.isInteger(v) && v >= 2 && v < 20)).toBe(
      true,
    );
    model.dispose();
  });
});

describe('verifyImport', () => {
  it('proves an imported graph predicts exactly like the files it came from', async () => {
    const { model, info } = await buildTestModel('lstm');
    const result = await verifyImport(await exportModel(model, info), 8);
    expect(result.ok && result.value.parity).toEqual({ sameTop1: 8, total: 8, maxProbDiff: 0 });
    expect(result.ok && Object.keys(result.value.imported.weights)).toEqual([
      'embedding',
      'lstm_1',
      'lstm_2',
      'output',
    ]);
    model.dispose();
  });

  it('passes import errors through unchanged', async () => {
    const result = await verifyImport({ 'model.json': '{}' });
    expect(!result.ok && result.error.code).toBe('import-bad-topology');
  });
});
