import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { parseTrainArgs } from './cli-args';

const repo = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(repo, 'electron/cli/train.ts'), ...args],
      { cwd: repo, timeout: 120_000 },
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
      ]),
    ).toEqual({
      project: 'p.layerlab',
      data: 'd',
      test: 't',
      epochs: 3,
      backend: 'cpu',
      out: 'o',
      validationShare: 0,
      help: false,
    });
  });
  const bad: [string[], RegExp][] = [
    [['--epochs', '0'], /--epochs/],
    [['--epochs', 'many'], /--epochs/],
    [['--backend', 'webgl'], /wasm or cpu/],
    [['--validation-share', '2'], /--validation-share/],
    [['a', 'b'], /one project/],
  ];
  for (const [argv, message] of bad)
    it(`refuses ${argv.join(' ')}`, () => expect(() => parseTrainArgs(argv)).toThrow(message));
});

describe('npm run train', () => {
  it('trains the mlp template on the bundled digits and writes the model', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-'));
    const r = await cli([
      'mlp-digits',
      '--data',
      path.join(repo, 'assets/samples/digits'),
      '--test',
      path.join(repo, 'assets/samples/digits'),
      '--epochs',
      '2',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dataset .*digits: 200 samples in 10 classes/);
    expect(r.stdout).toMatch(/^epoch 2\/2: loss \d\.\d{4}/m);
    expect(r.stdout).toMatch(/^validation accuracy: [01]\.\d{4}$/m);
    expect(r.stdout).toMatch(/^test accuracy: [01]\.\d{4}$/m);
    const modelJson = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8')) as {
      format: string;
      weightsManifest: { weights: unknown[] }[];
    };
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0]?.weights).toHaveLength(4);
    expect(existsSync(path.join(out, 'weights.bin'))).toBe(true);
  });

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
