/**
 * The PyTorch route, checked end to end: models trained briefly in TF.js
 * (CPU backend) are exported, the generated model.py + weights.npz are loaded
 * by a real PyTorch (Debian's python3-torch), and both must agree: same top-1
 * on every sample and every probability within 1e-4.
 *
 * If no Python with torch is installed this test FAILS (it does not skip):
 * CI installs python3-torch, and a missing install must be noticed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { compareProbabilities, encodeNpy, exportModel } from '../core/index';
import { buildTestModel } from '../core/io/export/testing/test-models';
import type { TestModelKind } from '../core/io/export/testing/test-models';
import {
  findTorchPython,
  makeExportDir,
  readNpyRows,
  repoRoot,
  writeFileMap,
} from './export-test-support';

const parityScript = join(repoRoot, 'core', 'io', 'export', 'python', 'parity_check.py');
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => cleanups.forEach((c) => c()));

async function exportToDisk(
  kind: TestModelKind,
): Promise<{ dir: string; tfjs: number[][]; samples: tf.Tensor }> {
  const { model, samples, info } = await buildTestModel(kind);
  const files = await exportModel(model, info);
  const { dir, remove } = makeExportDir(kind);
  cleanups.push(remove);
  writeFileMap(dir, files);
  const tfjs = tf.tidy(() => (model.predict(samples) as tf.Tensor).arraySync() as number[][]);
  model.dispose();
  return { dir, tfjs, samples };
}

describe('PyTorch export parity (python3-torch)', () => {
  const kinds: { kind: TestModelKind; what: string }[] = [
    { kind: 'mlp', what: 'an MLP (Dense, Dropout, softmax)' },
    {
      kind: 'cnn',
      what: 'a CNN with BatchNormalization, max and average pooling and asymmetric "same" padding',
    },
    {
      kind: 'lstm',
      what: 'a stacked LSTM text model (TF.js hard_sigmoid gates, return_sequences)',
    },
    { kind: 'lstm-sigmoid', what: 'an LSTM with sigmoid gates (exported as torch nn.LSTM)' },
    { kind: 'gru', what: 'a GRU text model (TF.js reset_after=false equations)' },
    { kind: 'gru-masked', what: 'a GRU after an Embedding with mask_zero on padded texts' },
    {
      kind: 'lstm-masked',
      what: 'an LSTM after an Embedding with mask_zero on pre-padded texts (the text template)',
    },
    { kind: 'simple-rnn', what: 'a SimpleRNN text model' },
    { kind: 'conv1d-text', what: 'a Conv1D text model (asymmetric "same" padding, stride 2)' },
    { kind: 'branch', what: 'a functional model with Add and Concatenate' },
  ];
  for (const { kind, what } of kinds) {
    it(`${what}: same top-1 on every sample, probabilities within 1e-4`, async () => {
      const found = findTorchPython();
      if ('problem' in found) throw new Error(found.problem);
      const { dir, tfjs, samples } = await exportToDisk(kind);
      const samplesPath = join(dir, 'samples.npy');
      const outPath = join(dir, 'torch-out.npy');
      writeFileSync(
        samplesPath,
        encodeNpy({
          dtype: 'float32',
          shape: samples.shape,
          values: samples.dataSync() as Float32Array,
        }),
      );
      samples.dispose();
      const run = spawnSync(found.python, [parityScript, dir, samplesPath, outPath], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr, 'python3 parity_check.py failed').toBe('');
      expect(run.status).toBe(0);
      const torch = readNpyRows(readFileSync(outPath));
      const report = compareProbabilities(tfjs, torch);
      expect(report.total).toBe(24);
      expect(report.sameTop1).toBe(report.total);
      expect(report.maxProbDiff).toBeLessThan(1e-4);
    });
  }

  it('predict.py runs on a saved input and prints the top class with its label', async () => {
    const found = findTorchPython();
    if ('problem' in found) throw new Error(found.problem);
    const { dir, tfjs, samples } = await exportToDisk('cnn');
    const one = samples.slice([0], [1]);
    writeFileSync(
      join(dir, 'input.npy'),
      encodeNpy({ dtype: 'float32', shape: one.shape, values: one.dataSync() as Float32Array }),
    );
    tf.dispose([one, samples]);
    const run = spawnSync(found.python, [join(dir, 'predict.py'), join(dir, 'input.npy')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const first = tfjs[0] ?? [];
    const best = first.indexOf(Math.max(...first));
    const label = ['猫', 'dog', 'bird'][best];
    expect(run.stdout.split('\n')[0]).toMatch(
      new RegExp(`^${label}\\t${(first[best] ?? 0).toFixed(4)}`),
    );
  });
});
