/**
 * `npm run bench:start`: how long `npm start` takes until it prints the URL
 * (issue 15), and which engine `npm run train` uses right after `npm ci`.
 *
 * 1. First start: the build outputs and their stamps are removed (dist/ and
 *    core/engine/build/, what a fresh `npm ci` checkout has), then
 *    `npm start -- --browser --no-open` runs until it prints
 *    "LayerLab is running at …"; then it is stopped.
 * 2. Second start: the same, with nothing changed (target: under 10 s).
 * 3. `npm run train` after removing the engine kernels again (as after
 *    `npm ci`): its build line and its `engine:` line, 1 epoch, export into a
 *    temporary folder.
 *
 * Rewrites this checkout's build outputs (they are rebuilt by step 1).
 * Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'layerlab-bench-start-'));
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const load = (): string => `load ${loadavg()[0]?.toFixed(2) ?? '?'}`;

function removeBuildOutputs(): void {
  rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
  removeKernels();
}

function removeKernels(): void {
  rmSync(path.join(repoRoot, 'core/engine/build'), { recursive: true, force: true });
}

interface Run {
  readonly seconds: number;
  readonly lines: readonly string[];
  readonly matched: string | null;
}

/**
 * Runs `npm <args>` in its own process group, collecting its output lines,
 * until a line matches `until` (then the group is stopped) or it exits.
 */
function runNpm(args: readonly string[], until: RegExp | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', [...args], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let matched: string | null = null;
    let pending = '';
    const onData = (chunk: Buffer): void => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (matched === null && until?.test(line)) {
          matched = line;
          const seconds = (performance.now() - started) / 1000;
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
          resolve({ seconds, lines, matched });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', () => {
      if (pending) lines.push(pending);
      if (matched === null)
        resolve({ seconds: (performance.now() - started) / 1000, lines, matched });
    });
  });
}

async function timeStart(which: string): Promise<void> {
  const userData = path.join(scratch, `profile-${which}`);
  const run = await runNpm(
    ['start', '--silent', '--', '--browser', '--no-open', '--user-data-dir', userData],
    /LayerLab is running at /,
  );
  if (run.matched === null) {
    say(`${which} npm start: no URL; it printed:\n  ${run.lines.join('\n  ')}`);
    return;
  }
  say(`${which} npm start: URL after ${run.seconds.toFixed(1)} s (${load()})`);
  for (const line of run.lines) if (line !== run.matched) say(`  | ${line}`);
}

async function main(): Promise<void> {
  say(`bench:start in ${repoRoot}`);
  removeBuildOutputs();
  await timeStart('first ');
  await timeStart('second');

  removeKernels();
  const out = path.join(scratch, 'train-out');
  const train = await runNpm(
    ['run', 'train', '--silent', '--', '--epochs', '1', '--out', out],
    null,
  );
  const shown = train.lines.filter((l) => /^engine|WebAssembly|^error|^export folder/.test(l));
  say(`npm run train after removing the kernels (${train.seconds.toFixed(1)} s, ${load()}):`);
  for (const line of shown) say(`  | ${line}`);
  rmSync(scratch, { recursive: true, force: true });
}

await main();
