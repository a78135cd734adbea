import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { maxDatasetFileBytes, readFilesInside } from './dataset-files';

let base: string;
let root: string;
beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-files-')));
  root = path.join(base, 'data');
  await mkdir(path.join(root, 'cats', 'deep'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'secret.png'), 'secret');
  await writeFile(path.join(root, 'cats', '1.png'), Uint8Array.from([1, 2, 3]));
  await writeFile(path.join(root, 'cats', 'deep', '2.png'), Uint8Array.from([4]));
  await writeFile(path.join(root, 'cats', 'empty.png'), new Uint8Array(0));
  await symlink(path.join(root, 'cats', '1.png'), path.join(root, 'cats', 'link-inside.png'));
  await symlink(path.join(base, 'outside'), path.join(root, 'escape-dir'));
  await writeFile(path.join(root, 'cats', 'huge.png'), '');
  await truncate(path.join(root, 'cats', 'huge.png'), maxDatasetFileBytes + 1); // sparse: no disk used
  execFileSync('mkfifo', [path.join(root, 'cats', 'pipe.png')]);
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('readFilesInside (host, batch reads)', () => {
  it('reads plain and nested files, follows a symlink that stays inside, and answers every odd file without hanging', async () => {
    const paths = [
      'cats/1.png',
      'cats/deep/2.png',
      'cats/empty.png',
      'cats/link-inside.png',
      'escape-dir/secret.png',
      'cats/huge.png',
      'cats/pipe.png',
      'cats/deep',
      'cats/missing.png',
      '../data/cats/1.png',
    ];
    const results = await readFilesInside(root, paths);
    expect(results.map((r) => r.path)).toEqual(paths);
    expect(results.map((r) => (r.ok ? [...r.bytes].join(',') : r.error.code))).toEqual([
      '1,2,3',
      '4',
      '',
      '1,2,3',
      'outside-grant',
      'too-large',
      'invalid-argument',
      'invalid-argument',
      'not-found',
      'outside-grant',
    ]);
  });
});
