import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from '@playwright/test';

import { writeLaunchPage } from '../electron/launch/launch-plan';
import { browserAppInfo } from '../electron/host/server/browser-app-info';
import { startBrowserServer } from '../electron/host/server/browser-server';

/**
 * `npm start` hands the token to Chromium through a 0600 page (file://) instead of its command
 * line. Navigations started by that page are cross-site, where the SameSite=Strict session
 * cookie is withheld: this checks that the app still opens, with the cookie, and a clean URL.
 * Needs no build (a stand-in index.html).
 */
test('the launch page opens the app with its session cookie and no token in the address bar', async ({
  page,
}) => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'layerlab-launch-page-'));
  const renderer = path.join(base, 'renderer');
  await mkdir(renderer);
  await writeFile(
    path.join(renderer, 'index.html'),
    '<!doctype html><html><head><title>LayerLab</title></head><body><p id="app">app</p></body></html>',
  );
  const server = await startBrowserServer({
    rendererRoot: renderer,
    userDataDir: path.join(base, 'user-data'),
    port: 0,
    appInfo: browserAppInfo(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')),
  });
  try {
    const launchPage = writeLaunchPage(base, server.url);
    await page.goto(`file://${launchPage}`);
    await page.waitForURL(`${server.origin}/`);
    await expect(page.locator('#app')).toHaveText('app');
    expect(page.url()).not.toContain(server.token);
  } finally {
    await server.close();
    await rm(base, { recursive: true, force: true });
  }
});
