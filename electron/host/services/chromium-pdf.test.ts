import { describe, expect, it } from 'vitest';

import {
  chromiumPdfPrinter,
  chromiumPrintArgs,
  findChromium,
  startsWithPdfMagic,
  withPrintPolicy,
} from './chromium-pdf';

describe('chromium PDF printing', () => {
  it('prints a worksheet page to a real PDF with the Chromium CI installs', async () => {
    // .ci/run installs Debian's chromium; without it this fails rather than skips.
    const chromium = await findChromium();
    expect(chromium, 'no Chromium found (CI installs Debian chromium)').not.toBeNull();
    const html =
      '<!doctype html><meta charset="utf-8"><title>Sheet</title><h1>反向传播 worksheet</h1><p>∂L/∂w₅ = ____</p>';
    const pdf = await chromiumPdfPrinter(async () => chromium)(html);
    expect(startsWithPdfMagic(pdf)).toBe(true);
    expect(String.fromCharCode(...pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(1000);
  }, 120_000);

  it('answers unsupported when there is no Chromium, so the UI can offer the HTML', async () => {
    const print = chromiumPdfPrinter(async () => null);
    await expect(print('<p>x</p>')).rejects.toMatchObject({ code: 'unsupported' });
    expect(await findChromium(['/nonexistent/a'])).toBe(
      process.env.LAYERLAB_CHROMIUM ? process.env.LAYERLAB_CHROMIUM : null,
    );
  });

  it('turns the sandbox off only as root, and lets the page reach no host', () => {
    const base = { htmlFile: '/tmp/x/page.html', pdfFile: '/tmp/x/p.pdf', profileDir: '/tmp/x/p' };
    expect(chromiumPrintArgs({ ...base, asRoot: false })).not.toContain('--no-sandbox');
    const asRoot = chromiumPrintArgs({ ...base, asRoot: true });
    expect(asRoot).toContain('--no-sandbox');
    expect(asRoot).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
    expect(asRoot.at(-1)).toBe('file:///tmp/x/page.html');
  });

  it('puts a no-script policy first in the head', () => {
    expect(withPrintPolicy('<!doctype html><html><head><title>t</title>')).toMatch(
      /^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*"><title>/,
    );
    expect(withPrintPolicy('<p>x</p>')).toMatch(/^<meta http-equiv="Content-Security-Policy"/);
  });

  it('drops every refresh tag, which would navigate the printer elsewhere without script', () => {
    for (const tag of [
      '<meta http-equiv="refresh" content="0;url=file:///etc/passwd">',
      "<META HTTP-EQUIV='Refresh' CONTENT='0; URL=file:///etc/passwd'>",
      '<meta content="0;url=file:///etc/passwd" http-equiv = refresh >',
    ]) {
      const printed = withPrintPolicy(`<html><head>${tag}</head><body>x</body></html>`);
      expect(printed).not.toMatch(/refresh/i);
      expect(printed).not.toContain('/etc/passwd');
      expect(printed).toContain('<body>x</body>');
    }
  });

  it('recognises PDF bytes by their magic', () => {
    expect(startsWithPdfMagic(Uint8Array.from('%PDF-1.7', (c) => c.charCodeAt(0)))).toBe(true);
    expect(startsWithPdfMagic(Uint8Array.from('<html>', (c) => c.charCodeAt(0)))).toBe(false);
  });
});
