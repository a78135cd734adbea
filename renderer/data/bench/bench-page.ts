/**
 * Page driven by scripts/bench-data.ts (npm run bench:data) in Chromium: loads
 * a folder through the app's own loader (`loadImageDataset`: host-style batch
 * reads, Web Worker decoding, session cache), with a tiny loopback server
 * standing in for the host. Not part of the app bundle.
 */
import { defaultImageOptions } from '@core';
import type { ListingEntry } from '@core';

import type { FileBytes } from '../../host/Host';
import { loadImageDataset } from '../load-dataset';
import type { ReadFiles } from '../decode-pool';

interface BenchResult {
  scanMs: number;
  loadMs: number;
  samples: number;
  skipped: number;
  fromCache: boolean;
  checksum: number;
}

const readFiles: ReadFiles = async (paths) => {
  const response = await fetch('/read', { method: 'POST', body: JSON.stringify(paths) });
  const buffer = await response.arrayBuffer();
  const view = new DataView(buffer);
  const files: FileBytes[] = [];
  let offset = 0;
  for (const path of paths) {
    const status = view.getUint32(offset, true);
    const length = view.getUint32(offset + 4, true);
    offset += 8;
    if (status === 1) files.push({ path, ok: true, bytes: new Uint8Array(buffer, offset, length) });
    else files.push({ path, ok: false, error: { code: 'not-found', message: 'missing' } });
    offset += length;
  }
  return files;
};

async function run(): Promise<BenchResult> {
  const t0 = performance.now();
  const listing = (await (await fetch('/list')).json()) as {
    files: ListingEntry[];
    folders: string[];
  };
  const t1 = performance.now();
  const image = { ...defaultImageOptions, width: 28, height: 28, colorMode: 'grayscale' as const };
  const loaded = await loadImageDataset({
    contents: { folderId: 'bench', files: listing.files, folders: listing.folders, ignored: [] },
    readFiles,
    image,
    split: { seed: 1, validationShare: 0.1 },
  });
  const t2 = performance.now();
  // A checksum over a few samples proves the pixels were really decoded.
  const out = new Uint8Array(loaded.store.sampleBytes * 10);
  await loaded.store.read([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], out);
  return {
    scanMs: t1 - t0,
    loadMs: t2 - t1,
    samples: loaded.plan.samples.length,
    skipped: loaded.plan.report.skipped.length,
    fromCache: loaded.fromCache,
    checksum: out.reduce((a, b) => a + b, 0),
  };
}

Object.assign(window, { runDataBench: run });
document.getElementById('status')?.replaceChildren('ready');

/** Phase timings for diagnosing the load: reading only, then decoding only (one worker, in the page). */
async function runPhases(): Promise<Record<string, number>> {
  const listing = (await (await fetch('/list')).json()) as { files: ListingEntry[] };
  const paths = listing.files.slice(0, 6000).map((f) => f.path);
  const t0 = performance.now();
  const all: FileBytes[] = [];
  for (let i = 0; i < paths.length; i += 128)
    all.push(...(await readFiles(paths.slice(i, i + 128))));
  const t1 = performance.now();
  const out = new Uint8Array(784);
  const { decodeImageInBrowser } = await import('../decode-image-browser');
  for (const f of all)
    if (f.ok)
      await decodeImageInBrowser(
        f.bytes,
        { width: 28, height: 28, resizeMode: 'stretch', colorMode: 'grayscale' },
        out,
      );
  const t2 = performance.now();
  return {
    files: all.length,
    readMsPerFile: (t1 - t0) / all.length,
    decodeMsPerFile: (t2 - t1) / all.length,
  };
}
Object.assign(window, { runDataPhases: runPhases });

/**
 * For e2e/dataset.spec.ts: decodes the given files with the platform decoder
 * (`createImageBitmap`, forced) and with the app's default path, so the test
 * can compare both with the Node decoders.
 */
async function decodeForComparison(
  files: readonly number[][],
  target: {
    width: number;
    height: number;
    resizeMode: 'stretch' | 'crop' | 'pad';
    colorMode: 'grayscale' | 'rgb';
  },
): Promise<{ bitmap: number[][]; auto: number[][] }> {
  const { decodeImageInBrowser, decodeWithImageBitmap } = await import('../decode-image-browser');
  const { inspectImageBytes, channelCount } = await import('@core');
  const size = target.width * target.height * channelCount(target.colorMode);
  const bitmap: number[][] = [];
  const auto: number[][] = [];
  for (const file of files) {
    const bytes = Uint8Array.from(file);
    const inspection = inspectImageBytes(bytes);
    if (!inspection.ok) throw new Error(inspection.reason);
    const a = new Uint8Array(size);
    const b = new Uint8Array(size);
    const checkA = await decodeWithImageBitmap(bytes, inspection, target, a);
    const checkB = await decodeImageInBrowser(bytes, target, b);
    if (!checkA.ok || !checkB.ok) throw new Error('decode failed');
    bitmap.push([...a]);
    auto.push([...b]);
  }
  return { bitmap, auto };
}
Object.assign(window, { decodeForComparison });
