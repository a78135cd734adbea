/**
 * `npm run bench:session`: what switching projects costs, in the real app
 * (browser mode, Debian Chromium). Each cycle opens the LeNet template, trains
 * it for 2 epochs on 200 Fashion-MNIST pictures, looks at it in Inspect, then
 * closes it without saving. Printed per cycle: the time from clicking a
 * template to its canvas showing the network, the page's JS heap after a
 * forced garbage collection with no project open, and the training worker's
 * live tensor count then. Target (issue 13): opening a project after closing
 * a trained one is no slower than the first, and memory returns to within 10 %
 * of its level before the first project. Prints figures; asserts nothing.
 *
 * Needs `npm run build` and Debian's dataset-fashion-mnist.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type CDPSession, type Page } from 'playwright-core';

import { startBrowserServer } from '../electron/host/server/browser-server';
import { writeFashionMnistFolders } from './fashion-mnist';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererRoot = process.env.LAYERLAB_RENDERER_ROOT ?? path.join(repoRoot, 'dist', 'renderer');
const cycles = Number(process.env.LAYERLAB_BENCH_CYCLES ?? 4);

async function heapMb(cdp: CDPSession): Promise<number> {
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
  return usedSize / 1024 / 1024;
}

async function workerTensors(page: Page): Promise<number | null> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { __layerlabWorkerTensors: () => Promise<number | null> }
    ).__layerlabWorkerTensors(),
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
  if (!existsSync(path.join(rendererRoot, 'index.html')))
    throw new Error(`No built renderer at ${rendererRoot}: run \`npm run build\` first.`);
  const workDir = await mkdtemp(path.join(tmpdir(), 'layerlab-bench-session-'));
  const folder = path.join(workDir, 'fashion');
  await writeFashionMnistFolders(folder, 'train', { perClass: 20 });
  const server = await startBrowserServer({
    rendererRoot,
    userDataDir: path.join(workDir, 'user-data'),
    appInfo: {
      name: 'LayerLab',
      version: 'bench',
      mode: 'browser',
      platform: process.platform,
      locale: 'en',
      nativeDialogs: false,
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Runtime.enable');
    // What the app logs while switching projects (warnings would name a problem).
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        console.log(`  page ${message.type()}: ${message.text().slice(0, 160)}`);
    });
    await page.goto(server.url);
    await page.locator('[data-app-state="ready"]').first().waitFor();
    // Let the training worker start its backend before the baseline is taken.
    await page.locator('[data-testid="status-backend"]:not([data-backend=""])').first().waitFor();
    const baseHeap = await heapMb(cdp);
    const baseTensors = await workerTensors(page);
    console.log(`load average ${loadavg()[0]?.toFixed(2)}; ${cycles} cycles of LeNet, 2 epochs`);
    console.log(
      `before any project: JS heap ${baseHeap.toFixed(1)} MB, worker tensors ${baseTensors}`,
    );
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
      `after opening it and closing it untrained: open ${warmOpenMs.toFixed(0)} ms, JS heap ${warmHeap.toFixed(1)} MB`,
    );
    console.log(
      'cycle | open template (ms) | heap after close (MB) | vs before any project | vs untrained open/close | worker tensors',
    );
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const openMs = await openTemplate(page, 'lenet');
      await trainAndInspect(page, folder);
      await closeWithoutSaving(page);
      const heap = await heapMb(cdp);
      const tensors = await workerTensors(page);
      const pct = (from: number): string => {
        const change = ((heap - from) / from) * 100;
        return `${change >= 0 ? '+' : ''}${change.toFixed(1)} %`;
      };
      console.log(
        `${cycle} | ${openMs.toFixed(0)} | ${heap.toFixed(1)} | ${pct(baseHeap)} | ${pct(warmHeap)} | ${tensors}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
