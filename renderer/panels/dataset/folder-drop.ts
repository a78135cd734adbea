import { ignoredNameReason } from '@core';
import type { IgnoredEntry, ListingEntry } from '@core';

import type { FileBytes, Host } from '@core';
import { hostFolderSource } from './folder-source';
import type { FolderSource } from './folder-source';

/** A dropped folder, captured while the drop event lasts (its items die with it). */
export interface DroppedFolder {
  readonly entry: FileSystemDirectoryEntry;
  /** The folder as a File, which Electron's preload can turn into a real path; null if absent. */
  readonly file: File | null;
}

/** The first directory among the dropped items, or null. Must run inside the drop handler. */
export function captureDroppedFolder(items: DataTransferItemList): DroppedFolder | null {
  for (const item of [...items]) {
    const entry = item.webkitGetAsEntry();
    if (entry?.isDirectory === true)
      return { entry: entry as FileSystemDirectoryEntry, file: item.getAsFile() };
  }
  return null;
}

/**
 * Where a dropped folder is read from. In Electron the host grants its real
 * path (the preload reads it with `webUtils.getPathForFile`), so it loads like
 * a chosen folder and reopens with the project. A browser reveals no path: the
 * host answers `unsupported` and the folder is read through the File System
 * entry API instead (for this session only; the panel says so).
 */
export async function sourceForDrop(host: Host, dropped: DroppedFolder): Promise<FolderSource> {
  if (dropped.file !== null) {
    const granted = await host.grantDroppedFolder(dropped.file);
    if (granted.ok) return hostFolderSource(host, granted.value);
  }
  return folderSourceFromEntry(dropped.entry);
}

/**
 * A folder dropped on the window, read with the browser's File System entry
 * API (`webkitGetAsEntry`). The same listing policy as the host applies here
 * (system and hidden entries ignored, nested folders walked, no links exist in
 * this API).
 */
export async function folderSourceFromEntry(
  entry: FileSystemDirectoryEntry,
): Promise<FolderSource> {
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
