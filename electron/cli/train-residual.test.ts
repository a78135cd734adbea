/**
 * The residual CNN template on the CLI (issue 21): LayerLab's engine trains
 * it (a graph with two Add merges and batch normalization, no TF.js
 * fallback), and after the template's 3 epochs it classifies held-out
 * Fashion-MNIST (Debian's dataset-fashion-mnist) at least as well as the
 * LeNet template trained the same way on the same subset. A subset keeps the
 * test short: 600 training and 100 test images per class.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeFashionMnistFolders } from '../../scripts/fashion-mnist';

const repo = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const tsxLoader = pathToFileURL(path.join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(path.join(os.tmpdir(), 'layerlab-residual-'));
const train = path.join(work, 'train');
const test = path.join(work, 'test');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  await writeFashionMnistFolders(train, 'train', { perClass: 600 });
  await writeFashionMnistFolders(test, 'test', { perClass: 100 });
}, 300_000);

async function trainTemplate(id: string): Promise<{ stdout: string; accuracy: number }> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      tsxLoader,
      path.join(repo, 'electron/cli/train.ts'),
      id,
      '--data',
      train,
      '--test',
      test,
      '--out',
      path.join(work, `${id}-trained`),
    ],
    {
      cwd: repo,
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, LAYERLAB_CACHE_DIR: path.join(work, 'cache') },
    },
  );
  const accuracy = Number(/^test accuracy: ([01]\.\d{4})$/m.exec(stdout)?.[1] ?? Number.NaN);
  return { stdout, accuracy };
}

describe('npm run train -- residual-cnn (Fashion-MNIST subset, 3 epochs)', () => {
  it('trains on the engine and reaches at least LeNet’s test accuracy', async () => {
    const residual = await trainTemplate('residual-cnn');
    expect(residual.stdout).toMatch(/^engine: LayerLab /m);
    expect(residual.stdout).toMatch(/^epoch 3\/3/m);
    const lenet = await trainTemplate('lenet');
    expect(lenet.stdout).toMatch(/^engine: LayerLab /m);
    process.stdout.write(
      `test accuracy after 3 epochs on 6,000 images: residual CNN ${residual.accuracy}, LeNet ${lenet.accuracy}\n`,
    );
    expect(lenet.accuracy).toBeGreaterThan(0.7); // the comparison means something
    expect(residual.accuracy).toBeGreaterThanOrEqual(lenet.accuracy);
  }, 1_200_000);
});
