/**
 * The real app for the UI benches: a browser-mode server on the built
 * renderer (dist/renderer, or LAYERLAB_RENDERER_ROOT) with its own profile
 * folder, and Debian Chromium with one page on it, loaded and ready.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser, type Page } from 'playwright-core';

import { startBrowserServer } from '../electron/host/server/browser-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererRoot = process.env.LAYERLAB_RENDERER_ROOT ?? path.join(repoRoot, 'dist', 'renderer');

export interface BenchApp {
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** Starts the server and the browser; `beforeLoad` runs on the page before the app loads. */
export async function startBenchApp(options: {
  readonly workDir: string;
  readonly beforeLoad?: (page: Page) => Promise<void> | void;
}): Promise<BenchApp> {
  if (!existsSync(path.join(rendererRoot, 'index.html')))
    throw new Error(`No built renderer at ${rendererRoot}: run \`npm run build\` first.`);
  const server = await startBrowserServer({
    rendererRoot,
    userDataDir: path.join(options.workDir, 'user-data'),
    appInfo: {
      name: 'LayerLab',
      version: 'bench',
      mode: 'browser',
      platform: process.platform,
      locale: 'en',
      nativeDialogs: false,
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await options.beforeLoad?.(page);
    await page.goto(server.url);
    await page.locator('[data-app-state="ready"]').first().waitFor();
    return { browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
