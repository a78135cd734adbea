import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from '@playwright/test';

import { browserAppInfo } from '../../electron/host/server/browser-app-info';
import { startBrowserServer, type BrowserServer } from '../../electron/host/server/browser-server';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const artifactsDir = path.join(repoRoot, 'e2e', 'artifacts');
export const rendererRoot =
  process.env.LAYERLAB_RENDERER_ROOT ?? path.join(repoRoot, 'dist', 'renderer');

export type UiLanguage = 'zh-CN' | 'en';

export interface OpenOptions {
  /** The OS locale the host reports and the browser uses; default zh-CN. */
  readonly locale?: UiLanguage;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
}

/** A folder tree to create: relative path → contents (a string, bytes, or null for an empty folder). */
export type FolderTree = Readonly<Record<string, string | Uint8Array | null>>;

/**
 * One LayerLab in browser mode for one test: a loopback server over a fresh
 * temp user-data folder (so recent projects and grants start empty), plus the
 * helpers specs need. Nothing is built here: `npm run build` ran before.
 */
export class LayerLabApp {
  server: BrowserServer | null = null;
  private serverLocale: UiLanguage | null = null;
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    private readonly browser: Browser,
    /** Temp folder of this test; everything below is deleted afterwards. */
    readonly tempDir: string,
    /** The host's user-data folder (recent-projects.json, settings.json, folder-grants.json). */
    readonly userDataDir: string,
  ) {}

  static async create(browser: Browser): Promise<LayerLabApp> {
    if (!existsSync(path.join(rendererRoot, 'index.html'))) {
      throw new Error(
        `No built renderer at ${rendererRoot}: run \`npm run build\` before the e2e tests.`,
      );
    }
    const tempDir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-e2e-'));
    const userDataDir = path.join(tempDir, 'user-data');
    await mkdir(userDataDir, { recursive: true });
    return new LayerLabApp(browser, tempDir, userDataDir);
  }

  /** Starts (or restarts, when the locale changes) the server; the user-data folder is kept. */
  async startServer(locale: UiLanguage = 'zh-CN'): Promise<BrowserServer> {
    if (this.server && this.serverLocale === locale) return this.server;
    await this.server?.close();
    this.server = await startBrowserServer({
      rendererRoot,
      userDataDir: this.userDataDir,
      appInfo: browserAppInfo(repoRoot, locale),
    });
    this.serverLocale = locale;
    return this.server;
  }

  /**
   * Opens the app in a fresh browser context (empty localStorage) with the
   * token link, and waits until the root says `data-app-state="ready"`.
   */
  async open(options: OpenOptions = {}): Promise<Page> {
    const locale = options.locale ?? 'zh-CN';
    const server = await this.startServer(locale);
    const context = await this.browser.newContext({
      locale,
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1440, height: 900 },
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(server.url);
    await page.locator('[data-app-state="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    return page;
  }

  /** Creates `tree` under `<tempDir>/<name>` and returns its absolute path. */
  async makeFolder(name: string, tree: FolderTree = {}): Promise<string> {
    const root = path.join(this.tempDir, name);
    await mkdir(root, { recursive: true });
    for (const [rel, contents] of Object.entries(tree)) {
      const target = path.join(root, ...rel.split('/'));
      if (contents === null) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, contents);
    }
    return root;
  }

  /** Saves a full-page screenshot as `e2e/artifacts/<name>.png` and returns the path. */
  async screenshot(page: Page, name: string): Promise<string> {
    await mkdir(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  }

  async dispose(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.server?.close();
    await rm(this.tempDir, { recursive: true, force: true });
  }
}
