/**
 * Where a UI benchmark's time goes, through the Chrome DevTools Protocol: CPU
 * profiles summed per function, and Chromium traces summed per event with the
 * main thread's CPU time. Used by bench-editor-ui.ts when asked to profile.
 */
import type { Page } from 'playwright-core';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, in µs. */
  tdur?: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Runs `run` under a Chromium trace of the page, adds main-thread time per
 * event name (ms) to `into`, and returns run's result and the main thread's
 * CPU time (thread time of its top-level tasks, unaffected by other load).
 */
export async function traceMainThread<T>(
  page: Page,
  run: () => Promise<T>,
  into: Map<string, number>,
): Promise<{ result: T; mainCpuMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,blink,v8.execute',
    transferMode: 'ReportEvents',
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && (!main || e.tid === main.tid))
    .sort((a, b) => a.ts - b.ts);
  let mainCpuMs = 0;
  let topEnd = -Infinity;
  for (const e of complete) {
    into.set(e.name, (into.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    // Nested events are inside a top-level task: count each task's thread time once.
    if (e.ts >= topEnd) {
      topEnd = e.ts + (e.dur ?? 0);
      mainCpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
    }
  }
  return { result, mainCpuMs };
}

/** Adds each function's self time and total (inclusive) time, in ms, of one CPU profile. */
export function addProfileTimes(
  profile: CpuProfile,
  self: Map<string, number>,
  total: Map<string, number>,
): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byNode.get(id);
    if (!leaf) return;
    self.set(keyOf(leaf), (self.get(keyOf(leaf)) ?? 0) + ms);
    // Each function once per sample, however deep it recurses.
    const onStack = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byNode.get(parent.get(n.id) ?? -1))
      onStack.add(keyOf(n));
    for (const key of onStack) total.set(key, (total.get(key) ?? 0) + ms);
  });
}

/** Prints the `LAYERLAB_BENCH_TOP` (default 30) largest entries of `times`, per run. */
export function printTop(title: string, times: ReadonlyMap<string, number>, runs: number): void {
  console.log(`  ${title}:`);
  const top = [...times]
    .sort((x, y) => y[1] - x[1])
    .slice(0, Number(process.env.LAYERLAB_BENCH_TOP ?? 30));
  for (const [name, ms] of top)
    console.log(`    ${(ms / runs).toFixed(2).padStart(6)} ms  ${name}`);
}
