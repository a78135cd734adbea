import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RecoveryWrite } from '../../../core/contract/host';
import { createRecoveryStore } from './recovery-store';

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'layerlab-recovery-'));
  dir = path.join(root, 'recovery');
});
afterEach(() => rm(root, { recursive: true, force: true }));

const part = (sessionId: string, over: Partial<RecoveryWrite> = {}): RecoveryWrite => ({
  sessionId,
  slot: 'document',
  kind: 'project',
  title: 'digits.layerlab',
  file: { fileId: 'file-0001', name: 'digits.layerlab', displayPath: '/home/t/digits.layerlab' },
  contents: '{"format":"layerlab"}',
  ...over,
});

describe('recovery store (hot exit, crash recovery)', () => {
  it('offers what an earlier run left, not what this run is writing, and gives it back whole', async () => {
    const crashed = createRecoveryStore(dir);
    await crashed.write(part('session-aaaa'));
    await crashed.write(part('session-aaaa', { slot: 'checkpoint', contents: '{"epoch":3}' }));
    expect((await crashed.list()).entries).toEqual([]); // its own window is still open

    const next = createRecoveryStore(dir); // the next start, after a kill
    const listing = await next.list();
    expect(listing.skipped).toEqual([]);
    expect(listing.entries).toHaveLength(1);
    expect(listing.entries[0]).toMatchObject({
      sessionId: 'session-aaaa',
      kind: 'project',
      title: 'digits.layerlab',
      hasCheckpoint: true,
      file: { fileId: 'file-0001' },
    });
    const entry = await next.read('session-aaaa');
    expect(entry.contents).toBe('{"format":"layerlab"}');
    expect(entry.checkpoint).toBe('{"epoch":3}');
  });

  it('writes files 0600 in a 0700 folder, atomically (no temp file left)', async () => {
    const store = createRecoveryStore(dir);
    await store.write(part('session-perm'));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const names = await readdir(dir);
    expect(names).toEqual(['session-perm.document.json']);
    expect((await stat(path.join(dir, names[0] as string))).mode & 0o777).toBe(0o600);
  });

  it('keeps two sessions apart: concurrent writes of two windows never clobber each other', async () => {
    const store = createRecoveryStore(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        store.write(part('window-one', { contents: `one ${i}` })),
        store.write(part('window-two', { contents: `two ${i}`, kind: 'lab', file: null })),
      ]).flat(),
    );
    const next = createRecoveryStore(dir);
    expect((await next.read('window-one')).contents).toBe('one 19');
    expect((await next.read('window-two')).contents).toBe('two 19');
    expect((await next.list()).entries.map((e) => e.kind).sort()).toEqual(['lab', 'project']);
  });

  it('refuses a write past its budget instead of evicting another window’s work', async () => {
    const store = createRecoveryStore(dir, 2_000);
    await store.write(part('session-big1', { contents: 'x'.repeat(1_200) }));
    await expect(
      store.write(part('session-big2', { contents: 'y'.repeat(1_200) })),
    ).rejects.toMatchObject({ code: 'too-large' });
    // The same session may replace its own entry: only the others count against the budget.
    await store.write(part('session-big1', { contents: 'z'.repeat(1_500) }));
    expect((await createRecoveryStore(dir, 2_000).read('session-big1')).contents).toHaveLength(
      1_500,
    );
  });

  it('skips a damaged entry with its name (moved aside as .corrupt) and still lists the others', async () => {
    const store = createRecoveryStore(dir);
    await store.write(part('session-good'));
    await writeFile(path.join(dir, 'session-torn.document.json'), '{"version":1,"sessionId"');
    await writeFile(path.join(dir, 'session-alien.document.json'), '{"version":7}');
    const listing = await createRecoveryStore(dir).list();
    expect(listing.entries.map((e) => e.sessionId)).toEqual(['session-good']);
    expect([...listing.skipped].sort()).toEqual([
      'session-alien.document.json',
      'session-torn.document.json',
    ]);
    expect((await readdir(dir)).sort()).toContain('session-torn.document.json.corrupt');
    expect((await createRecoveryStore(dir).list()).skipped).toEqual([]); // reported once
  });

  it('discards one slot or the whole entry, after a write of the same session in flight', async () => {
    const store = createRecoveryStore(dir);
    await store.write(part('session-done'));
    await store.write(part('session-done', { slot: 'checkpoint', contents: '{}' }));
    await store.discard('session-done', 'document');
    expect((await readdir(dir)).sort()).toEqual(['session-done.checkpoint.json']);
    const writing = store.write(part('session-done', { contents: 'late' }));
    await store.discard('session-done');
    await writing;
    expect(await readdir(dir)).toEqual([]);
    await expect(store.read('session-done')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a session id that could leave its folder', async () => {
    const store = createRecoveryStore(dir);
    await expect(store.write(part('../../evil-name'))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(store.discard('../x')).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
