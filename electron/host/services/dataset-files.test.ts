import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  maxBatchBytes,
  maxDatasetFileBytes,
  readAllSlowly,
  readFilesInside,
} from './dataset-files';

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

describe('readFilesInside: FIFOs behind symlinks', () => {
  it('refuses five symlinks to FIFOs without blocking a file-system thread, then still reads a file', () => {
    // In a child process with a timeout: a blocked open() would hang this test's own thread pool.
    const script = [
      "import { mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';",
      "import { execFileSync, spawnSync } from 'node:child_process';",
      "import os from 'node:os';",
      "import path from 'node:path';",
      `import { readFilesInside } from ${JSON.stringify(path.join(__dirname, 'dataset-files.ts'))};`,
      "const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'layerlab-fifo-')));",
      'const paths = [];',
      'for (let i = 0; i < 5; i++) {',
      "  execFileSync('mkfifo', [path.join(root, `pipe${i}`)]);",
      '  symlinkSync(path.join(root, `pipe${i}`), path.join(root, `link${i}.png`));',
      '  paths.push(`link${i}.png`);',
      '}',
      "writeFileSync(path.join(root, 'ok.png'), 'ok');",
      'const first = await readFilesInside(root, paths);',
      "const second = await readFilesInside(root, ['ok.png']);",
      'console.log(JSON.stringify([...first, ...second].map((r) => (r.ok ? r.bytes.length : r.error.code))));',
      "execFileSync('rm', ['-rf', root]);",
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8', timeout: 20_000 },
    );
    expect(child.signal, 'the read blocked until the timeout').toBeNull();
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
      2,
    ]);
  }, 30_000);
});

describe('readFilesInside: bytes per batch', () => {
  const mb = 1024 * 1024;
  beforeAll(async () => {
    await mkdir(path.join(root, 'big'), { recursive: true });
    for (const name of ['a', 'b', 'c']) {
      await writeFile(path.join(root, 'big', `${name}.png`), '');
      await truncate(path.join(root, 'big', `${name}.png`), 30 * mb);
    }
    await writeFile(path.join(root, 'big', 'max.png'), '');
    await truncate(path.join(root, 'big', 'max.png'), maxDatasetFileBytes);
  });

  it(`answers with a shorter batch once ${maxBatchBytes / mb} MB are read; the caller asks again for the rest`, async () => {
    const paths = Array.from({ length: 30 }, () => 'big/a.png');
    const results = await readFilesInside(root, paths);
    expect(results.length).toBe(Math.floor(maxBatchBytes / (30 * mb)));
    const total = results.reduce((n, r) => n + (r.ok ? r.bytes.byteLength : 0), 0);
    expect(total).toBeLessThanOrEqual(maxBatchBytes);
  });

  it('always returns the first file, even one of the largest allowed size, and small failures do not count', async () => {
    const results = await readFilesInside(root, ['cats/missing.png', 'big/max.png', 'big/a.png']);
    expect(results.map((r) => (r.ok ? r.bytes.byteLength : r.error.code))).toEqual([
      'not-found',
      maxDatasetFileBytes,
    ]);
  });

  it('caps symlinked files (the careful path) too', async () => {
    await symlink(path.join(root, 'big', 'b.png'), path.join(root, 'big', 'link-b.png'));
    const results = await readFilesInside(root, [
      'big/link-b.png',
      'big/link-b.png',
      'big/link-b.png',
    ]);
    expect(results.length).toBe(2);
  });

  it('caps the careful path used without O_NOFOLLOW (Windows) too: a prefix, the first path always in it', async () => {
    // Reads run 16 at a time and reserve bytes as they learn sizes, so how many fit varies;
    // the bound does not: the cap, plus the first file, which always comes.
    const total = (rs: Awaited<ReturnType<typeof readAllSlowly>>) =>
      rs.reduce((n, r) => n + (r.ok ? r.bytes.byteLength : 0), 0);
    const results = await readAllSlowly(
      root,
      Array.from({ length: 30 }, () => 'big/a.png'),
    );
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results.length).toBeLessThan(30);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(total(results)).toBeLessThanOrEqual(maxBatchBytes + 30 * mb);
    const first = await readAllSlowly(root, ['big/max.png', 'big/a.png', 'big/max.png']);
    expect(first[0]?.ok === true ? first[0].bytes.byteLength : null).toBe(maxDatasetFileBytes);
    expect(first.length).toBeLessThan(3);
  });
});
