import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { answerChooser, expect, repoRoot, test, type UiLanguage } from './support/fixtures';
import { artifactsDir } from './support/layerlab-app';

/**
 * Issue #16: once the browser-mode server died, the open tab could not save
 * (a restart brought a new port and token). Now the credential and the port
 * are kept in the profile folder: this starts `npm start`'s browser mode as a
 * real process, opens the page from its 0600 launch page, kills the server
 * with SIGKILL in the middle of editing, checks the page says so and keeps
 * the edit, starts the server again, and saves from the same page.
 */

interface Started {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly launchPage: string;
  readonly output: () => string;
}

/** Runs electron/launch/start.ts (browser mode, no window) in one Node process, as `npm start` does. */
async function startServer(profile: string, locale: UiLanguage): Promise<Started> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/launch/start.ts',
      '--browser',
      '--no-open',
      '--user-data-dir',
      profile,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, LANG: locale === 'en' ? 'en_US.UTF-8' : 'zh_CN.UTF-8', LC_ALL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const running =
      /LayerLab is running at (http:\/\/127\.0\.0\.1:\d+)\/\nOpen it with (file:\S+)/.exec(text);
    if (running?.[1] && running[2])
      return {
        child,
        origin: running[1],
        launchPage: running[2],
        output: () => text,
      };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`browser mode did not start:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function killHard(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGKILL');
  await exited;
}

async function dropLayer(page: Page, kind: string, x: number, y: number): Promise<void> {
  const before = await page.getByTestId('layer-node').count();
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
  await expect(page.getByTestId('layer-node')).toHaveCount(before + 1);
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`saves again from the same page after the server is killed with SIGKILL and restarted (${locale})`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const base = await mkdtemp(path.join(os.tmpdir(), 'layerlab-reconnect-'));
    const profile = path.join(base, 'profile');
    const work = path.join(base, 'work');
    await mkdir(work);
    const project = path.join(work, 'kept.layerlab');
    const servers: Started[] = [];
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    try {
      const first = await startServer(profile, locale);
      servers.push(first);
      // Nothing secret is printed: the address has no credential, the page that has it is 0600.
      const credential = (await readFile(path.join(profile, 'browser-credential'), 'utf8')).trim();
      expect(first.output()).not.toContain(credential);
      expect((await stat(new URL(first.launchPage))).mode & 0o777).toBe(0o600);

      const page = await context.newPage();
      await page.goto(first.launchPage);
      await page.waitForURL(`${first.origin}/`);
      await page
        .locator('[data-app-state="ready"]')
        .waitFor({ state: 'attached', timeout: 60_000 });
      await page.getByTestId('start-new').click();
      await dropLayer(page, 'Dense', 300, 200);
      await page.keyboard.press('Control+s');
      await answerChooser(page, project);
      await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
      expect(await readFile(project, 'utf8')).not.toContain('dense_2');

      // Edit, then the server dies without a chance to clean up.
      await dropLayer(page, 'Dense', 300, 400);
      await killHard(first);
      await page.keyboard.press('Control+s');
      const banner = page.getByTestId('connection-banner');
      await expect(banner).toHaveAttribute('data-state', 'lost');
      await expect(banner).toContainText(
        locale === 'en'
          ? 'Connection to LayerLab lost — reconnecting…'
          : '与 LayerLab 的连接已断开',
      );
      await expect(page.getByTestId('dirty-marker')).toBeVisible();
      await expect(page.getByTestId('layer-node')).toHaveCount(2);
      await mkdir(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, `reconnect-lost-${locale}.png`) });
      expect(await readFile(project, 'utf8')).not.toContain('dense_2');

      const second = await startServer(profile, locale);
      servers.push(second);
      expect(second.origin).toBe(first.origin); // the last port, free again
      await expect(banner).toHaveAttribute('data-state', 'restored', { timeout: 30_000 });
      await page.screenshot({ path: path.join(artifactsDir, `reconnect-restored-${locale}.png`) });
      await page.keyboard.press('Control+s');
      await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
      expect(await readFile(project, 'utf8')).toContain('dense_2');
      await expect(banner).toHaveCount(0, { timeout: 15_000 });
    } finally {
      await context.close();
      for (const started of servers)
        if (started.child.exitCode === null && started.child.signalCode === null)
          await killHard(started);
      await rm(base, { recursive: true, force: true });
    }
  });
}
