import path from 'node:path';

import { documentKindOfName } from '../../../core/contract/document-kind';

/**
 * The LayerLab file named on a command line: a project, a lab package or a
 * submission (a double-click on Windows and Linux starts the app, or a second
 * instance, with its path; so does `npm start -- a.layerlab`). Flags, the
 * app's own path and other arguments are ignored.
 */
export function launchFileFromArgv(
  argv: readonly string[],
  cwd: string = process.cwd(),
): string | null {
  const candidate = argv.find((arg) => !arg.startsWith('-') && documentKindOfName(arg) !== null);
  return candidate === undefined ? null : path.resolve(cwd, candidate);
}

/**
 * A file macOS delivered with `open-file` (Finder's double-click, a drop on
 * the Dock icon): ours only if it is absolute and names a LayerLab kind.
 */
export function launchFileFromOpenFile(filePath: string): string | null {
  if (!path.isAbsolute(filePath) || filePath.includes('\0')) return null;
  return documentKindOfName(filePath) === null ? null : path.normalize(filePath);
}

/** A launch file that is handed out once (`openDocument({ from: 'launch' })`), then forgotten. */
export class LaunchFile {
  constructor(private pending: string | null = null) {}

  /** A newer request (macOS `open-file`, a second instance) replaces an unread one. */
  set(filePath: string): void {
    this.pending = filePath;
  }

  readonly take = (): string | null => {
    const taken = this.pending;
    this.pending = null;
    return taken;
  };
}
