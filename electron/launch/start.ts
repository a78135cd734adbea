/**
 * `npm start`: opens the Electron window when Electron can run; otherwise
 * says why in one sentence and serves browser mode on 127.0.0.1, opening
 * Chromium/Chrome in app mode when there is a display, else printing the URL.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { browserAppInfo } from '../host/server/browser-app-info';
import { startBrowserServer } from '../host/server/browser-server';
import { loadBrowserCredential, readLastPort, recordPort } from './browser-credential';
import {
  browserArgs,
  defaultUserDataDir,
  findBrowser,
  findElectronBinary,
  hasDisplay,
  parseLaunchFlags,
  runningLine,
  type LaunchFlags,
  writeLaunchPage,
} from './launch-plan';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const flags = parseLaunchFlags(process.argv.slice(2));
  if ('error' in flags) {
    process.stderr.write(`LayerLab: ${flags.error}\n`);
    process.exit(2);
  }
  if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    process.stderr.write(
      'LayerLab is not built yet: run `npm run build` (npm start does this for you).\n',
    );
    process.exit(1);
  }
  if (!flags.forceBrowser) {
    const electron = findElectronBinary(repoRoot);
    if ('path' in electron) {
      const outcome = await runElectron(electron.path, flags.projectFile);
      if (outcome === 'ran') return;
      say(`Electron could not start (${outcome}), so LayerLab opens in browser mode instead.`);
    } else {
      say(
        `Electron cannot run here because ${electron.missing}, so LayerLab opens in browser mode instead.`,
      );
    }
  }
  await runBrowserMode(flags);
}

/** Runs Electron; an exit with an error within a few seconds counts as "could not start". */
function runElectron(binary: string, projectFile: string | null): Promise<'ran' | string> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const child = spawn(binary, projectFile === null ? [repoRoot] : [repoRoot, projectFile], {
      stdio: 'inherit',
    });
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => {
      if (code !== 0 && Date.now() - startedAt < 5000)
        resolve(signal ? `signal ${signal}` : `exit code ${code}`);
      else {
        process.exitCode = code ?? 0;
        resolve('ran');
      }
    });
  });
}

async function runBrowserMode(flags: LaunchFlags): Promise<void> {
  const userDataDir = flags.userDataDir ?? defaultUserDataDir();
  // The profile holds the grants, settings, the credential and the launch page: the user's only.
  mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
  if (flags.userDataDir === null) chmodSync(userDataDir, 0o700);
  // Same credential and (when free) same port as last time: a tab left open reconnects.
  const lastPort = readLastPort(userDataDir);
  const server = await startBrowserServer({
    rendererRoot: path.join(repoRoot, 'dist', 'renderer'),
    userDataDir,
    port: flags.port,
    preferredPort: lastPort,
    token: loadBrowserCredential(userDataDir),
    appInfo: browserAppInfo(repoRoot),
    ...(flags.projectFile === null ? {} : { launchFile: flags.projectFile }),
  });
  recordPort(userDataDir, server.port);
  // The credential reaches Chromium through a 0600 page, never a command line or a printed URL.
  const launchPage = writeLaunchPage(userDataDir, server.url);
  say(runningLine(server.origin, launchPage));
  if (server.portMoved)
    say(
      `Port ${lastPort}, used last time, is taken by another program, so LayerLab now runs on port ${server.port}: a LayerLab tab still open from before cannot reconnect. Open the page above; copy any unsaved work from the old tab first if you can.`,
    );

  const browser = flags.open && hasDisplay() ? findBrowser() : null;
  if (browser) {
    const child = spawn(
      browser,
      browserArgs(launchPage, path.join(userDataDir, 'browser-profile')),
      {
        stdio: 'ignore',
        detached: true,
      },
    );
    child.on('error', () =>
      say('Could not open a browser window: open the page above in Chromium or Chrome.'),
    );
    child.unref();
  } else if (flags.open) {
    say(
      hasDisplay()
        ? 'No Chromium or Chrome was found: open the page above in one.'
        : 'No display here: open the page above in Chromium or Chrome on this machine.',
    );
  }

  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `LayerLab could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
