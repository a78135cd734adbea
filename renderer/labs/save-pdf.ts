import type { Host } from '@core';

import { showToast } from '../ui/toast-store';
import { downloadBytes, downloadText } from './download';

/**
 * Saves a printable page (worksheet, answer key) as PDF through the host
 * (`printPdf`: Electron's printer, or Chromium headless in browser mode).
 * When the host cannot print (no Chromium: `unsupported`) or printing fails,
 * the user is told why and gets the HTML page instead, to print from a
 * browser: never a silent nothing. Resolves to what was saved.
 */
export async function savePdf(host: Host, html: string, fileName: string): Promise<'pdf' | 'html'> {
  showToast({ tone: 'info', messageKey: 'labs:pdf.printing' });
  const printed = await host.printPdf({ html });
  const base = fileName.replace(/\.html$/i, '');
  if (printed.ok) {
    downloadBytes(`${base}.pdf`, printed.value, 'application/pdf');
    return 'pdf';
  }
  showToast({
    tone: 'warning',
    messageKey: printed.error.code === 'unsupported' ? 'labs:pdf.unsupported' : 'labs:pdf.failed',
    values: { code: printed.error.code },
  });
  downloadText(`${base}.html`, html, 'text/html');
  return 'html';
}
