import { describe, expect, it } from 'vitest';

import { createMemoryHost } from '../../host/memory-host';
import type { FolderGrant, Host, HostResult } from '@core';
import { sourceForDrop, type DroppedFolder } from './folder-drop';

/**
 * A dropped folder: Electron's host grants its real path, so it loads like a
 * chosen folder (and reopens with the project); a browser host cannot, so the
 * folder is read in the page through the File System entry API.
 */

/** A minimal FileSystemDirectoryEntry tree: `cat/a.png`, `dog/b.png`, `.DS_Store`. */
function fakeFolder(): FileSystemDirectoryEntry {
  const file = (name: string, bytes: number[]): FileSystemEntry =>
    ({
      name,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(new File([new Uint8Array(bytes)], name)),
    }) as unknown as FileSystemEntry;
  const dir = (name: string, children: FileSystemEntry[]): FileSystemDirectoryEntry =>
    ({
      name,
      isFile: false,
      isDirectory: true,
      createReader: () => {
        let served = false;
        return {
          readEntries: (ok: (entries: FileSystemEntry[]) => void) => {
            ok(served ? [] : children);
            served = true;
          },
        };
      },
    }) as unknown as FileSystemDirectoryEntry;
  return dir('leaves', [
    dir('cat', [file('a.png', [1, 2, 3])]),
    dir('dog', [file('b.png', [4, 5])]),
    file('.DS_Store', [0]),
  ]);
}

const grant: FolderGrant = { grantId: 'g-electron1', name: 'leaves', displayPath: '/data/leaves' };

describe('sourceForDrop', () => {
  it('uses the host grant when the host can resolve the dropped folder (Electron)', async () => {
    const asked: File[] = [];
    const host: Host = {
      ...createMemoryHost(),
      grantDroppedFolder: async (file: File): Promise<HostResult<FolderGrant>> => {
        asked.push(file);
        return { ok: true, value: grant };
      },
    };
    const dropped: DroppedFolder = { entry: fakeFolder(), file: new File([], 'leaves') };
    const source = await sourceForDrop(host, dropped);
    expect(asked).toHaveLength(1);
    expect(source.grant).toEqual(grant);
  });

  it('reads the folder in the page when the host cannot (browser mode)', async () => {
    const host = createMemoryHost(); // answers grantDroppedFolder with `unsupported`, like the HTTP host
    const source = await sourceForDrop(host, { entry: fakeFolder(), file: new File([], 'leaves') });
    expect(source.grant.grantId).toBe('drop:leaves');
    const listed = await source.list();
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.contents.files.map((f) => f.path)).toEqual(['cat/a.png', 'dog/b.png']);
    expect(listed.contents.folders).toEqual(['cat', 'dog']);
    expect(listed.contents.ignored.map((i) => i.path)).toEqual(['.DS_Store']);
    const [read] = await source.readFiles(['dog/b.png']);
    expect(read).toMatchObject({ path: 'dog/b.png', ok: true });
    expect(read?.ok === true ? [...read.bytes] : null).toEqual([4, 5]);
  });

  it('falls back to the page when the drop carries no File', async () => {
    const source = await sourceForDrop(createMemoryHost(), { entry: fakeFolder(), file: null });
    expect(source.grant.grantId).toBe('drop:leaves');
  });
});
