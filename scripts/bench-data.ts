/**
 * npm run bench:data — how fast a 60,000-image folder loads.
 *
 * Writes Fashion-MNIST's 60,000 training images as PNG files in class folders
 * (once, reused; BENCH_DATA_DIR overrides the place), then measures:
 * - Node (command line path): scan, first full decode to 28×28 uint8 in
 *   worker threads, and a second load from the on-disk pixel cache, each in a
 *   fresh process with its peak RSS;
 * - Chromium (app path): the app's loader in a page (batch reads from a
 *   loopback server standing in for the host, Web Worker decoding), first load
 *   and second load (session cache), with the peak RSS of all browser processes.
 * Anchor (issue 4): Python + Pillow ≈ 3.7 s warm on one core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { build } from 'vite';

import { encodePng } from '../electron/data/fixture-folders';
import { readFilesInside } from '../electron/services/dataset-files';
import { listFolder } from '../electron/services/dataset-listing';
import { fashionClassNames, readFashionMnist } from './make-samples';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir =
  process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'layerlab-bench', 'fashion-mnist-png');
const anchorMs = 3700;

async function ensurePngFolder(): Promise<void> {
  const marker = path.join(dataDir, '.complete');
  if (existsSync(marker)) return;
  console.log(`writing 60,000 PNG files to ${dataDir} (once) …`);
  const { images, labels, count } = readFashionMnist('/usr/share/datasets/fashion-mnist', 'train');
  for (const name of fashionClassNames) await mkdir(path.join(dataDir, name), { recursive: true });
  const rgba = new Uint8Array(784 * 4);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 784; p++) {
      const v = images[i * 784 + p] as number;
      rgba.set([v, v, v, 255], p * 4);
    }
    await writeFile(
      path.join(
        dataDir,
        fashionClassNames[labels[i] as number] as string,
        `${String(i).padStart(5, '0')}.png`,
      ),
      encodePng(28, 28, rgba),
    );
  }
  await writeFile(marker, '');
}

interface NodeRun {
  scanMs: number;
  decodeMs: number;
  totalMs: number;
  fromCache: boolean;
  samples: number;
  peakRssMB: number;
  cpuMs: number;
  checksum: number;
}

function runNode(cacheDir: string): NodeRun {
  const out = execFileSync(
    path.join(repo, 'node_modules/.bin/tsx'),
    [path.join(repo, 'scripts/bench-data-node.ts'), dataDir, cacheDir],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string) as NodeRun;
}

/** Sum of VmRSS (MB) over `rootPid` and all its descendants, from /proc. */
function treeRssMB(rootPid: number): number {
  return treeStats(rootPid).rssMB;
}

/** RSS (MB) and CPU time (ms, user + system) summed over a process tree. */
function treeStats(rootPid: number): { rssMB: number; cpuMs: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* process ended while we looked */
    }
  }
  let kb = 0;
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (clock ticks, 100 per second)
    } catch {
      /* ended */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssMB: kb / 1024, cpuMs: ticks * 10 };
}

interface WebRun {
  result: Record<string, number | boolean>;
  peakMB: number;
  cpuMs: number;
  hostCpuMs: number;
}

/**
 * `reader`: `host-service` serves reads with the app's own `readFilesInside`;
 * `sync` with plain synchronous reads (what a batch fast path in the host could do).
 */
async function runChromium(
  reader: 'host-service' | 'sync',
): Promise<{ first: WebRun; second: WebRun; idleMB: number }> {
  const outDir = path.join(repo, 'node_modules/.cache/bench-data-page');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(repo, 'renderer/data/bench'),
    base: './',
    resolve: { alias: { '@core': path.join(repo, 'core/index.ts') } },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  const listing = await listFolder(dataDir);
  const listingJson = JSON.stringify({ files: listing.files, folders: listing.folders });
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/list') return res.end(listingJson);
      if (req.url === '/read' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const paths = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[];
        const parts: Buffer[] = [];
        const frame = (bytes: Uint8Array | null): void => {
          const head = Buffer.alloc(8);
          if (bytes !== null) {
            head.writeUInt32LE(1, 0);
            head.writeUInt32LE(bytes.length, 4);
          }
          parts.push(
            head,
            ...(bytes === null
              ? []
              : [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
          );
        };
        if (reader === 'host-service') {
          // The app's real read path (containment check, size cap, one file at a time).
          for (const f of await readFilesInside(dataDir, paths)) frame(f.ok ? f.bytes : null);
        } else {
          for (const p of paths) {
            try {
              frame(readFileSync(path.join(dataDir, ...p.split('/'))));
            } catch {
              frame(null);
            }
          }
        }
        return res.end(Buffer.concat(parts));
      }
      const file = path.join(
        outDir,
        req.url === '/' ? 'index.html' : ((req.url ?? '').split('?')[0] ?? ''),
      );
      if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
      res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
      res.end(readFileSync(file));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const browserServer = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const pid = browserServer.process().pid as number;
  const browser = await chromium.connect(browserServer.wsEndpoint());
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const idleMB = treeRssMB(pid);
    const measure = async (): Promise<{
      result: Record<string, number | boolean>;
      peakMB: number;
      cpuMs: number;
      hostCpuMs: number;
    }> => {
      const cpuBefore = treeStats(pid).cpuMs;
      const hostBefore = process.cpuUsage();
      let peakMB = treeRssMB(pid);
      const timer = setInterval(() => (peakMB = Math.max(peakMB, treeRssMB(pid))), 100);
      try {
        const result = await page.evaluate(() =>
          (
            window as unknown as { runDataBench: () => Promise<Record<string, number | boolean>> }
          ).runDataBench(),
        );
        const host = process.cpuUsage(hostBefore);
        return {
          result,
          peakMB: Math.max(peakMB, treeRssMB(pid)),
          cpuMs: treeStats(pid).cpuMs - cpuBefore,
          hostCpuMs: (host.user + host.system) / 1000,
        };
      } finally {
        clearInterval(timer);
      }
    };
    const first = await measure();
    const second = await measure();
    return { first, second, idleMB };
  } finally {
    await browser.close();
    await browserServer.close();
    server.close();
  }
}

const s = (ms: number | boolean | undefined): string => `${((ms as number) / 1000).toFixed(2)} s`;

await ensurePngFolder();
const cacheDir = path.join(path.dirname(dataDir), 'pixel-cache');
await rm(cacheDir, { recursive: true, force: true });
console.log(
  `\nFashion-MNIST train, 60,000 PNG files → 28×28 uint8 (anchor: Python+Pillow ≈ ${s(anchorMs)} warm, one core)`,
);
console.log(
  `machine: ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (wall times stretch with load; CPU times less so)\n`,
);
const nodeFirst = runNode(cacheDir);
const nodeSecond = runNode(cacheDir);
console.log('Node (command line; worker threads; on-disk pixel cache)');
console.log(`  scan              ${s(nodeFirst.scanMs)}  (${nodeFirst.samples} samples)`);
console.log(
  `  first load        ${s(nodeFirst.totalMs)} wall (decode ${s(nodeFirst.decodeMs)}), ${s(nodeFirst.cpuMs)} CPU = ${(nodeFirst.cpuMs / anchorMs).toFixed(2)}× anchor  peak RSS ${nodeFirst.peakRssMB.toFixed(0)} MB`,
);
console.log(
  `  second (cache)    ${s(nodeSecond.totalMs)} wall (scan ${s(nodeSecond.scanMs)}, cache read ${s(nodeSecond.decodeMs)}), ${s(nodeSecond.cpuMs)} CPU, fromCache=${nodeSecond.fromCache}  peak RSS ${nodeSecond.peakRssMB.toFixed(0)} MB`,
);
console.log(`  same pixels both loads: ${nodeFirst.checksum === nodeSecond.checksum}`);
for (const reader of ['host-service', 'sync'] as const) {
  const web = await runChromium(reader);
  const f = web.first;
  console.log(
    `Chromium (app path; reads served by ${reader === 'host-service' ? 'the host service readFilesInside' : 'plain synchronous reads'} over loopback, Web Worker decoding; session cache)`,
  );
  console.log(`  scan (listing)    ${s(f.result.scanMs)}  (${String(f.result.samples)} samples)`);
  console.log(
    `  first load        ${s(f.result.loadMs)} wall, ${s(f.cpuMs)} browser CPU + ${s(f.hostCpuMs)} host CPU = ${((f.cpuMs + f.hostCpuMs) / anchorMs).toFixed(2)}× anchor  peak RSS (all browser processes) ${f.peakMB.toFixed(0)} MB (idle ${web.idleMB.toFixed(0)} MB)`,
  );
  console.log(
    `  second (cache)    ${s(web.second.result.loadMs)} wall, fromCache=${String(web.second.result.fromCache)}  peak RSS ${web.second.peakMB.toFixed(0)} MB`,
  );
  console.log(
    `  same pixels Node vs Chromium (checksum of 10 samples): ${f.result.checksum === nodeFirst.checksum}`,
  );
}
