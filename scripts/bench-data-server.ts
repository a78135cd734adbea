/**
 * The browser-mode server for scripts/bench-data.ts, in its own process as in
 * `npm start` (and away from Playwright, whose async hooks would slow every
 * promise of the host services). Prints its URL as one JSON line, then serves
 * until killed.
 */
import { startBrowserServer } from '../electron/host/server/browser-server';

const [rendererRoot, userDataDir] = process.argv.slice(2);
if (rendererRoot === undefined || userDataDir === undefined)
  throw new Error('usage: bench-data-server.ts <rendererRoot> <userDataDir>');
const server = await startBrowserServer({
  rendererRoot,
  userDataDir,
  appInfo: {
    name: 'LayerLab',
    version: 'bench',
    mode: 'browser',
    platform: process.platform,
    locale: 'en',
    nativeDialogs: false,
  },
});
console.log(JSON.stringify({ url: server.url }));
