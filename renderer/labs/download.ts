/**
 * Saving and loading through the browser's own mechanisms (a download link and a
 * file input), which work the same in Electron and in browser mode. Lab files and
 * answer keys are small text documents, so no host service is needed.
 */
export function downloadText(fileName: string, contents: string, mime: string): void {
  downloadBlob(fileName, new Blob([contents], { type: `${mime};charset=utf-8` }));
}

/** Saves bytes (a printed PDF) the same way. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime: string): void {
  downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on the next task so the download has started.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file as text (lab files are at most a few hundred kB). */
export async function readFileText(
  file: File,
  maxBytes = 2_000_000,
): Promise<
  { ok: true; text: string } | { ok: false; code: 'lab-file-too-large' | 'lab-file-unreadable' }
> {
  if (file.size > maxBytes) return { ok: false, code: 'lab-file-too-large' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, code: 'lab-file-unreadable' };
  }
}
