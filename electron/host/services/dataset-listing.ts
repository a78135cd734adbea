import type { Dirent } from 'node:fs';
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import type { ListedFile, SkippedEntry } from '../../../core/contract/host';
import { ignoredNameReason } from '../../../core/data/index';
import { isInside } from './safe-path';

/**
 * Lists a dataset folder without reading any file contents.
 *
 * Policy (tested in dataset-listing.test.ts):
 * - Streaming walk with `fs.opendir` (no giant readdir), depth-first, entries
 *   sorted per folder so the listing order is stable.
 * - System files (`.DS_Store`, `Thumbs.db`, `desktop.ini`, `__MACOSX/`, `._*`,
 *   `$RECYCLE.BIN`, `System Volume Information`) → skipped as `system-file`;
 *   other names starting with `.` → `hidden`. Ignored, counted, never read.
 * - Nested subfolders are walked (a class's files may be grouped in
 *   subfolders, as torchvision allows) down to `maxDepth`; deeper folders are
 *   skipped as `too-deep`.
 * - Symbolic links to folders are never followed (`symlink-dir`): this rules
 *   out cycles (`a → ..`) and escapes. A link to a file is listed only when its
 *   real path stays inside the root (`symlink-outside` otherwise); a broken or
 *   self-referencing link is `unreadable`.
 * - Sockets, FIFOs and devices are `unreadable` (opening a FIFO would block).
 * - At `maxFiles` the walk stops and one `too-many` entry says so.
 * - Paths are relative, `/`-separated and NFC (macOS may store NFD).
 * - Cancellable: the signal is checked between entries, so an abort lands
 *   within one `stat` batch (well under a second).
 */
export interface ListFolderOptions {
  signal?: AbortSignal;
  /** Called with the number of files found so far, at most every `progressEvery` files and at the end. */
  onProgress?: (filesSeen: number) => void;
  /** Depth of folders walked below the root (class folders are depth 1). Default 16. */
  maxDepth?: number;
  /** Files listed at most. Default 1,000,000. */
  maxFiles?: number;
  progressEvery?: number;
}

export interface FolderListingResult {
  files: ListedFile[];
  skipped: SkippedEntry[];
  /** Top-level folder names (NFC), including empty ones, so empty classes can be reported. */
  folders: string[];
}

const statBatch = 64;

export async function listFolder(
  rootRealPath: string,
  options: ListFolderOptions = {},
): Promise<FolderListingResult> {
  const maxDepth = options.maxDepth ?? 16;
  const maxFiles = options.maxFiles ?? 1_000_000;
  const progressEvery = options.progressEvery ?? 500;
  const files: ListedFile[] = [];
  const skipped: SkippedEntry[] = [];
  const folders: string[] = [];
  let lastProgress = 0;
  let full = false;

  const report = (): void => {
    if (files.length - lastProgress >= progressEvery) {
      lastProgress = files.length;
      options.onProgress?.(files.length);
    }
  };

  const addFile = (rel: string, size: number, mtimeMs: number): void => {
    if (files.length >= maxFiles) {
      if (!full) skipped.push({ path: rel, reason: 'too-many' });
      full = true;
      return;
    }
    files.push({ path: rel, size, mtimeMs });
    report();
  };

  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readEntries(dir, options.signal);
    } catch (error) {
      if (depth === 0 || isAbort(error)) throw error;
      skipped.push({ path: rel, reason: 'unreadable' });
      return;
    }
    const pendingFiles: { rel: string; full: string }[] = [];
    const subdirs: { rel: string; full: string }[] = [];
    for (const entry of entries) {
      const name = entry.name.normalize('NFC');
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const childFull = path.join(dir, entry.name);
      const ignored = ignoredNameReason(name);
      if (ignored !== null) skipped.push({ path: childRel, reason: ignored });
      else if (entry.isSymbolicLink())
        await classifyLink(rootRealPath, childFull, childRel, skipped, pendingFiles);
      else if (entry.isDirectory()) {
        if (depth === 0) folders.push(name);
        if (depth + 1 > maxDepth) skipped.push({ path: childRel, reason: 'too-deep' });
        else subdirs.push({ rel: childRel, full: childFull });
      } else if (entry.isFile()) pendingFiles.push({ rel: childRel, full: childFull });
      else skipped.push({ path: childRel, reason: 'unreadable' });
    }
    for (let i = 0; i < pendingFiles.length && !full; i += statBatch) {
      options.signal?.throwIfAborted();
      const batch = pendingFiles.slice(i, i + statBatch);
      const infos = await Promise.all(batch.map((f) => stat(f.full).catch(() => null)));
      batch.forEach((f, k) => {
        const info = infos[k];
        if (info == null || !info.isFile()) skipped.push({ path: f.rel, reason: 'unreadable' });
        else addFile(f.rel, info.size, info.mtimeMs);
      });
    }
    for (const sub of subdirs) {
      if (full) return;
      await walk(sub.full, sub.rel, depth + 1);
    }
  };

  await walk(rootRealPath, '', 0);
  options.onProgress?.(files.length);
  return { files, skipped, folders };
}

async function readEntries(dir: string, signal: AbortSignal | undefined): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  const handle = await opendir(dir, { bufferSize: 256 });
  for await (const entry of handle) {
    signal?.throwIfAborted();
    entries.push(entry);
  }
  // Sorted by name so listings (and therefore caps and progress) are repeatable.
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function classifyLink(
  rootReal: string,
  full: string,
  rel: string,
  skipped: SkippedEntry[],
  pendingFiles: { rel: string; full: string }[],
): Promise<void> {
  let target: string;
  try {
    target = await realpath(full);
  } catch {
    skipped.push({ path: rel, reason: 'unreadable' }); // broken link or a loop (ELOOP)
    return;
  }
  const info = await stat(target).catch(() => null);
  if (info === null) skipped.push({ path: rel, reason: 'unreadable' });
  else if (info.isDirectory()) skipped.push({ path: rel, reason: 'symlink-dir' });
  else if (!isInside(rootReal, target)) skipped.push({ path: rel, reason: 'symlink-outside' });
  else if (info.isFile()) pendingFiles.push({ rel, full: target });
  else skipped.push({ path: rel, reason: 'unreadable' });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
