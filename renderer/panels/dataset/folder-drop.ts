import { ignoredNameReason } from '@core';
import type { IgnoredEntry, ListingEntry } from '@core';

import type { FileBytes } from '../../host/Host';
import type { FolderSource } from './folder-source';

/**
 * A folder dropped on the window, read with the browser's File System entry
 * API (`webkitGetAsEntry`). Browser mode only: the browser gives no path, so
 * the folder cannot be reopened with the project later (the panel says so),
 * and the same listing policy as the host applies here (system and hidden
 * entries ignored, nested folders walked, no links exist in this API).
 * In Electron the preload would turn a dropped folder into a path with
 * `webUtils.getPathForFile` and grant it through the host instead.
 */
export async function folderSourceFromDrop(
  items: DataTransferItemList,
): Promise<FolderSource | null> {
  const entry = [...items]
    .map((item) => item.webkitGetAsEntry())
    .find((e) => e?.isDirectory === true) as FileSystemDirectoryEntry | undefined;
  if (entry === undefined) return null;
  const files = new Map<string, File>();
  const listing: ListingEntry[] = [];
  const ignored: IgnoredEntry[] = [];
  const folders: string[] = [];
  const walk = async (dir: FileSystemDirectoryEntry, rel: string, depth: number): Promise<void> => {
    for (const child of await readAll(dir)) {
      const name = child.name.normalize('NFC');
      const path = rel === '' ? name : `${rel}/${name}`;
      const reason = ignoredNameReason(name);
      if (reason !== null) ignored.push({ path, reason });
      else if (child.isDirectory) {
        if (depth === 0) folders.push(name);
        if (depth < 16) await walk(child as FileSystemDirectoryEntry, path, depth + 1);
        else ignored.push({ path, reason: 'too-deep' });
      } else {
        const file = await new Promise<File>((resolve, reject) =>
          (child as FileSystemFileEntry).file(resolve, reject),
        );
        files.set(path, file);
        listing.push({ path, size: file.size, mtimeMs: file.lastModified });
      }
    }
  };
  await walk(entry, '', 0);
  return {
    grant: { grantId: `drop:${entry.name}`, name: entry.name, displayPath: entry.name },
    list: () =>
      Promise.resolve({
        ok: true,
        contents: { folderId: `drop:${entry.name}`, files: listing, folders, ignored },
      }),
    async readFiles(paths): Promise<readonly FileBytes[]> {
      return Promise.all(
        paths.map(async (path): Promise<FileBytes> => {
          const file = files.get(path);
          try {
            if (file === undefined) throw new Error('not in the dropped folder');
            return { path, ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
          } catch (error) {
            return {
              path,
              ok: false,
              error: {
                code: 'not-found',
                message: error instanceof Error ? error.message : 'unreadable',
              },
            };
          }
        }),
      );
    },
  };
}

/** `readEntries` returns at most ~100 entries per call: read until it returns none. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0)
      return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    all.push(...batch);
  }
}
