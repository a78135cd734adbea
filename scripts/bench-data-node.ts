/**
 * One Node-side load for scripts/bench-data.ts, in its own process so that
 * peak memory (maxRSS, worker threads included) belongs to this load alone.
 * Prints one JSON line.
 */
import { defaultImageOptions } from '../core/data/config';
import { loadImageFolder } from '../electron/data/load-folder';

const [root, cacheDir] = process.argv.slice(2);
if (root === undefined || cacheDir === undefined)
  throw new Error('usage: bench-data-node.ts <root> <cacheDir>');
const t0 = performance.now();
const loaded = await loadImageFolder(root, {
  image: { ...defaultImageOptions, width: 28, height: 28, colorMode: 'grayscale' },
  split: { seed: 1, validationShare: 0.1 },
  cacheDir,
});
const totalMs = performance.now() - t0;
const out = new Uint8Array(loaded.store.sampleBytes * 10);
await loaded.store.read([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], out);
console.log(
  JSON.stringify({
    scanMs: loaded.timings.scanMs,
    decodeMs: loaded.timings.decodeMs,
    totalMs,
    fromCache: loaded.timings.fromCache,
    samples: loaded.plan.samples.length,
    skipped: loaded.plan.report.skipped.length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    // CPU time of all threads (main + decode workers): less sensitive than wall time to a busy shared machine.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    checksum: out.reduce((a, b) => a + b, 0),
  }),
);
