/**
 * Page driven by scripts/bench-data.ts (npm run bench:data) in Chromium: loads
 * a folder exactly as the app does, through the real browser-mode server and
 * host services (grant, listing, batch reads as binary frames, the on-disk
 * pixel cache) and the app's loader (`loadImageDataset`: Web Worker decoding,
 * session cache, disk tier). The folder comes as `?dir=`, standing in for the
 * in-app chooser's answer. Not part of the app bundle.
 */
import { defaultImageOptions } from '@core';

import { createHttpHost, readPageToken } from '../../renderer/host/http-host';
import type { HttpHost } from '../../renderer/host/http-host';
import type { FolderGrant } from '../../core/contract/host';
import { loadImageDataset } from '../../renderer/data/load-dataset';
import type { ReadFiles } from '../../renderer/data/decode-pool';
import { hostPixelCache } from '../../renderer/data/persistent-sample-cache';

interface BenchResult {
  scanMs: number;
  loadMs: number;
  /** Time to store the decoded pixels in the host's disk cache (after the load; not awaited by the app). */
  diskWriteMs: number;
  samples: number;
  skipped: number;
  fromCache: boolean;
  checksum: number;
}

let session: { host: HttpHost; grant: FolderGrant } | null = null;

async function connect(): Promise<{ host: HttpHost; grant: FolderGrant }> {
  if (session !== null) return session;
  const dir = new URLSearchParams(location.search).get('dir');
  const host = createHttpHost({
    token: readPageToken(document) ?? '',
    choosePath: async () => dir,
  });
  const grant = await host.pickDatasetFolder({ kind: 'image' });
  if (!grant.ok) throw new Error(`grant: ${grant.error.message}`);
  session = { host, grant: grant.value };
  return session;
}

async function run(): Promise<BenchResult> {
  const { host, grant } = await connect();
  const t0 = performance.now();
  const listed = await host.listDatasetFolder({ grantId: grant.grantId });
  if (!listed.ok) throw new Error(`list: ${listed.error.message}`);
  const t1 = performance.now();
  const readFiles: ReadFiles = async (paths) => {
    const read = await host.readDatasetFiles({ grantId: grant.grantId, paths });
    return read.ok ? read.value : paths.map((path) => ({ path, ok: false, error: read.error }));
  };
  // The app's disk tier, with its (unawaited) write tracked so the benchmark can time it apart.
  const disk = hostPixelCache(host);
  let written: Promise<void> = Promise.resolve();
  const image = { ...defaultImageOptions, width: 28, height: 28, colorMode: 'grayscale' as const };
  const loaded = await loadImageDataset({
    contents: {
      folderId: grant.displayPath,
      files: listed.value.files,
      ignored: listed.value.skipped,
      ...(listed.value.folders === undefined ? {} : { folders: listed.value.folders }),
    },
    readFiles,
    image,
    split: { seed: 1, validationShare: 0.1 },
    diskCache: { get: disk.get, put: (key, entry) => (written = disk.put(key, entry)) },
  });
  const t2 = performance.now();
  await written;
  const t3 = performance.now();
  // A checksum over a few samples proves the pixels were really decoded.
  const out = new Uint8Array(loaded.store.sampleBytes * 10);
  await loaded.store.read([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], out);
  return {
    scanMs: t1 - t0,
    loadMs: t2 - t1,
    diskWriteMs: t3 - t2,
    samples: loaded.plan.samples.length,
    skipped: loaded.plan.report.skipped.length,
    fromCache: loaded.fromCache,
    checksum: out.reduce((a, b) => a + b, 0),
  };
}

Object.assign(window, { runDataBench: run });
document.getElementById('status')?.replaceChildren('ready');

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
  const { decodeImageInBrowser, decodeWithImageBitmap } =
    await import('../../renderer/data/decode-image-browser');
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
