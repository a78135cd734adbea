// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createMemoryHost } from '../host/memory-host';
import { useToastStore } from '../ui/toast-store';
import { savePdf } from './save-pdf';

/**
 * Records what the page offers for download (file name and MIME type, in
 * order) into a list owned by the calling test; the spies go after each test.
 */
function recordDownloads(): { name: string; type: string }[] {
  const saved: { name: string; type: string }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    saved.push({ name: '', type: (blob as Blob).type });
    return 'blob:layerlab/1';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const last = saved.at(-1);
    if (last) last.name = this.download;
  });
  return saved;
}

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(() => vi.restoreAllMocks());

describe('savePdf', () => {
  it('saves the printed PDF under the sheet name', async () => {
    const saved = recordDownloads();
    const host = createMemoryHost({ printPdf: async () => Uint8Array.from([0x25, 0x50]) });
    expect(await savePdf(host, '<p>sheet</p>', 'backprop.zh-CN.worksheet.html')).toBe('pdf');
    expect(saved).toEqual([{ name: 'backprop.zh-CN.worksheet.pdf', type: 'application/pdf' }]);
  });

  it('without a printer says why and saves the HTML instead (never silent)', async () => {
    const saved = recordDownloads();
    const host = createMemoryHost(); // no printer: `unsupported`, as where no Chromium is installed
    expect(await savePdf(host, '<p>sheet</p>', 'key.en.html')).toBe('html');
    expect(saved).toEqual([{ name: 'key.en.html', type: 'text/html;charset=utf-8' }]);
    const keys = useToastStore.getState().toasts.map((t) => t.messageKey);
    expect(keys).toContain('labs:pdf.unsupported');
  });
});
