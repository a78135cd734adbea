import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

import { withPrintPolicy, type PrintPdf } from '../../host/services/chromium-pdf';

/**
 * The hidden window a page is printed in: no preload, script off, sandboxed,
 * an in-memory session of its own (so it shares nothing with the app's).
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: 'layerlab-print',
      spellcheck: false,
    },
  };
}

/** Only the page itself and inline `data:` images load; anything else is cancelled (no network). */
export function printRequestAllowed(url: string): boolean {
  return url.startsWith('file:') || url.startsWith('data:');
}

/**
 * `printPdf` in Electron: the page is written to a private temp folder,
 * loaded in a hidden window and printed with `webContents.printToPDF` (A4,
 * backgrounds on), then the window and folder are removed.
 */
export function createWindowPdfPrinter(BrowserWindowClass: typeof BrowserWindow): PrintPdf {
  return async (html) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'layerlab-print-'));
    const win = new BrowserWindowClass(printWindowOptions());
    try {
      win.webContents.session.webRequest.onBeforeRequest((details, callback) =>
        callback({ cancel: !printRequestAllowed(details.url) }),
      );
      const file = path.join(dir, 'page.html');
      await writeFile(file, withPrintPolicy(html), { mode: 0o600 });
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
