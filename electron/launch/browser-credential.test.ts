import { chmod, lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  credentialFileName,
  loadBrowserCredential,
  readLastPort,
  recordPort,
} from './browser-credential';
import { writeLaunchPage } from './launch-plan';

describe('browser-mode credential', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-credential-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is made once, 0600, and the same on the next launch (so an open tab can reconnect)', async () => {
    const first = loadBrowserCredential(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(dir, credentialFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(loadBrowserCredential(dir)).toBe(first);
  });

  it('replaces a credential that others could read', async () => {
    const first = loadBrowserCredential(dir);
    await chmod(path.join(dir, credentialFileName), 0o644);
    const second = loadBrowserCredential(dir);
    expect(second).not.toBe(first);
    expect((await stat(path.join(dir, credentialFileName))).mode & 0o777).toBe(0o600);
  });

  it('replaces a planted link instead of reading or writing through it', async () => {
    const target = path.join(dir, 'elsewhere');
    await writeFile(target, `${'a'.repeat(43)}\n`, { mode: 0o600 });
    await symlink(target, path.join(dir, credentialFileName));
    const credential = loadBrowserCredential(dir);
    expect(credential).not.toBe('a'.repeat(43));
    expect((await lstat(path.join(dir, credentialFileName))).isSymbolicLink()).toBe(false);
    expect(await readFile(target, 'utf8')).toBe(`${'a'.repeat(43)}\n`);
  });

  it('remembers the last port, 0600, and ignores nonsense', async () => {
    expect(readLastPort(dir)).toBe(0);
    recordPort(dir, 45123);
    expect(readLastPort(dir)).toBe(45123);
    expect((await stat(path.join(dir, 'browser-port'))).mode & 0o777).toBe(0o600);
    await writeFile(path.join(dir, 'browser-port'), '80\n', { mode: 0o600 });
    expect(readLastPort(dir)).toBe(0);
  });

  it('rewrites the launch page over a planted link, leaving the link target alone', async () => {
    const target = path.join(dir, 'victim');
    await writeFile(target, 'keep');
    await symlink(target, path.join(dir, 'open-layerlab.html'));
    const page = writeLaunchPage(dir, 'http://127.0.0.1:4321/?token=x');
    expect((await lstat(page)).isSymbolicLink()).toBe(false);
    expect((await stat(page)).mode & 0o777).toBe(0o600);
    expect(await readFile(target, 'utf8')).toBe('keep');
  });
});
