import * as fsp from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeExportFolder, type ExportFs } from './export-writer';

const realFs: ExportFs = {
  mkdir: fsp.mkdir,
  writeFile: fsp.writeFile,
  rename: fsp.rename,
  rm: fsp.rm,
  lstat: fsp.lstat,
  realpath: fsp.realpath,
};

const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

/** Real fs, except writeFile fails with `code` from the `n`th call on. */
function failingWrites(code: string, fromCall: number): ExportFs {
  let calls = 0;
  return {
    ...realFs,
    writeFile: (async (...args: Parameters<typeof fsp.writeFile>) => {
      calls += 1;
      if (calls >= fromCall) throw errno(code);
      return fsp.writeFile(...args);
    }) as typeof fsp.writeFile,
  };
}

const files = {
  'model.json': '{"format":"layers-model"}',
  'group1-shard1of1.bin': new Uint8Array([1, 2, 3, 4]),
  'python/model.py': 'import torch\n',
};

describe('writeExportFolder', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-export-')));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('writes every file, nested folders included, and leaves no temp folder', async () => {
    const written = await writeExportFolder({
      parentDir: parent,
      suggestedName: 'mnist cnn',
      files,
      overwrite: false,
    });
    expect(written.displayPath).toBe(path.join(parent, 'mnist cnn'));
    expect(written.files).toEqual(['group1-shard1of1.bin', 'model.json', 'python/model.py']);
    expect([...(await readFile(path.join(parent, 'mnist cnn', 'group1-shard1of1.bin')))]).toEqual([
      1, 2, 3, 4,
    ]);
    expect(await readFile(path.join(parent, 'mnist cnn', 'python', 'model.py'), 'utf8')).toBe(
      'import torch\n',
    );
    expect(await readdir(parent)).toEqual(['mnist cnn']);
  });

  it('keeps Chinese characters and spaces in the folder name', async () => {
    const written = await writeExportFolder({
      parentDir: parent,
      suggestedName: '手写数字 模型',
      files,
      overwrite: false,
    });
    expect(path.basename(written.displayPath)).toBe('手写数字 模型');
  });

  it('renames a Windows-reserved name such as CON', async () => {
    const written = await writeExportFolder({
      parentDir: parent,
      suggestedName: 'CON',
      files,
      overwrite: false,
    });
    expect(path.basename(written.displayPath)).toBe('CON_');
  });

  it('refuses to overwrite an existing export without consent, and leaves it untouched', async () => {
    await mkdir(path.join(parent, 'model'));
    await writeFile(path.join(parent, 'model', 'old.txt'), 'old');
    await expect(
      writeExportFolder({ parentDir: parent, suggestedName: 'model', files, overwrite: false }),
    ).rejects.toMatchObject({ code: 'already-exists' });
    expect(await readdir(path.join(parent, 'model'))).toEqual(['old.txt']);
  });

  it('replaces an existing export with consent (no leftovers of the old one)', async () => {
    await writeExportFolder({
      parentDir: parent,
      suggestedName: 'model',
      files: { 'old.txt': 'old' },
      overwrite: false,
    });
    await writeExportFolder({ parentDir: parent, suggestedName: 'model', files, overwrite: true });
    expect((await readdir(path.join(parent, 'model'))).sort()).toEqual([
      'group1-shard1of1.bin',
      'model.json',
      'python',
    ]);
    expect(await readdir(parent)).toEqual(['model']);
  });

  it('reports a full disk (ENOSPC) clearly; the earlier export and the folder stay as they were', async () => {
    await writeExportFolder({
      parentDir: parent,
      suggestedName: 'model',
      files: { 'old.txt': 'old' },
      overwrite: false,
    });
    await expect(
      writeExportFolder(
        { parentDir: parent, suggestedName: 'model', files, overwrite: true },
        failingWrites('ENOSPC', 2),
      ),
    ).rejects.toMatchObject({
      code: 'no-space',
      message: expect.stringMatching(/disk is full/) as string,
    });
    expect(await readdir(parent)).toEqual(['model']);
    expect(await readFile(path.join(parent, 'model', 'old.txt'), 'utf8')).toBe('old');
  });

  it('reports a read-only folder (EACCES) as permission-denied and leaves nothing behind', async () => {
    await expect(
      writeExportFolder(
        { parentDir: parent, suggestedName: 'model', files, overwrite: false },
        failingWrites('EACCES', 1),
      ),
    ).rejects.toMatchObject({
      code: 'permission-denied',
      message: expect.stringMatching(/may not write/) as string,
    });
    expect(await readdir(parent)).toEqual([]);
  });

  it('reports a parent folder that does not exist as not-found', async () => {
    await expect(
      writeExportFolder({
        parentDir: path.join(parent, 'gone'),
        suggestedName: 'model',
        files,
        overwrite: false,
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it.each([
    ['a traversal', { '../evil.txt': 'x' }, 'outside-grant'],
    ['an absolute path', { '/etc/evil': 'x' }, 'outside-grant'],
    ['an encoded traversal', { '%2e%2e%2fevil': 'x' }, 'outside-grant'],
    ['a reserved file name', { 'CON.txt': 'x' }, 'invalid-argument'],
    ['names differing only by case', { 'a.txt': 'x', 'A.txt': 'y' }, 'invalid-argument'],
    ['a file that is also a folder', { a: 'x', 'a/b.txt': 'y' }, 'invalid-argument'],
    ['no files at all', {}, 'invalid-argument'],
  ])('refuses %s in the file map without writing anything', async (_why, map, code) => {
    await expect(
      writeExportFolder({
        parentDir: parent,
        suggestedName: 'model',
        files: map,
        overwrite: false,
      }),
    ).rejects.toMatchObject({ code });
    expect(await readdir(parent)).toEqual([]);
  });
});
