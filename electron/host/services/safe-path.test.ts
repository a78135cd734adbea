import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HostFailure } from './host-error';
import { checkRelativePath, isInside, resolveExistingInside } from './safe-path';

const refused: readonly [string, string][] = [
  ['parent segment', '../secret.txt'],
  ['nested parent', 'cats/../../secret.txt'],
  ['encoded dots and slash', '%2e%2e%2fsecret.txt'],
  ['encoded upper case', '%2E%2E%2Fsecret.txt'],
  ['encoded backslash', '..%5csecret.txt'],
  ['double-encoded', '%252e%252e%252fsecret.txt'],
  ['absolute POSIX', '/etc/passwd'],
  ['absolute Windows', 'C:\\Windows\\win.ini'],
  ['drive letter with slash', 'C:/Windows/win.ini'],
  ['UNC path', '\\\\server\\share\\x'],
  ['backslash traversal', '..\\secret.txt'],
  ['NUL byte', 'cats/a.png\0.txt'],
  ['encoded NUL', 'cats/a.png%00.txt'],
  ['empty segment', 'cats//a.png'],
  ['dot segment', './cats/a.png'],
];

describe('checkRelativePath', () => {
  it.each(refused)('refuses %s (%s) as outside-grant', (_why, rel) => {
    expect(() => checkRelativePath(rel)).toThrow(HostFailure);
    try {
      checkRelativePath(rel);
    } catch (error) {
      expect((error as HostFailure).code).toBe('outside-grant');
    }
  });

  it('refuses empty and over-long paths as invalid-argument', () => {
    for (const rel of ['', 'a/'.repeat(3000)]) {
      expect(() => checkRelativePath(rel)).toThrowError(
        expect.objectContaining({ code: 'invalid-argument' }) as Error,
      );
    }
  });

  it.each([
    ['cats/1.png'],
    ['猫/图片 1.png'],
    ['..hidden-but-legal.png'],
    ['100%.txt'],
    ['a%zz.png'],
  ])('accepts %s', (rel) => {
    expect(checkRelativePath(rel)).toEqual(rel.split('/'));
  });
});

describe('isInside', () => {
  it('treats a prefix sibling as outside', () => {
    expect(isInside('/data/root', '/data/root-evil/x')).toBe(false);
    expect(isInside('/data/root', '/data/root/x')).toBe(true);
    expect(isInside('/data/root', '/data/root')).toBe(true);
    expect(isInside('/data/root', '/data')).toBe(false);
  });
});

describe('resolveExistingInside', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-safe-path-')));
    root = path.join(base, 'root');
    await mkdir(path.join(root, 'cats'), { recursive: true });
    await writeFile(path.join(root, 'cats', '1.png'), 'png');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'cats', 'link-out.png'));
    await symlink(path.join(root, 'cats', '1.png'), path.join(root, 'link-in.png'));
    await mkdir(path.join(base, 'root-evil'));
    await writeFile(path.join(base, 'root-evil', 'x.png'), 'x');
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('resolves a file inside the root', async () => {
    expect(await resolveExistingInside(root, 'cats/1.png')).toBe(path.join(root, 'cats', '1.png'));
  });

  it('follows a symlink that stays inside', async () => {
    expect(await resolveExistingInside(root, 'link-in.png')).toBe(path.join(root, 'cats', '1.png'));
  });

  it('refuses a symlink that points out of the root', async () => {
    await expect(resolveExistingInside(root, 'cats/link-out.png')).rejects.toMatchObject({
      code: 'outside-grant',
    });
  });

  it('refuses a prefix-sibling folder reached by traversal', async () => {
    await expect(resolveExistingInside(root, '../root-evil/x.png')).rejects.toMatchObject({
      code: 'outside-grant',
    });
  });
});
