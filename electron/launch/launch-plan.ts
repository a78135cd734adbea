import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { documentKindOfName } from '../../core/contract/document-kind';
import { writePrivateFile } from './browser-credential';

/** Command-line flags of `npm start` (after `--`). */
export interface LaunchFlags {
  readonly forceBrowser: boolean;
  readonly open: boolean;
  readonly port: number;
  readonly userDataDir: string | null;
  /** A `.layerlab` file to open at startup. */
  readonly projectFile: string | null;
}

/** Parses `--browser`, `--no-open`, `--port N`, `--user-data-dir DIR` and an optional `.layerlab` path; anything else is an error. */
export function parseLaunchFlags(argv: readonly string[]): LaunchFlags | { error: string } {
  let forceBrowser = false;
  let open = true;
  let port = 0;
  let userDataDir: string | null = null;
  let projectFile: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--browser') forceBrowser = true;
    else if (arg === '--no-open') open = false;
    else if (arg === '--port' || arg === '--user-data-dir') {
      const value = argv[i + 1];
      if (value === undefined) return { error: `${arg} needs a value` };
      i += 1;
      if (arg === '--user-data-dir') userDataDir = path.resolve(value);
      else {
        port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          return { error: `--port needs a number from 0 to 65535, not "${value}"` };
      }
    } else if (arg !== undefined && !arg.startsWith('-') && documentKindOfName(arg) !== null) {
      projectFile = path.resolve(arg);
    } else
      return {
        error: `unknown option "${arg}" (known: --browser, --no-open, --port N, --user-data-dir DIR, a .layerlab, .layerlab-pack or .layerlab-submission file)`,
      };
  }
  return { forceBrowser, open, port, userDataDir, projectFile };
}

/**
 * Where the Electron binary would be, without triggering the npm package's
 * lazy download (`require('electron')` tries to fetch it and fails offline).
 */
export function findElectronBinary(repoRoot: string): { path: string } | { missing: string } {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
    return existsSync(candidate)
      ? { path: candidate }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${candidate})` };
  }
  if (!existsSync(packageDir)) return { missing: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      missing:
        "Electron's binary has not been downloaded (it needs network access to GitHub on first use)",
    };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { missing: `Electron's binary is missing (${binary})` };
}

/** Installed Chromium-family browsers that support `--app=URL`, most likely first. */
export function browserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge'].map(
      (name) => `/Applications/${name}.app/Contents/MacOS/${name}`,
    );
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

/** The first installed browser, or null. */
export function findBrowser(candidates: readonly string[] = browserCandidates()): string | null {
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** True when a window can be shown (Linux needs an X11 or Wayland display). */
export function hasDisplay(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Electron's userData folder for productName "LayerLab", so both modes share recent projects and settings. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'LayerLab');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'LayerLab');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'LayerLab');
}

/**
 * The fixed, parseable lines that announce browser mode (tests and scripts
 * grep for the first). The address carries no credential: the launch page
 * does, and only its owner can read it.
 */
export function runningLine(origin: string, launchPage: string): string {
  return `LayerLab is running at ${origin}/\nOpen it with ${pathToFileURL(launchPage).href} (a page only you can read; it carries this computer's LayerLab key).`;
}

/** The launch page's name in the profile folder. */
export const launchPageName = 'open-layerlab.html';

/**
 * Writes a one-line page that sends the browser on to `url` (which carries
 * the credential) into `dir` (the 0700 profile folder), readable by the user
 * only (0600; a new file renamed into place, so a planted link is replaced,
 * never written through). Chromium opens this page instead of the URL, so
 * the credential never appears on its command line, which every local user
 * can read in the process list, nor in the printed address.
 */
export function writeLaunchPage(dir: string, url: string): string {
  const file = path.join(dir, launchPageName);
  const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writePrivateFile(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${attribute}"><title>LayerLab</title>\n`,
  );
  return file;
}

/** Chromium's arguments for browser mode: an app window on the launch page, with its own profile. */
export function browserArgs(launchPage: string, profileDir: string): string[] {
  return [
    `--app=${pathToFileURL(launchPage).href}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
