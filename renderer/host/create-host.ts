import type { ChooserController } from './chooser-controller';
import { ConnectionMonitor } from './connection-monitor';
import type { Host } from '@core';
import { createHttpHost, readPageToken } from './http-host';
import { createMemoryHost } from './memory-host';

/**
 * Picks the host for this page: the Electron preload's `window.host`, else
 * the browser-mode server (the page carries its token), else an in-memory
 * host (a plain dev server or a test page). Only this module and
 * HostProvider know `window.host` exists. In browser mode it also answers
 * the monitor that shows a lost (and found again) server.
 */
export function createHost(
  chooser: ChooserController,
  page: { host?: unknown; document?: Pick<Document, 'querySelector'> } = globalThis as never,
): { host: Host; connection: ConnectionMonitor | null } {
  if (isHost(page.host)) return { host: page.host, connection: null };
  const token = page.document ? readPageToken(page.document) : null;
  if (token !== null) {
    // Calls report to the monitor; the monitor probes through the host (checked every 10 s while idle).
    const connection = new ConnectionMonitor({ probe: () => host.probe(), heartbeatMs: 10_000 });
    const host = createHttpHost({ token, choosePath: chooser.choose, connection });
    chooser.attachBrowser(host.browse, host.createFolder);
    return { host, connection };
  }
  return { host: createMemoryHost({ choosePath: chooser.choose }), connection: null };
}

function isHost(candidate: unknown): candidate is Host {
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as Partial<Host>).getAppInfo === 'function'
  );
}
