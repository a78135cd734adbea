import { existsSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';

import { createWindowPdfPrinter, printRequestAllowed, printWindowOptions } from './print-pdf';

/** A stand-in for Electron's BrowserWindow (the Electron binary cannot run here). */
function fakeWindowClass(log: { loaded?: string; html?: string; destroyed?: boolean }) {
  return class {
    readonly webContents = {
      session: { webRequest: { onBeforeRequest: () => undefined } },
      printToPDF: async () => Buffer.from('%PDF-1.4 fake'),
    };
    async loadFile(file: string): Promise<void> {
      log.loaded = file;
      log.html = readFileSync(file, 'utf8');
    }
    destroy(): void {
      log.destroyed = true;
    }
  } as unknown as typeof BrowserWindow;
}

describe('Electron PDF printing', () => {
  it('prints in a hidden, script-less window and cleans up after itself', async () => {
    const log: { loaded?: string; html?: string; destroyed?: boolean } = {};
    const pdf = await createWindowPdfPrinter(fakeWindowClass(log))(
      '<html><head><title>s</title></head><body>x</body></html>',
    );
    expect(String.fromCharCode(...pdf.subarray(0, 5))).toBe('%PDF-');
    expect(log.html).toContain("default-src 'none'");
    expect(log.destroyed).toBe(true);
    expect(existsSync(log.loaded ?? '/')).toBe(false);
    const prefs = printWindowOptions().webPreferences ?? {};
    expect([printWindowOptions().show, prefs.javascript, prefs.sandbox, prefs.preload]).toEqual([
      false,
      false,
      true,
      undefined,
    ]);
  });

  it('lets the page load only itself and data: images', () => {
    expect(printRequestAllowed('file:///tmp/layerlab-print-1/page.html')).toBe(true);
    expect(printRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(printRequestAllowed('https://example.com/x.png')).toBe(false);
  });
});
