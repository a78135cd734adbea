/**
 * The exported programs run as documented (`python3 predict.py input.json`
 * with Debian's python3-torch, `node predict.mjs input.json`) in a scratch
 * folder for projects whose names, model names and class names carry code:
 * nothing runs, no file appears besides Python's own `__pycache__`, and the
 * labels printed hold no terminal control sequences.
 *
 * If no Python with torch is installed this test FAILS (it does not skip).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportModel } from '../core/io/export/export-model';
import { findTorchPython, makeExportDir, repoRoot, writeFileMap } from './export-test-support';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const attacks = [
  'x\nimport os; os.system("touch PWNED")\n#',
  'x\r__import__("os").system("touch PWNED")',
  '"""\nimport os\nos.system("touch PWNED")\n"""',
  '# -*- coding: utf-7 -*-\n+AAo-import os+ADs-os.system(+ACI-touch PWNED+ACI-)',
];
const terminalAttack = '\u001b[2J\u001b]0;owned\u0007cat';

async function exportTo(name: string): Promise<string> {
  const input = tf.input({ shape: [4], name: 'features' });
  const hidden = tf.layers.dense({ units: 3, activation: 'relu', name: 'hidden' }).apply(input);
  const out = tf.layers
    .dense({ units: 3, activation: 'softmax', name: 'out' })
    .apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out, name });
  const files = await exportModel(model, {
    modelName: name,
    labels: [terminalAttack, name, 'dog'],
    inputShape: [null, 4],
    image: null,
    text: null,
    versions: { layerlab: '0.1.0', tfjs: tf.version.tfjs },
    training: null,
    exportedAt: '2026-01-01T00:00:00.000Z',
  });
  model.dispose();
  const { dir, remove } = makeExportDir('run-injection');
  cleanups.push(remove);
  writeFileMap(dir, files);
  writeFileSync(join(dir, 'input.json'), JSON.stringify([[0.1, 0.2, 0.3, 0.4]]));
  return dir;
}

describe('exported programs run inert for hostile project names', () => {
  const found = findTorchPython();

  it('finds a Python with PyTorch (apt-get install python3-torch)', () => {
    expect('problem' in found ? found.problem : '').toBe('');
  });

  for (const [i, name] of attacks.entries()) {
    it(`predict.py and predict.mjs run without side effects (attack ${i + 1}: ${JSON.stringify(name.slice(0, 40))})`, async () => {
      if (!('python' in found)) throw new Error(found.problem);
      const dir = await exportTo(name);
      const before = readdirSync(dir).sort();
      const py = spawnSync(found.python, ['predict.py', 'input.json'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(existsSync(join(dir, 'PWNED')), 'predict.py ran code from the project name').toBe(
        false,
      );
      expect(py.stderr).toBe('');
      expect(py.status).toBe(0);
      const node = spawnSync(process.execPath, ['predict.mjs', 'input.json'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(node.status, node.stderr).toBe(0);
      for (const output of [py.stdout, node.stdout]) {
        expect(output.split('\n').filter((l) => l.trim() !== '').length).toBe(3);
        // eslint-disable-next-line no-control-regex -- looking for terminal control characters
        expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }
      expect(existsSync(join(dir, 'PWNED'))).toBe(false);
      expect(existsSync(join(repoRoot, 'PWNED'))).toBe(false);
      expect(
        readdirSync(dir)
          .filter((f) => f !== '__pycache__')
          .sort(),
      ).toEqual(before);
    });
  }
});
