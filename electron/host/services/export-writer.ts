import * as fsp from 'node:fs/promises';
import path from 'node:path';

import type { ExportWritten } from '../../../core/contract/host';
import { errnoOf, HostFailure, toHostError } from './host-error';
import { newOpaqueId } from './opaque-id';
import { isPortableName, sanitizeName } from './portable-name';
import { checkRelativePath } from './safe-path';

/** The file-system calls the writer makes; tests swap them to simulate ENOSPC or EACCES. */
export interface ExportFs {
  mkdir: typeof fsp.mkdir;
  writeFile: typeof fsp.writeFile;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  lstat: typeof fsp.lstat;
  realpath: typeof fsp.realpath;
}

const nodeFs: ExportFs = {
  mkdir: fsp.mkdir,
  writeFile: fsp.writeFile,
  rename: fsp.rename,
  rm: fsp.rm,
  lstat: fsp.lstat,
  realpath: fsp.realpath,
};

export interface ExportFolderRequest {
  readonly parentDir: string;
  readonly suggestedName: string;
  readonly files: Readonly<Record<string, Uint8Array | string>>;
  readonly overwrite: boolean;
}

/**
 * Writes an export folder `<parentDir>/<sanitised name>/` atomically: every
 * file goes into a hidden temp sibling first, which is renamed into place
 * only when all writes succeeded. An existing export is replaced only with
 * `overwrite: true`, and survives untouched if anything fails.
 */
export async function writeExportFolder(
  request: ExportFolderRequest,
  fs: ExportFs = nodeFs,
): Promise<ExportWritten> {
  const relPaths = checkExportPaths(Object.keys(request.files));
  const name = sanitizeName(request.suggestedName);
  const parent = await fs.realpath(request.parentDir).catch((error: unknown) => {
    throw new HostFailure(
      toHostError(error).code,
      'The chosen parent folder cannot be opened.',
      request.parentDir,
    );
  });
  const target = path.join(parent, name);
  const exists = await fs.lstat(target).then(
    () => true,
    () => false,
  );
  if (exists && !request.overwrite) {
    throw new HostFailure(
      'already-exists',
      'An export with this name already exists; confirm to replace it.',
      target,
    );
  }

  const temp = path.join(parent, `.${name}.writing-${newOpaqueId().slice(0, 8)}`);
  try {
    await fs.mkdir(temp);
    for (const rel of relPaths) {
      const destination = path.join(temp, ...rel.split('/'));
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.writeFile(destination, request.files[rel] ?? '', { flag: 'wx' });
    }
    await moveIntoPlace(fs, temp, target, exists);
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw explain(error, target);
  }
  return { displayPath: target, files: relPaths };
}

async function moveIntoPlace(
  fs: ExportFs,
  temp: string,
  target: string,
  replacing: boolean,
): Promise<void> {
  if (!replacing) {
    await fs.rename(temp, target);
    return;
  }
  // Park the old export beside the new one, swap, and only then delete it.
  const parked = `${temp}.previous`;
  await fs.rename(target, parked);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rename(parked, target).catch(() => undefined);
    throw error;
  }
  await fs.rm(parked, { recursive: true, force: true }).catch(() => undefined);
}

function explain(error: unknown, target: string): HostFailure {
  if (error instanceof HostFailure) return error;
  const errno = errnoOf(error);
  const hostError = toHostError(error, target);
  const message =
    errno === 'ENOSPC' || errno === 'EDQUOT'
      ? 'The disk is full: the export was not written (an earlier export is unchanged).'
      : errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS'
        ? 'LayerLab may not write into this folder: choose another one.'
        : `The export could not be written (${hostError.message}).`;
  return new HostFailure(hostError.code, message, target);
}

/** Validates the file map's keys: relative, portable on every OS, no file doubling as a folder. */
function checkExportPaths(keys: readonly string[]): string[] {
  if (keys.length === 0)
    throw new HostFailure('invalid-argument', 'An export needs at least one file.');
  const seen = new Set<string>();
  for (const key of keys) {
    const segments = checkRelativePath(key);
    if (!segments.every(isPortableName)) {
      throw new HostFailure(
        'invalid-argument',
        'An export file name is not valid on every operating system.',
        key,
      );
    }
    const folded = key.normalize('NFC').toLowerCase(); // Windows and macOS ignore case
    if (seen.has(folded))
      throw new HostFailure('invalid-argument', 'Two export files differ only by case.', key);
    seen.add(folded);
  }
  for (const key of seen) {
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      if (seen.has(parts.slice(0, i).join('/')))
        throw new HostFailure(
          'invalid-argument',
          'An export path is both a file and a folder.',
          key,
        );
    }
  }
  return [...keys].sort();
}
