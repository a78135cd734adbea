import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { HostFailure } from './host-error';

/** Where Debian, Ubuntu and Fedora put Chromium (CI installs Debian's `chromium`). */
const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Prints HTML to PDF bytes (browser mode: a Chromium found on this machine). */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/** The first Chromium that can be run here (`LAYERLAB_CHROMIUM` first), or null. */
export async function findChromium(
  candidates: readonly string[] = chromiumCandidates,
): Promise<string | null> {
  const fromEnv = process.env.LAYERLAB_CHROMIUM;
  for (const candidate of fromEnv ? [fromEnv, ...candidates] : candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next.
    }
  }
  return null;
}

/**
 * The command line that prints `htmlFile` to `pdfFile`: headless, its own
 * throw-away profile, and every host name unresolvable so the page can reach
 * no network. Script cannot be switched off (`scriptEnabled=false` makes
 * headless print write nothing): `withPrintPolicy` adds a CSP that allows none.
 * Chromium's sandbox cannot start as root (CI runs as root), so only then is
 * it turned off.
 */
export function chromiumPrintArgs(options: {
  readonly htmlFile: string;
  readonly pdfFile: string;
  readonly profileDir: string;
  readonly asRoot: boolean;
}): string[] {
  return [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${options.profileDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${options.pdfFile}`,
    ...(options.asRoot ? ['--no-sandbox'] : []),
    pathToFileURL(options.htmlFile).href,
  ];
}

const printTimeoutMs = 90_000;

/**
 * A `PrintPdf` over a Chromium binary: the page is written to a private temp
 * folder, printed there, read back and the folder removed. `unsupported` when
 * no Chromium is installed, `io-error` when it fails or takes over 90 s.
 */
export function chromiumPdfPrinter(
  locate: () => Promise<string | null> = () => findChromium(),
): PrintPdf {
  return async (html) => {
    const binary = await locate();
    if (binary === null)
      throw new HostFailure('unsupported', 'No Chromium is installed to print PDF with.');
    const dir = await mkdtemp(path.join(tmpdir(), 'layerlab-pdf-'));
    try {
      const htmlFile = path.join(dir, 'page.html');
      const pdfFile = path.join(dir, 'page.pdf');
      await writeFile(htmlFile, withPrintPolicy(html), { mode: 0o600 });
      const args = chromiumPrintArgs({
        htmlFile,
        pdfFile,
        profileDir: path.join(dir, 'profile'),
        asRoot: process.getuid?.() === 0,
      });
      await run(binary, args, printTimeoutMs);
      const pdf = new Uint8Array(await readFile(pdfFile).catch(() => Buffer.alloc(0)));
      if (!startsWithPdfMagic(pdf))
        throw new HostFailure('io-error', 'Chromium wrote no PDF.', path.basename(binary));
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** No script, no network: only inline styles and `data:` images (CSPs combine, so a page's own stays in force). */
export const printPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * `<meta http-equiv="refresh">` navigates without script, and a CSP does not
 * stop it: a page could send the printer to another local file and hand its
 * text back as PDF. Our worksheets never refresh, so every such tag goes.
 */
const metaRefresh = /<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh[^>]*>/gi;

/**
 * The page with the print policy as the first thing in its head (or first,
 * when it has none), and without any refresh tag.
 */
export function withPrintPolicy(page: string): string {
  const html = page.replace(metaRefresh, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${printPolicy}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head === null) return `${meta}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

/** True for bytes that begin as every PDF file does (`%PDF-`). */
export function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.byteLength > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

function run(binary: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new HostFailure('io-error', 'Chromium took too long to print.'));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new HostFailure('io-error', `Chromium exited with ${code}: ${stderr.trim()}`));
    });
  });
}
