import { browserAppInfo } from '../../electron/host/server/browser-app-info';
import { startBrowserServer } from '../../electron/host/server/browser-server';
import { repoRoot } from './layerlab-app';

/**
 * A browser-mode server in a process of its own (server-process.ts starts it
 * so that a fault test can kill it with SIGKILL). Arguments: user-data folder,
 * renderer root, locale. Prints `{ "url": … }` on one line once it listens.
 */
const [userDataDir, rendererRoot, locale] = process.argv.slice(2);
if (userDataDir === undefined || rendererRoot === undefined)
  throw new Error('usage: serve-child <userData> <renderer> [locale]');
const server = await startBrowserServer({
  rendererRoot,
  userDataDir,
  appInfo: browserAppInfo(repoRoot, locale === 'en' ? 'en' : 'zh-CN'),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
