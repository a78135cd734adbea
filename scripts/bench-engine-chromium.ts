/**
 * The Chromium row of `npm run bench:engine`: LeNet trained through the app's
 * worker path (training client → training worker → LayerLab's engine with its
 * nested peer workers) in headless Debian Chromium, on a page served with
 * COOP/COEP as the app is (so the peers share memory), while a rAF loop on
 * the window's main thread records the frame rate and the longest frame gap.
 */
import { loadavg } from 'node:os';

import { openBenchPage } from './bench-train-page/open-page';
import { loadFashionMnist } from './fashion-mnist';

interface AppResult {
  backend: string;
  engine: string;
  examplesPerSecond: number;
  fps: number;
  measuredFrameGapMs: number;
  crossOriginIsolated: boolean;
}

/** One line: ex/s, ratio to PyTorch's best (when given), fps and the longest frame gap. */
export async function chromiumEngineRow(torchBest: number | null): Promise<string> {
  const train = await loadFashionMnist('train');
  const { page, close } = await openBenchPage('bench-engine-page', train.pixels, train.labels);
  try {
    const r = await page.evaluate(
      (q) =>
        (window as unknown as { runAppBench: (q: unknown) => Promise<AppResult> }).runAppBench(q),
      { backend: 'wasm', model: 'cnn', warmup: 10, batches: 110 }, // 120 × 64 of the 8,000 samples served,
    );
    const ratio = torchBest
      ? `, ${(r.examplesPerSecond / torchBest).toFixed(2)}× PyTorch best`
      : '';
    return `Chromium app worker, LeNet batch 64 (${r.engine}; crossOriginIsolated ${String(r.crossOriginIsolated)}): ${Math.round(r.examplesPerSecond).toLocaleString('en')} ex/s${ratio}; main thread ${r.fps.toFixed(1)} fps, longest frame gap ${r.measuredFrameGapMs.toFixed(0)} ms (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`;
  } finally {
    await close();
  }
}
