/**
 * The generated predict.mjs, run as a user would (`node predict.mjs … --json`
 * in the export folder), must print the same probabilities as the original
 * model, and tokenise text exactly as LayerLab's core tokenizer does.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { compareProbabilities, exportModel, vectorizeText } from '../core/index';
import { buildTestModel } from '../core/io/export/testing/test-models';
import { makeExportDir, writeFileMap } from './export-test-support';

const cleanups: (() => void)[] = [];
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => cleanups.forEach((c) => c()));

function runPredict(dir: string, input: string): number[][] {
  const run = spawnSync(process.execPath, [join(dir, 'predict.mjs'), input, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`node predict.mjs failed: ${run.stderr}`);
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(lastLine) as number[][];
}

describe('predict.mjs (Node, @tensorflow/tfjs)', () => {
  it('prints the same probabilities as the model for a preprocessed input.json', async () => {
    const { model, samples, info } = await buildTestModel('cnn');
    const { dir, remove } = makeExportDir('node-cnn');
    cleanups.push(remove);
    writeFileMap(dir, await exportModel(model, info, { shardBytes: 256 }));
    const batch = samples.slice([0], [4]);
    writeFileSync(join(dir, 'input.json'), JSON.stringify(batch.arraySync()));
    const expected = tf.tidy(() => (model.predict(batch) as tf.Tensor).arraySync() as number[][]);
    const report = compareProbabilities(expected, runPredict(dir, join(dir, 'input.json')));
    expect(report).toEqual({ sameTop1: 4, total: 4, maxProbDiff: 0 });
    tf.dispose([batch, samples]);
    model.dispose();
  });

  it('tokenises a raw text like core/data (punctuation, case, unknown words, padding)', async () => {
    const { model, info } = await buildTestModel('lstm');
    const { dir, remove } = makeExportDir('node-text');
    cleanups.push(remove);
    writeFileMap(dir, await exportModel(model, info));
    const text = 'A, b! C zz d… e';
    const options = info.text?.tokenizer;
    const vocabulary = info.text?.vocabulary ?? [];
    if (options === undefined) throw new Error('test model has no tokenizer');
    const ids = vectorizeText(text, options, vocabulary);
    // 'zz' is not in the vocabulary: it must become 1 ([UNK]), and the tail padding 0.
    expect(Array.from(ids)).toEqual([2, 3, 4, 1, 5, 6, 0, 0, 0, 0]);
    const expected = tf.tidy(
      () => (model.predict(tf.tensor2d([Array.from(ids)])) as tf.Tensor).arraySync() as number[][],
    );
    expect(compareProbabilities(expected, runPredict(dir, text)).maxProbDiff).toBe(0);
    model.dispose();
  });
});
