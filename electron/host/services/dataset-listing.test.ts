import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { listFolder } from './dataset-listing';

let root: string;
let outside: string;

async function put(rel: string, contents = 'x'): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), contents);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'listing-'));
  outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path).sort();
const reasons = (r: { skipped: { path: string; reason: string }[] }) =>
  Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));

describe('listFolder', () => {
  it('lists an empty folder as empty', async () => {
    expect(await listFolder(root)).toEqual({ files: [], skipped: [], folders: [] });
  });

  it('lists class files with size and mtime, includes nested subfolders and reports empty folders', async () => {
    await put('猫/a.png', 'abc');
    await put('猫/2024 春/b.png');
    await put('dog 🐶/c d.jpg');
    await mkdir(path.join(root, 'empty'));
    const r = await listFolder(root);
    expect(paths(r)).toEqual(['dog 🐶/c d.jpg', '猫/2024 春/b.png', '猫/a.png']);
    expect(r.files.find((f) => f.path === '猫/a.png')).toMatchObject({ size: 3 });
    expect(r.folders.sort()).toEqual(['dog 🐶', 'empty', '猫']);
  });

  it('ignores and counts system files and hidden entries', async () => {
    await put('a/1.png');
    for (const f of [
      '.DS_Store',
      'a/Thumbs.db',
      'a/desktop.ini',
      'a/._1.png',
      '__MACOSX/a/1.png',
      '.hidden/x.png',
    ])
      await put(f);
    const r = await listFolder(root);
    expect(paths(r)).toEqual(['a/1.png']);
    expect(reasons(r)).toEqual({
      '.DS_Store': 'system-file',
      'a/Thumbs.db': 'system-file',
      'a/desktop.ini': 'system-file',
      'a/._1.png': 'system-file',
      __MACOSX: 'system-file',
      '.hidden': 'hidden',
    });
  });

  it('does not follow directory links, so a symlink loop terminates', async () => {
    await put('a/1.png');
    await symlink('..', path.join(root, 'a', 'loop'));
    await symlink(path.join(root, 'a'), path.join(root, 'alias'));
    const r = await listFolder(root);
    expect(paths(r)).toEqual(['a/1.png']);
    expect(reasons(r)).toMatchObject({ 'a/loop': 'symlink-dir', alias: 'symlink-dir' });
  });

  it('lists a file link inside the root and refuses one pointing outside', async () => {
    await put('a/1.png');
    await writeFile(path.join(outside, 'secret.png'), 'secret');
    await symlink(path.join(root, 'a', '1.png'), path.join(root, 'a', 'inside.png'));
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'a', 'outside.png'));
    await symlink(path.join(root, 'a', 'gone.png'), path.join(root, 'a', 'broken.png'));
    await symlink('self.png', path.join(root, 'a', 'self.png'));
    const r = await listFolder(root);
    expect(paths(r)).toEqual(['a/1.png', 'a/inside.png']);
    expect(reasons(r)).toEqual({
      'a/outside.png': 'symlink-outside',
      'a/broken.png': 'unreadable',
      'a/self.png': 'unreadable',
    });
  });

  it('NFC-normalises names stored as NFD', async () => {
    await put('cafe\u0301/1.png');
    const r = await listFolder(root);
    expect(r.files[0]?.path).toBe('caf\u00e9/1.png');
    expect(r.folders).toEqual(['caf\u00e9']);
  });

  it('caps depth and file count', async () => {
    await put('a/b/c/d/deep.png');
    await put('a/1.png');
    await put('a/2.png');
    const shallow = await listFolder(root, { maxDepth: 2 });
    expect(reasons(shallow)).toEqual({ 'a/b/c': 'too-deep' });
    const capped = await listFolder(root, { maxFiles: 2 });
    expect(capped.files).toHaveLength(2);
    expect(capped.skipped.filter((s) => s.reason === 'too-many')).toHaveLength(1);
  });

  it('streams a large folder with progress and can be cancelled quickly', async () => {
    await mkdir(path.join(root, 'big'));
    await Promise.all(
      Array.from({ length: 3000 }, (_, i) => writeFile(path.join(root, 'big', `${i}.png`), '')),
    );
    const seen: number[] = [];
    const r = await listFolder(root, { onProgress: (n) => seen.push(n) });
    expect(r.files).toHaveLength(3000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(3000);

    // Aborting at the first progress report stops the walk at the next entry.
    const controller = new AbortController();
    const progressAfterAbort: number[] = [];
    const run = listFolder(root, {
      signal: controller.signal,
      progressEvery: 100,
      onProgress: (n) =>
        controller.signal.aborted ? progressAfterAbort.push(n) : controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progressAfterAbort).toEqual([]);
  });

  it('fails for a root that does not exist', async () => {
    await expect(listFolder(path.join(root, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
