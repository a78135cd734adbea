import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Browser mode's stable local credential: 32 random bytes made once and kept
 * in the profile folder, readable by the user only (0600, in the 0700
 * profile). It is the same on every launch, so a tab still open after the
 * server died (a crash, `kill -9`) keeps its session and can save again once
 * `npm start` runs again. It never appears on a command line or in a printed
 * URL: Chromium gets it through the 0600 launch page (launch-plan.ts).
 */
export const credentialFileName = 'browser-credential';
/** The last port browser mode listened on (plain text), tried first on the next launch. */
export const portFileName = 'browser-port';

const credentialPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reads the credential, or makes it. A file that is not a plain regular file
 * of ours with no group/other access, or holds no well-formed credential, is
 * replaced by a new one: a credential that others could read is no secret.
 */
export function loadBrowserCredential(profileDir: string): string {
  const file = path.join(profileDir, credentialFileName);
  const existing = readPrivateFile(file);
  const text = existing?.trim();
  if (text !== undefined && credentialPattern.test(text)) return text;
  const credential = randomBytes(32).toString('base64url');
  writePrivateFile(file, `${credential}\n`);
  return credential;
}

/** The port of the last launch, or 0. */
export function readLastPort(profileDir: string): number {
  const text = readPrivateFile(path.join(profileDir, portFileName));
  const port = Number(text?.trim());
  return Number.isInteger(port) && port > 1023 && port <= 65535 ? port : 0;
}

export function recordPort(profileDir: string, port: number): void {
  writePrivateFile(path.join(profileDir, portFileName), `${port}\n`);
}

/** Contents of a regular 0600-or-stricter file owned by this user; undefined otherwise. */
function readPrivateFile(file: string): string | undefined {
  try {
    const info = lstatSync(file);
    // Windows has no owner/mode bits here; its profile folder is per-user already.
    const posix = process.platform !== 'win32' && typeof process.getuid === 'function';
    const ours = !posix || info.uid === process.getuid?.();
    if (!info.isFile() || !ours || (posix && (info.mode & 0o077) !== 0)) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes `text` as a new 0600 file (exclusive temp name) and renames it over `file`, never following a link. */
export function writePrivateFile(file: string, text: string): void {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
