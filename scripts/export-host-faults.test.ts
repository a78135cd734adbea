/**
 * A real LayerLab export written through the host's export writer
 * (electron/host/services/export-writer.ts, the code behind `host.writeExportFolder`)
 * under the faults issue 7 lists: read-only folder, full disk, a Chinese name
 * with spaces, the reserved name CON, an existing export. Each gives a clear,
 * coded error and leaves any earlier export untouched; the written folder
 * imports back with identical predictions.
 */
import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { exportModel, verifyImport } from '../core/index';
import type { ExportFiles } from '../core/index';
import { buildTestModel } from '../core/io/export/testing/test-models';
import { writeExportFolder, type ExportFs } from '../electron/host/services/export-writer';

const realFs: ExportFs = {
  mkdir: fsp.mkdir,
  writeFile: fsp.writeFile,
  rename: fsp.rename,
  rm: fsp.rm,
  lstat: fsp.lstat,
  realpath: fsp.realpath,
};
const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

/** Real fs, except the `n`th writeFile and later fail with `code`. */
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

let files: ExportFiles;
let parent: string;

async function readFolder(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const name of await readdir(dir))
    out[name] = new Uint8Array(await readFile(path.join(dir, name)));
  return out;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const { model, info } = await buildTestModel('cnn');
  files = await exportModel(model, info, {
    tfjsBundle: new TextEncoder().encode('/* tf.min.js */'),
  });
  model.dispose();
});
beforeEach(async () => {
  parent = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-export-faults-')));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('writing a LayerLab export through the host export writer', () => {
  it('writes every file under a Chinese name with spaces, and the folder imports back identically', async () => {
    const written = await writeExportFolder({
      parentDir: parent,
      suggestedName: '我的 猫狗 模型',
      files,
      overwrite: false,
    });
    expect(path.basename(written.displayPath)).toBe('我的 猫狗 模型');
    expect([...written.files].sort()).toEqual(Object.keys(files).sort());
    const verified = await verifyImport(await readFolder(written.displayPath), 8);
    expect(verified.ok && verified.value.parity).toEqual({ sameTop1: 8, total: 8, maxProbDiff: 0 });
  });

  it('renames the reserved Windows name CON instead of failing', async () => {
    const written = await writeExportFolder({
      parentDir: parent,
      suggestedName: 'CON',
      files,
      overwrite: false,
    });
    expect(path.basename(written.displayPath)).not.toMatch(/^CON$/i);
    expect((await readdir(written.displayPath)).sort()).toEqual(Object.keys(files).sort());
  });

  it('refuses to replace an existing export without consent; the earlier one is untouched', async () => {
    await writeExportFolder({
      parentDir: parent,
      suggestedName: 'model',
      files: { 'old.txt': 'old' },
      overwrite: false,
    });
    await expect(
      writeExportFolder({ parentDir: parent, suggestedName: 'model', files, overwrite: false }),
    ).rejects.toMatchObject({ code: 'already-exists' });
    expect(await readFile(path.join(parent, 'model', 'old.txt'), 'utf8')).toBe('old');
  });

  it('reports a full disk midway through the weights; the earlier export stays as it was', async () => {
    await writeExportFolder({
      parentDir: parent,
      suggestedName: 'model',
      files: { 'old.txt': 'old' },
      overwrite: false,
    });
    await expect(
      writeExportFolder(
        { parentDir: parent, suggestedName: 'model', files, overwrite: true },
        failingWrites('ENOSPC', 3),
      ),
    ).rejects.toMatchObject({
      code: 'no-space',
      message: expect.stringMatching(/disk is full/) as string,
    });
    expect(await readdir(parent)).toEqual(['model']);
    expect(await readdir(path.join(parent, 'model'))).toEqual(['old.txt']);
  });

  it('reports a read-only folder (EACCES, and EROFS for read-only media) as permission-denied, leaving nothing behind', async () => {
    for (const code of ['EACCES', 'EROFS']) {
      await expect(
        writeExportFolder(
          { parentDir: parent, suggestedName: 'model', files, overwrite: false },
          failingWrites(code, 1),
        ),
      ).rejects.toMatchObject({
        code: 'permission-denied',
        message: expect.stringMatching(/may not write/) as string,
      });
    }
    expect(await readdir(parent)).toEqual([]);
  });
});
