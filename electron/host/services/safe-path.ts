import { realpath } from 'node:fs/promises';
import path from 'node:path';

import { maxRelativePathLength } from '../../../core/contract/request-schemas';
import { HostFailure } from './host-error';

/**
 * Checks a `/`-separated path that the renderer sends *inside* a granted root
 * and returns its segments. Refuses (`outside-grant`) anything that is or
 * could become a way out once decoded by someone: `..`, absolute paths, drive
 * letters, UNC, backslashes, NUL, and URL-encoded (also double-encoded) forms
 * of those. Refuses (`invalid-argument`) empty or over-long paths.
 */
export function checkRelativePath(rel: string): string[] {
  if (rel.length === 0 || rel.length > maxRelativePathLength) {
    throw new HostFailure(
      'invalid-argument',
      `A relative path must have 1–${maxRelativePathLength} characters.`,
      rel.slice(0, 200),
    );
  }
  // Decode up to three times: `%252e%252e%252f` → `%2e%2e%2f` → `../`.
  let candidate = rel;
  for (let round = 0; round < 4; round += 1) {
    assertPlainRelative(candidate, rel);
    const decoded = safeDecode(candidate);
    if (decoded === candidate) break;
    candidate = decoded;
  }
  return rel.split('/');
}

function assertPlainRelative(candidate: string, original: string): void {
  const refuse = (why: string): never => {
    throw new HostFailure(
      'outside-grant',
      `Path refused (${why}): only paths inside the chosen folder are allowed.`,
      original.slice(0, 200),
    );
  };
  if (candidate.includes('\0')) refuse('NUL byte');
  if (candidate.includes('\\')) refuse('backslash');
  if (candidate.startsWith('/')) refuse('absolute path');
  if (/^[A-Za-z]:/.test(candidate)) refuse('drive letter');
  for (const segment of candidate.split('/')) {
    if (segment === '..') refuse('parent segment');
    if (segment === '' || segment === '.') refuse('empty segment');
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // not valid percent-encoding: it is a literal name
  }
}

/** True when `candidate` (real, absolute) is `root` itself or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  if (rel === '') return true;
  // `..foo` is a legitimate name inside the root; only a `..` segment leaves it.
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * Resolves `rel` inside the real root `rootReal`, following symlinks, and
 * refuses when the real target leaves the root (a symlink pointing out).
 * The target must exist (this is for reading).
 */
export async function resolveExistingInside(rootReal: string, rel: string): Promise<string> {
  const segments = checkRelativePath(rel);
  const joined = path.join(rootReal, ...segments);
  const real = await realpath(joined);
  if (!isInside(rootReal, real)) {
    throw new HostFailure(
      'outside-grant',
      'The path leads outside the chosen folder (symbolic link).',
      rel.slice(0, 200),
    );
  }
  return real;
}
