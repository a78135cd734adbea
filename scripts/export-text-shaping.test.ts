/**
 * Exported text models shape a text as training did: predict.mjs (and the
 * same code in predict.html) and predict.py's tokenizer pad and cut at the
 * end metadata.json names (Keras pad_sequences `padding` / `truncating`), so
 * a model trained on the end of long mails sees the end of a long mail.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { compareProbabilities, exportModel, vectorizeText } from '../core/index';
import type { TextOptions } from '../core/index';
import { buildTestModel } from '../core/io/export/testing/test-models';
import { makeExportDir, writeFileMap } from './export-test-support';

const cleanups: (() => void)[] = [];
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => cleanups.forEach((c) => c()));

// 12 tokens for a sequence length of 10, and 3 tokens: one text is cut, one padded.
const long = 'a b c d e f a b c d e zz';
const short = 'b, C!';
const shapings = [
  { padding: 'pre', truncating: 'pre' },
  { padding: 'post', truncating: 'post' },
  { padding: 'pre', truncating: 'post' },
] as const;

describe.each(shapings)('text export with padding $padding, truncating $truncating', (shaping) => {
  async function exported() {
    const { model, info } = await buildTestModel('lstm');
    const tokenizer = info.text?.tokenizer as TextOptions;
    const options: TextOptions = { ...tokenizer, ...shaping };
    const vocabulary = info.text?.vocabulary ?? [];
    const { dir, remove } = makeExportDir(`text-${shaping.padding}-${shaping.truncating}`);
    cleanups.push(remove);
    writeFileMap(
      dir,
      await exportModel(model, { ...info, text: { tokenizer: options, vocabulary } }),
    );
    return { model, dir, options, vocabulary };
  }

  it('predict.mjs gives the model’s own answer on a cut and a padded text', async () => {
    const { model, dir, options, vocabulary } = await exported();
    const meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as {
      preprocessing: { text: Record<string, unknown> };
    };
    expect(meta.preprocessing.text).toMatchObject(shaping);
    for (const text of [long, short]) {
      const ids = Array.from(vectorizeText(text, options, vocabulary));
      const expected = tf.tidy(
        () => (model.predict(tf.tensor2d([ids])) as tf.Tensor).arraySync() as number[][],
      );
      const run = spawnSync(process.execPath, [join(dir, 'predict.mjs'), text, '--json'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const got = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as number[][];
      expect(compareProbabilities(expected, got).maxProbDiff).toBe(0);
    }
    model.dispose();
  });

  it('predict.py tokenises to the same ids as LayerLab (its tokenize function, run by python3)', async () => {
    const { model, dir, options, vocabulary } = await exported();
    model.dispose();
    // The whole script needs torch; its tokenize() needs only numpy and metadata.json.
    const script = readFileSync(join(dir, 'predict.py'), 'utf8');
    const tokenize = script.slice(
      script.indexOf('def tokenize('),
      script.indexOf('\ndef load_input('),
    );
    const program = [
      'import json, sys, unicodedata',
      'from pathlib import Path',
      'import numpy as np',
      `HERE = Path(${JSON.stringify(dir)})`,
      "META = json.loads((HERE / 'metadata.json').read_text(encoding='utf-8'))",
      tokenize,
      'print(json.dumps([tokenize(t).astype(int).tolist()[0] for t in json.loads(sys.argv[1])]))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', program, JSON.stringify([long, short])], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      [long, short].map((t) => Array.from(vectorizeText(t, options, vocabulary))),
    );
  });
});
