import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { removeStaleTemps, writeFileAtomically } from './atomic-write';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');

type RenameCallback = (error: NodeJS.ErrnoException | null) => void;

/** Makes fs.rename (used by write-file-atomic) fail `times` times with `code`, then behave. */
function failRename(code: string, times: number): { calls: () => number } {
  const original = fs.rename;
  let calls = 0;
  vi.spyOn(fs, 'rename').mockImplementation(((
    from: fs.PathLike,
    to: fs.PathLike,
    callback: RenameCallback,
  ) => {
    calls += 1;
    if (calls <= times) {
      const error = Object.assign(new Error(`${code}: simulated`), {
        code,
      }) as NodeJS.ErrnoException;
      process.nextTick(() => callback(error));
      return;
    }
    original(from, to, callback);
  }) as typeof fs.rename);
  return { calls: () => calls };
}

describe('writeFileAtomically', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-atomic-'));
    file = path.join(dir, 'project.layerlab');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a new file and keeps the previous version as .bak on overwrite', async () => {
    await writeFileAtomically(file, 'v1');
    await writeFileAtomically(file, 'v2');
    expect(await readFile(file, 'utf8')).toBe('v2');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('v1');
    expect((await readdir(dir)).sort()).toEqual(['project.layerlab', 'project.layerlab.bak']);
  });

  it('retries when rename fails with EPERM twice, then succeeds', async () => {
    await writeFile(file, 'original');
    const rename = failRename('EPERM', 2);
    await writeFileAtomically(file, 'new', { retryDelayMs: 1 });
    expect(rename.calls()).toBe(3);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.\d+$/));
  });

  it('gives up after bounded retries on EPERM forever, leaving the original intact and no temp file', async () => {
    await writeFile(file, 'original');
    const rename = failRename('EPERM', Number.POSITIVE_INFINITY);
    await expect(
      writeFileAtomically(file, 'new', { retries: 3, retryDelayMs: 1 }),
    ).rejects.toMatchObject({ code: 'EPERM' });
    expect(rename.calls()).toBe(4);
    expect(await readFile(file, 'utf8')).toBe('original');
    expect((await readdir(dir)).sort()).toEqual(['project.layerlab', 'project.layerlab.bak']);
  });

  it('does not retry errors that are not transient (EIO)', async () => {
    await writeFile(file, 'original');
    const rename = failRename('EIO', Number.POSITIVE_INFINITY);
    await expect(writeFileAtomically(file, 'new', { retryDelayMs: 1 })).rejects.toMatchObject({
      code: 'EIO',
    });
    expect(rename.calls()).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('original');
  });

  it('writes bytes exactly', async () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    await writeFileAtomically(file, bytes.subarray(2, 5));
    expect([...(await readFile(file))]).toEqual([2, 253, 254]);
  });

  it('queues concurrent writes to one file; the last one wins', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeFileAtomically(file, `v${i}`)));
    expect(await readFile(file, 'utf8')).toBe('v7');
  });

  it('survives a crash between temp write and rename: original intact, stale temp removed by the next save', async () => {
    await writeFile(file, 'original');
    // A child process writes through the real module and is SIGKILLed inside rename.
    const script = [
      "import fs from 'node:fs';",
      `import { writeFileAtomically } from ${JSON.stringify(path.join(here, 'atomic-write.ts'))};`,
      "fs.rename = () => { process.kill(process.pid, 'SIGKILL'); };",
      `await writeFileAtomically(${JSON.stringify(file)}, 'half-saved', { keepBackup: false });`,
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(await readFile(file, 'utf8')).toBe('original');
    const leftovers = (await readdir(dir)).filter((name) => /^project\.layerlab\.\d+$/.test(name));
    expect(leftovers).toHaveLength(1);
    expect(await readFile(path.join(dir, leftovers[0] ?? ''), 'utf8')).toBe('half-saved');

    await writeFileAtomically(file, 'saved again');
    expect(await readFile(file, 'utf8')).toBe('saved again');
    expect((await readdir(dir)).sort()).toEqual(['project.layerlab', 'project.layerlab.bak']);
  });

  it('never writes through a planted .bak symlink: the link is replaced, its target untouched', async () => {
    const victim = path.join(dir, 'victim.txt');
    await writeFile(victim, 'precious');
    await writeFile(file, 'v1');
    fs.symlinkSync(victim, `${file}.bak`);
    await writeFileAtomically(file, 'v2');
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(fs.lstatSync(`${file}.bak`).isSymbolicLink()).toBe(false);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('v1');
    expect(await readFile(file, 'utf8')).toBe('v2');
  });

  it('never writes through a planted .bak symlink to a missing file (no file created at its target)', async () => {
    const target = path.join(dir, 'created-by-attacker.txt');
    await writeFile(file, 'v1');
    fs.symlinkSync(target, `${file}.bak`);
    await writeFileAtomically(file, 'v2');
    expect(fs.existsSync(target)).toBe(false);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('v1');
  });

  it('leaves no backup temp file behind, and removes one left by a crash', async () => {
    await writeFile(path.join(dir, 'project.layerlab.bak.0123456789ab.tmp'), 'half a backup');
    await writeFile(file, 'v1');
    await writeFileAtomically(file, 'v2');
    expect((await readdir(dir)).sort()).toEqual(['project.layerlab', 'project.layerlab.bak']);
  });

  it('removeStaleTemps only removes write-file-atomic temp names of that file', async () => {
    await writeFile(path.join(dir, 'project.layerlab.123456'), 'stale');
    await writeFile(path.join(dir, 'project.layerlab.v2'), 'user file');
    await writeFile(path.join(dir, 'other.layerlab.123'), 'other temp');
    expect(await removeStaleTemps(file)).toEqual(['project.layerlab.123456']);
    expect((await readdir(dir)).sort()).toEqual(['other.layerlab.123', 'project.layerlab.v2']);
  });
});
