import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { defaultImageOptions } from '../../core/data/index';
import { parseProject, serializeProject } from '../../core/io/index';

/**
 * The project's saved test folder (set in the Dataset panel) is evaluated by
 * `npm run train` when no `--test` is given, as long as that folder exists.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const digits = path.join(repo, 'assets/samples/digits');
const parent = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-testfolder-'));
afterAll(() => rm(parent, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(repo, 'electron/cli/train.ts'), ...args],
      {
        cwd: repo,
        timeout: 120_000,
        env: { ...process.env, LAYERLAB_CACHE_DIR: path.join(parent, 'cache') },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The MLP template with the digits sample attached, and `testFolder` as saved by the app. */
async function projectWithTestFolder(name: string, testFolder: string): Promise<string> {
  const parsed = parseProject(
    await readFile(path.join(repo, 'assets/templates/mlp-digits.layerlab'), 'utf8'),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const file = path.join(parent, `${name}.layerlab`);
  const project = {
    ...parsed.value,
    dataset: {
      kind: 'image' as const,
      folder: { name: 'digits', displayPath: digits },
      testFolder: { name: path.basename(testFolder), displayPath: testFolder },
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      split: { seed: 1, validationShare: 0.2 },
      image: defaultImageOptions,
      text: null,
      vocabulary: null,
    },
  };
  await writeFile(file, serializeProject(project));
  return file;
}

describe('npm run train with a project that has a test folder', () => {
  it('evaluates the saved test folder without --test', async () => {
    const project = await projectWithTestFolder('with-test', digits);
    const r = await cli([project, '--epochs', '1', '--out', path.join(parent, 'out-1')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`test ${digits}`);
    expect(r.stdout).toMatch(/^test accuracy: [01]\.\d{4}$/m);
  }, 150_000);

  it('leaves out, and names, a test class the training data does not have', async () => {
    const test = path.join(parent, 'test-extra-class');
    await cp(path.join(digits, '0'), path.join(test, '0'), { recursive: true });
    await cp(path.join(digits, '1'), path.join(test, '1'), { recursive: true });
    await cp(path.join(digits, '2'), path.join(test, 'x-umbrella'), { recursive: true });
    const r = await cli([
      path.join(repo, 'assets/templates/mlp-digits.layerlab'),
      '--data',
      digits,
      '--test',
      test,
      '--epochs',
      '1',
      '--out',
      path.join(parent, 'out-3'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'test class "x-umbrella" is not in the training data: its samples are left out',
    );
    expect(r.stdout).toMatch(/^test accuracy: [01]\.\d{4}$/m);
  }, 150_000);

  it('skips a saved test folder that no longer exists', async () => {
    const project = await projectWithTestFolder('gone-test', path.join(parent, 'gone'));
    const r = await cli([project, '--epochs', '1', '--out', path.join(parent, 'out-2')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^validation accuracy: /m);
    expect(r.stdout).not.toMatch(/^test accuracy:/m);
  }, 150_000);
});
