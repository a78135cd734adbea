import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';

import { runOnnx } from '../../scripts/onnx-runtime-support';
import { parseTrainArgs } from './cli-args';

const repo = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const tsxLoader = pathToFileURL(path.join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
// The CLI's pixel cache goes to a temp folder, not the user's ~/.cache.
const cacheDir = path.join(os.tmpdir(), `layerlab-cli-cache-${process.pid}`);
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

async function cli(
  args: string[],
  where: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      // tsx by path: `--import tsx` would resolve from the cwd, which may be any folder here.
      ['--import', tsxLoader, path.join(repo, 'electron/cli/train.ts'), ...args],
      {
        cwd: where.cwd ?? repo,
        timeout: 120_000,
        env: { ...process.env, LAYERLAB_CACHE_DIR: cacheDir, ...where.env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('parseTrainArgs', () => {
  it('reads every option', () => {
    expect(
      parseTrainArgs([
        'p.layerlab',
        '--data',
        'd',
        '--test',
        't',
        '--epochs',
        '3',
        '--backend',
        'cpu',
        '--out',
        'o',
        '--validation-share',
        '0',
        '--engine',
        'tfjs',
        '--workers',
        '1',
      ]),
    ).toEqual({
      project: 'p.layerlab',
      data: 'd',
      test: 't',
      epochs: 3,
      backend: 'cpu',
      out: 'o',
      validationShare: 0,
      engine: 'tfjs',
      workers: 1,
      loadWeights: null,
      save: null,
      help: false,
    });
  });
  it('reads --load-weights and --save', () => {
    const args = parseTrainArgs([
      'p.layerlab',
      '--load-weights',
      'trained',
      '--save',
      'p2.layerlab',
    ]);
    expect([args.loadWeights, args.save]).toEqual(['trained', 'p2.layerlab']);
  });
  const bad: [string[], RegExp][] = [
    [['--epochs', '0'], /--epochs/],
    [['--engine', 'fast'], /--engine/],
    [['--workers', '0'], /--workers/],
    [['--workers', '1.5'], /--workers/],
    [['--epochs', 'many'], /--epochs/],
    [['--backend', 'webgl'], /wasm or cpu/],
    [['--validation-share', '2'], /--validation-share/],
    [['a', 'b'], /one project/],
  ];
  for (const [argv, message] of bad)
    it(`refuses ${argv.join(' ')}`, () => expect(() => parseTrainArgs(argv)).toThrow(message));
});

describe('npm run train', () => {
  it('trains the mlp template on the bundled digits and writes the export folder', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-'));
    const out = path.join(parent, 'digits-export');
    const args = [
      'mlp-digits',
      '--data',
      path.join(repo, 'assets/samples/digits'),
      '--test',
      path.join(repo, 'assets/samples/digits'),
      '--epochs',
      '2',
      '--out',
      out,
    ];
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dataset .*digits: 200 samples in 10 classes/);
    expect(r.stdout).toMatch(/^epoch 2\/2: loss \d\.\d{4}/m);
    expect(r.stdout).toMatch(/^validation accuracy: [01]\.\d{4}$/m);
    expect(r.stdout).toMatch(/^test accuracy: [01]\.\d{4}$/m);
    expect(r.stdout).toContain(`export folder: ${out}`);
    expect(r.stdout).toMatch(/^export files: .*model\.json.*weights\.npz/m);

    for (const file of [
      'model.json',
      'metadata.json',
      'labels.txt',
      'README.md',
      'predict.html',
      'tf.min.js',
      'predict.mjs',
      'model.py',
      'weights.npz',
      'predict.py',
      'model.onnx',
    ])
      expect(existsSync(path.join(out, file)), file).toBe(true);
    const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
    const metadata = JSON.parse(await readFile(path.join(out, 'metadata.json'), 'utf8')) as {
      labels: string[];
    };
    expect(metadata.labels).toEqual(digits);
    expect((await readFile(path.join(out, 'labels.txt'), 'utf8')).trim().split('\n')).toEqual(
      digits.map((d, i) => `${i} ${d}`),
    );

    // model.json loads as a user would load it, and predicts a distribution over the 10 digits.
    const modelJson = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8')) as {
      format: string;
      modelTopology: object;
      weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
    };
    expect(modelJson.format).toBe('layers-model');
    const manifest = modelJson.weightsManifest;
    expect(manifest.flatMap((g) => g.weights)).toHaveLength(4);
    const shards = await Promise.all(
      manifest.flatMap((g) => g.paths).map((p) => readFile(path.join(out, p))),
    );
    const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
    await tf.setBackend('cpu');
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: manifest.flatMap((g) => g.weights),
        weightData,
      }),
    );
    const probs = tf.tidy(() => model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor);
    expect(probs.shape).toEqual([2, 10]);
    const sums = (await probs.sum(1).data()) as Float32Array;
    for (const s of sums) expect(s).toBeCloseTo(1, 4);
    // model.onnx predicts what model.json predicts (ONNX Runtime, onnxruntime-web in Node).
    const onnx = await runOnnx(
      new Uint8Array(await readFile(path.join(out, 'model.onnx'))),
      { values: new Float32Array(2 * 28 * 28), shape: [2, 28, 28, 1] },
      false,
    );
    const expected = (await probs.array()) as number[][];
    onnx.forEach((row, r) =>
      row.forEach((p, c) => expect(Math.abs(p - (expected[r]?.[c] ?? NaN))).toBeLessThan(1e-4)),
    );
    probs.dispose();
    model.dispose();

    // A second run into the same --out replaces the export (the user named it) and leaves no temp folders.
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(await readdir(parent)).toEqual(['digits-export']);
  }, 300_000);

  it('with no project, trains the bundled sample and exports into a new temporary folder it names, not the current one', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-cwd-'));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-tmp-'));
    try {
      const r = await cli(['--epochs', '1'], { cwd, env: { TMPDIR: tmp } });
      expect(r.code, r.stderr).toBe(0);
      const folder = /^export folder: (.+)$/m.exec(r.stdout)?.[1] ?? '';
      expect(folder).toMatch(/\/layerlab-sample-[^/]+\/mlp-digits-trained$/);
      expect(path.dirname(path.dirname(folder))).toBe(tmp);
      expect(r.stdout).toMatch(/temporary folder; --out DIR writes it where you choose/);
      expect(existsSync(path.join(folder, 'model.json'))).toBe(true);
      expect(existsSync(path.join(folder, 'predict.html'))).toBe(true);
      expect(await readdir(cwd)).toEqual([]);
    } finally {
      await rm(cwd, { recursive: true, force: true });
      await rm(tmp, { recursive: true, force: true });
    }
  }, 300_000);

  it('exits non-zero with a clear message on an unusable dataset, listing skipped files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-bad-'));
    await mkdir(path.join(dir, 'cats'), { recursive: true });
    await writeFile(path.join(dir, 'cats', 'broken.png'), 'not a png');
    const r = await cli(['lenet', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cats\/broken\.png: not-an-image/);
    expect(r.stderr).toMatch(/^error: The dataset cannot be used for training/m);
  });

  it('exits 2 on an unreadable project', async () => {
    const r = await cli(['/nonexistent/project.layerlab', '--data', '/tmp']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read the project/);
  });
});
