import type { ChooserController } from './chooser-controller';
import type { Host } from '@core';
import { createHttpHost, readPageToken } from './http-host';
import { createMemoryHost } from './memory-host';

/**
 * Picks the host for this page: the Electron preload's `window.host`, else
 * the browser-mode server (the page carries its token), else an in-memory
 * host (a plain dev server or a test page). Only this module and
 * HostProvider know `window.host` exists.
 */
export function createHost(
  chooser: ChooserController,
  page: { host?: unknown; document?: Pick<Document, 'querySelector'> } = globalThis as never,
): Host {
  if (isHost(page.host)) return page.host;
  const token = page.document ? readPageToken(page.document) : null;
  if (token !== null) {
    const host = createHttpHost({ token, choosePath: chooser.choose });
    chooser.attachBrowser(host.browse);
    return host;
  }
  return createMemoryHost({ choosePath: chooser.choose });
}

function isHost(candidate: unknown): candidate is Host {
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as Partial<Host>).getAppInfo === 'function'
  );
}
