import { opendir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { BrowseListing } from '../../../core/contract/host';
import { HostFailure } from './host-error';

const maxEntries = 2000;

/**
 * Lists one folder for the in-app chooser of browser mode (where there is no
 * native dialog). Hidden entries are left out; folders come first, then files,
 * each sorted by name. The token-protected loopback server is the only caller.
 */
export async function browseFolder(requested: string | undefined): Promise<BrowseListing> {
  const start = requested === undefined || requested === '' ? os.homedir() : requested;
  if (!path.isAbsolute(start) || start.includes('\0')) {
    throw new HostFailure(
      'invalid-argument',
      'Browse needs an absolute folder path.',
      start.slice(0, 200),
    );
  }
  const folder = await realpath(start);
  if (!(await stat(folder)).isDirectory())
    throw new HostFailure('invalid-argument', 'This is not a folder.', folder);

  const dirs: string[] = [];
  const files: string[] = [];
  let truncated = false;
  for await (const entry of await opendir(folder)) {
    if (entry.name.startsWith('.')) continue;
    if (dirs.length + files.length >= maxEntries) {
      truncated = true;
      break;
    }
    const isDir =
      entry.isDirectory() ||
      (entry.isSymbolicLink() && (await isDirectory(path.join(folder, entry.name))));
    (isDir ? dirs : files).push(entry.name);
  }
  const byName = (a: string, b: string): number => a.localeCompare(b);
  const parent = path.dirname(folder);
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    entries: [
      ...dirs.sort(byName).map((name) => ({ name, kind: 'dir' as const })),
      ...files.sort(byName).map((name) => ({ name, kind: 'file' as const })),
    ],
    places: await places(),
    truncated,
  };
}

async function isDirectory(candidate: string): Promise<boolean> {
  return stat(candidate).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function places(): Promise<BrowseListing['places']> {
  const home = os.homedir();
  const candidates = [
    { id: 'home' as const, path: home },
    { id: 'documents' as const, path: path.join(home, 'Documents') },
    { id: 'desktop' as const, path: path.join(home, 'Desktop') },
    { id: 'root' as const, path: path.parse(home).root },
  ];
  const found: BrowseListing['places'][number][] = [];
  for (const candidate of candidates) {
    if (await isDirectory(candidate.path)) found.push(candidate);
  }
  return found;
}
