/**
 * `npm run bench:session`: what switching projects costs, in the real app
 * (browser mode, Debian Chromium). Each cycle opens the LeNet template, trains
 * it for 2 epochs on 200 Fashion-MNIST pictures, looks at it in Inspect, then
 * closes it without saving. Printed per cycle: the time from clicking a
 * template to its canvas showing the network, the page's JS heap after a
 * forced garbage collection with no project open, split by a heap snapshot
 * into program data, compiled code and object shapes (scripts/heap-by-kind.ts), and the training
 * worker's live tensor count then. Target (issue 13): opening a project after
 * closing a trained one is no slower than the first, and memory returns to
 * within 10 % of its level before the first project. The code V8 compiled for
 * training and inspection stays cached after a close, and so do V8's object
 * shapes (hidden classes), so the program-data column is the one that shows a
 * leak. Prints figures; asserts nothing.
 *
 * Needs `npm run build` and Debian's dataset-fashion-mnist.
 */
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import type { CDPSession, Page } from 'playwright-core';

import { startBenchApp } from './bench-app';
import { writeFashionMnistFolders } from './fashion-mnist';
import { heapByKind, type HeapByKind } from './heap-by-kind';

const cycles = Number(process.env.LAYERLAB_BENCH_CYCLES ?? 4);

interface HeapFigures extends HeapByKind {
  usedMb: number;
}

async function heapMb(cdp: CDPSession): Promise<HeapFigures> {
  // Several collections a moment apart: one can free objects whose finalizers
  // let more go, and V8 drops the compiled code of functions no longer run
  // only after a few collections (bytecode ageing).
  // An attached inspector keeps every logged value alive (DevTools console);
  // a user's window has none, so what the page logged is not counted.
  await cdp.send('Runtime.discardConsoleEntries');
  for (let i = 0; i < 8; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { usedMb: usedSize / 1024 / 1024, ...(await heapByKind(cdp)) };
}

function change(now: number, from: number): string {
  const percent = ((now - from) / from) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
}

function describe(heap: HeapFigures): string {
  return `JS heap ${heap.usedMb.toFixed(1)} MB (program data ${heap.dataMb.toFixed(3)} MB, compiled code ${heap.codeMb.toFixed(2)} MB, object shapes ${heap.shapesMb.toFixed(2)} MB)`;
}

async function workerTensors(page: Page): Promise<number | null> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { __layerlabWorkerTensors: () => Promise<number | null> }
    ).__layerlabWorkerTensors(),
  );
}

async function closedSessionsAlive(page: Page): Promise<number> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { __layerlabClosedSessionsAlive: () => number }
    ).__layerlabClosedSessionsAlive(),
  );
}

async function chooseFolder(page: Page, folder: string): Promise<void> {
  const chooser = page.getByTestId('file-chooser');
  await page.locator('[data-testid="file-chooser"][data-state="ready"]').first().waitFor();
  await chooser.getByTestId('file-chooser-path').fill(folder);
  await chooser.getByTestId('file-chooser-path').press('Enter');
  await page.locator(`[data-testid="file-chooser"][data-path="${folder}"]`).first().waitFor();
  await chooser.getByTestId('file-chooser-confirm').click();
  await page.locator('[data-testid="file-chooser"]').first().waitFor({ state: 'hidden' });
}

/** Clicks a template and resolves with ms until its canvas holds the network. */
async function openTemplate(page: Page, id: string): Promise<number> {
  const started = performance.now();
  await page.getByTestId(`template-${id}`).click();
  await page.locator('[data-testid="canvas"]:not([data-node-count="0"])').first().waitFor();
  await page.locator('[data-testid="layer-node"]').first().waitFor();
  return performance.now() - started;
}

async function trainAndInspect(page: Page, folder: string): Promise<void> {
  await page.getByTestId('tab-training').click();
  const epochs = page.locator('[data-setting="epochs"]');
  await epochs.fill('2');
  await epochs.press('Enter');
  await page.getByTestId('train-pick-dataset').click();
  await chooseFolder(page, folder);
  await page.locator('[data-testid="training-dataset"][data-loaded="true"]').first().waitFor();
  await page.getByTestId('train-start').click();
  await page
    .locator('[data-testid="training-panel"][data-training-state="completed"]')
    .first()
    .waitFor({
      timeout: 300_000,
    });
  await page.getByTestId('tab-inspect').click();
  await page.locator('[data-testid="inspect-panel"][data-ready="true"]').first().waitFor({
    timeout: 120_000,
  });
}

async function closeWithoutSaving(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'File' }).click();
  await page.locator('.menu-popup [data-command="file.close"]').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: "Don't save" }).click();
  await page.locator('[data-testid="start-screen"]').first().waitFor();
}

async function main(): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'layerlab-bench-session-'));
  const folder = path.join(workDir, 'fashion');
  await writeFashionMnistFolders(folder, 'train', { perClass: 20 });
  const app = await startBenchApp({
    workDir,
    beforeLoad: (page) => {
      // What the app logs while switching projects (warnings would name a problem).
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          console.log(`  page ${message.type()}: ${message.text().slice(0, 160)}`);
      });
    },
  });
  try {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Runtime.enable');
    // Let the training worker start its backend before the baseline is taken.
    await page.locator('[data-testid="status-backend"]:not([data-backend=""])').first().waitFor();
    const baseHeap = await heapMb(cdp);
    const baseTensors = await workerTensors(page);
    console.log(`load average ${loadavg()[0]?.toFixed(2)}; ${cycles} cycles of LeNet, 2 epochs`);
    console.log(`before any project: ${describe(baseHeap)}, worker tensors ${baseTensors}`);
    // The same template opened, its panels shown, and closed without training: the heap
    // then holds the editor's code compiled on first use, but no project data.
    const warmOpenMs = await openTemplate(page, 'lenet');
    for (const tab of ['dataset', 'training', 'inspect', 'export']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.locator(`[data-testid="${tab}-panel"]`).first().waitFor();
    }
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.locator('.menu-popup [data-command="file.close"]').click();
    await page.locator('[data-testid="start-screen"]').first().waitFor();
    const warmHeap = await heapMb(cdp);
    console.log(
      `after opening it and closing it untrained: open ${warmOpenMs.toFixed(0)} ms, ${describe(warmHeap)}`,
    );
    console.log(
      'cycle | open template (ms) | JS heap after close (MB) | vs before any project | program data (MB) | data vs before any project | data vs after the untrained open | compiled code (MB) | object shapes (MB) | worker tensors | closed sessions in memory',
    );
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const openMs = await openTemplate(page, 'lenet');
      await trainAndInspect(page, folder);
      await closeWithoutSaving(page);
      const heap = await heapMb(cdp);
      const tensors = await workerTensors(page);
      console.log(
        [
          cycle,
          openMs.toFixed(0),
          heap.usedMb.toFixed(1),
          change(heap.usedMb, baseHeap.usedMb),
          heap.dataMb.toFixed(3),
          change(heap.dataMb, baseHeap.dataMb),
          change(heap.dataMb, warmHeap.dataMb),
          heap.codeMb.toFixed(2),
          heap.shapesMb.toFixed(2),
          tensors,
          await closedSessionsAlive(page),
        ].join(' | '),
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
