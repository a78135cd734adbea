import path from 'node:path';

import { projectExtension } from './host-services';

/**
 * The project file named on a command line (a double-click on a `.layerlab`
 * file starts the app with its path; so does `npm start -- a.layerlab`).
 * Flags and other arguments are ignored.
 */
export function projectFileFromArgv(
  argv: readonly string[],
  cwd: string = process.cwd(),
): string | null {
  const candidate = argv.find(
    (arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(projectExtension),
  );
  return candidate === undefined ? null : path.resolve(cwd, candidate);
}

/** A launch file that is handed out once (`openLaunchProject`), then forgotten. */
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
