import path from 'node:path';

import { _electron as electron, expect, test } from '@playwright/test';

import { findElectronBinary } from '../electron/launch/launch-plan';
import { repoRoot } from './support/layerlab-app';

/**
 * Smoke test of the real Electron window. It needs Electron's binary, which
 * is downloaded on first use and cannot be had offline; where it is missing
 * the test reports itself as not run, with the reason (the one sanctioned
 * conditional skip). Everything it covers is also checked by unit tests of
 * electron/shell/main and by the browser-mode journeys.
 */

const binary = findElectronBinary(repoRoot);

test('the Electron window opens the app from app:// with a locked-down page', async () => {
  test.skip(
    'missing' in binary,
    `Electron binary not present: ${'missing' in binary ? binary.missing : ''}`,
  );
  if (!('path' in binary)) return;
  const app = await electron.launch({
    executablePath: binary.path,
    args: [repoRoot],
    cwd: repoRoot,
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  try {
    const page = await app.firstWindow();
    await page.locator('[data-app-state="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(new URL(page.url()).protocol).toBe('app:');
    expect(
      await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
    ).toBe('undefined');
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { host: object }).host).sort()),
    ).toContain('openProject');
    await expect(page.getByTestId('start-screen')).toBeVisible();
    await page.screenshot({ path: path.join(repoRoot, 'e2e', 'artifacts', 'electron-start.png') });
  } finally {
    await app.close();
  }
});
