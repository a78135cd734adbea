import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { chromium, type Browser, type BrowserServer as ChromiumServer } from '@playwright/test';

import { repoRoot, rendererRoot, type UiLanguage } from './layerlab-app';

/**
 * Browser mode as separate processes a test can `kill -9`: the LayerLab
 * server in its own Node process (`serve-child.ts`, over the user-data folder
 * given) and Chromium launched by the test (not Playwright's shared browser).
 * For fault tests only; other specs use the in-process `app` fixture.
 */
export interface KillableServer {
  readonly url: string;
  readonly process: ChildProcess;
}

export async function startServerProcess(
  userDataDir: string,
  locale: UiLanguage,
): Promise<KillableServer> {
  // One process (node with tsx's loader, not the tsx wrapper): SIGKILL must hit the server itself.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'e2e', 'support', 'serve-child.ts'),
      userDataDir,
      rendererRoot,
      locale,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${String(code)})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { url, process: child };
}

export interface KillableBrowser {
  readonly browser: Browser;
  readonly server: ChromiumServer;
}

export async function startChromium(): Promise<KillableBrowser> {
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return { browser, server };
}

/** `kill -9`: no exit handler, no unload event, no last write runs. */
export async function killHard(child: ChildProcess | null): Promise<void> {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
