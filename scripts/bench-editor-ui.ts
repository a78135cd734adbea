/**
 * UI half of `npm run bench:editor`: on a generated 300-node project opened
 * in the real renderer (browser mode, Debian Chromium), the time from pressing
 * Enter on a palette item to the frame that shows the new node (store edit,
 * shape inference, validation, React Flow render). Target: under 50 ms per UI
 * edit. Prints figures; asserts nothing.
 *
 * Needs a built renderer (`npm run build:renderer`); LAYERLAB_RENDERER_ROOT
 * overrides its location. To find where the time goes:
 * LAYERLAB_BENCH_PROFILE=1 records a CPU profile of the timed adds and prints
 * the functions with the most self and total time (build the renderer with
 * `--minify false` for readable names; LAYERLAB_BENCH_TOP=N lines);
 * LAYERLAB_BENCH_PROFILE=trace records a Chromium trace of each add and prints
 * main-thread CPU per add and time per event (script, style, layout, paint).
 * Both slow the adds down.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import type { CDPSession, Page } from 'playwright-core';

import { denseChainProjectText } from '../core/fixtures/dense-chain-project';
import { startBenchApp } from './bench-app';
import { addProfileTimes, printTop, traceMainThread, type CpuProfile } from './cdp-profile';

const nodeCount = 300;
const runs = 30;
/**
 * Pause after each undo before the next timed add. Without a GPU, Chromium
 * (SwiftShader) keeps rastering the undo's frames for ~100 ms after the DOM
 * shows it; adding at once would time the add with that backlog still queued
 * on the same two cores. LAYERLAB_BENCH_SETTLE_MS=0 gives the back-to-back figure.
 */
const settleMs = Number(process.env.LAYERLAB_BENCH_SETTLE_MS ?? 300);

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/**
 * Presses Enter on a palette item and resolves with ms until the frame after
 * the node appears. Written as page source text: tsx would otherwise inject
 * its `__name` helper into the function, which the page does not have.
 */
const timeAddNodeSource = `new Promise((resolve, reject) => {
  const count = () => document.querySelectorAll('[data-testid="layer-node"]').length;
  const before = count();
  const item = document.querySelector('[data-testid="palette-Dropout"]');
  if (!item) return reject(new Error('palette item missing'));
  item.focus();
  const t0 = performance.now();
  item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  const check = () => {
    if (count() > before) requestAnimationFrame(() => resolve(performance.now() - t0));
    else requestAnimationFrame(check);
  };
  check();
})`;

function timeAddNode(page: Page): Promise<number> {
  return page.evaluate(timeAddNodeSource) as Promise<number>;
}

/** CPU seconds used so far by the page's renderer processes (independent of how busy the machine is). */
async function rendererCpuSeconds(cdp: CDPSession): Promise<number> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

/** Number of layer elements on the canvas once it has not changed for half a second. */
async function settledLayerCount(page: Page): Promise<number> {
  const count = (): Promise<number> => page.getByTestId('layer-node').count();
  let last = -1;
  for (let n = await count(); n !== last; n = await count()) {
    last = n;
    await page.waitForTimeout(500);
  }
  return last;
}

/** Undoes the add, waits until the canvas shows as many layer elements as before it, then pauses. */
async function undoAndWait(page: Page, shown: number): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(
    ([n, total]) =>
      document.querySelector('[data-testid="canvas"]')?.getAttribute('data-node-count') ===
        String(total) && document.querySelectorAll('[data-testid="layer-node"]').length === n,
    [shown, nodeCount],
  );
  await page.waitForTimeout(settleMs);
}

async function main(): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'layerlab-bench-ui-'));
  await writeFile(
    path.join(workDir, 'bench-300.layerlab'),
    denseChainProjectText('bench-300', nodeCount),
  );
  const app = await startBenchApp({ workDir });
  try {
    const { browser, page } = app;
    await page.getByTestId('start-open').click();
    const chooser = page.getByTestId('file-chooser');
    await page.waitForSelector('[data-testid="file-chooser"][data-state="ready"]');
    await chooser.getByTestId('file-chooser-path').fill(workDir);
    await chooser.getByTestId('file-chooser-path').press('Enter');
    await page.waitForSelector(`[data-testid="file-chooser"][data-path="${workDir}"]`);
    await chooser
      .getByTestId('file-chooser-entry')
      .filter({ hasText: 'bench-300.layerlab' })
      .click();
    await chooser.getByTestId('file-chooser-confirm').click();
    // The canvas renders only the layers in view (after measuring each once):
    // wait for the document, then for the rendered set to settle.
    await page.waitForSelector(`[data-testid="canvas"][data-node-count="${nodeCount}"]`);
    const shown = await settledLayerCount(page);

    const cdp = await browser.newBrowserCDPSession();
    // Optional CPU profile of the timed adds only (not the undos between them).
    const profiling = process.env.LAYERLAB_BENCH_PROFILE === '1';
    const pageCdp = profiling ? await page.context().newCDPSession(page) : null;
    if (pageCdp) {
      await pageCdp.send('Profiler.enable');
      await pageCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    const selfTimes = new Map<string, number>();
    const totalTimes = new Map<string, number>();
    // Or a Chromium trace of each timed add: time per event (script, style, layout, paint).
    const tracing = process.env.LAYERLAB_BENCH_PROFILE === 'trace';
    const traceTimes = new Map<string, number>();
    const mainCpu: number[] = [];
    const addTimes: number[] = [];
    const addCpu: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      // The first runs warm up the JIT.
      const timed = i >= 3;
      if (pageCdp && timed) await pageCdp.send('Profiler.start');
      const cpuBefore = await rendererCpuSeconds(cdp);
      let ms: number;
      if (tracing && timed) {
        const traced = await traceMainThread(page, () => timeAddNode(page), traceTimes);
        ms = traced.result;
        mainCpu.push(traced.mainCpuMs);
      } else {
        ms = await timeAddNode(page);
      }
      const cpuMs = ((await rendererCpuSeconds(cdp)) - cpuBefore) * 1000;
      if (pageCdp && timed) {
        const { profile } = (await pageCdp.send('Profiler.stop')) as { profile: CpuProfile };
        addProfileTimes(profile, selfTimes, totalTimes);
      }
      if (timed) {
        addTimes.push(ms);
        addCpu.push(cpuMs);
      }
      await undoAndWait(page, shown);
    }
    const add = stats(addTimes);
    const cpu = stats(addCpu);
    const load = loadavg()[0] ?? 0;
    console.log(
      `bench:editor (UI) — ${nodeCount}-node project in Chromium (browser mode), ${runs} runs, ${settleMs} ms pause after each undo, ${cpus().length} CPUs, load ${load.toFixed(2)}`,
    );
    console.log(
      `  add one node (Enter on palette → frame shown): median ${add.median.toFixed(1)} ms, p95 ${add.p95.toFixed(1)} ms, max ${add.max.toFixed(1)} ms (target < 50 ms)`,
    );
    console.log(
      `  renderer CPU time per add (unaffected by other load): median ${cpu.median.toFixed(1)} ms, p95 ${cpu.p95.toFixed(1)} ms`,
    );
    if (tracing) {
      const main = stats(mainCpu);
      console.log(
        `  main-thread CPU per add (trace thread time): median ${main.median.toFixed(1)} ms, p95 ${main.p95.toFixed(1)} ms`,
      );
      printTop(
        'main-thread trace events per add (inclusive, nested events overlap)',
        traceTimes,
        runs,
      );
    }
    if (profiling) {
      printTop('top self time per add (main thread, CPU profile)', selfTimes, runs);
      printTop('top total time per add (main thread, CPU profile)', totalTimes, runs);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
