import { describe, expect, it } from 'vitest';

import { ConnectionMonitor, type ConnectionTimers } from './connection-monitor';

/** Timers run by hand: `advance(ms)` fires what is due. */
function manualTimers(): ConnectionTimers & {
  advance(ms: number): Promise<void>;
  delays: number[];
} {
  let now = 0;
  let queue: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const delays: number[] = [];
  return {
    delays,
    setTimeout(run, ms) {
      delays.push(ms);
      const id = nextId++;
      queue.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(handle) {
      queue = queue.filter((entry) => entry.id !== handle);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = queue.filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        queue = queue.filter((entry) => entry !== due);
        now = due.at;
        due.run();
        // let the probe's promise settle
        for (let i = 0; i < 5; i += 1) await Promise.resolve();
      }
      now = until;
    },
  };
}

describe('ConnectionMonitor', () => {
  it('goes lost on a call without answer, retries with backoff, and is restored when the server answers', async () => {
    const timers = manualTimers();
    let up = false;
    let probes = 0;
    const monitor = new ConnectionMonitor({
      probe: async () => (probes++, up),
      timers,
      restoredMs: 3000,
    });
    const seen: string[] = [];
    monitor.subscribe(() => seen.push(monitor.state()));
    monitor.reportNoAnswer();
    expect(monitor.state()).toBe('lost');
    await timers.advance(500 + 1000 + 2000 + 4000 + 5000 + 5000);
    expect(probes).toBe(6);
    expect(timers.delays).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
    up = true;
    await timers.advance(5000);
    expect(monitor.state()).toBe('restored');
    await timers.advance(3000);
    expect(monitor.state()).toBe('connected');
    expect(seen).toEqual(['lost', 'restored', 'connected']);
  });

  it('says so when something answers but refuses this tab', async () => {
    const timers = manualTimers();
    const monitor = new ConnectionMonitor({ probe: async () => 'refused', timers });
    monitor.reportAnswer(403);
    expect(monitor.state()).toBe('refused');
    await timers.advance(2000);
    expect(monitor.state()).toBe('refused');
  });

  it('finds a vanished server by its heartbeat before any call fails', async () => {
    const timers = manualTimers();
    let up = true;
    const monitor = new ConnectionMonitor({ probe: async () => up, timers, heartbeatMs: 10_000 });
    monitor.start();
    await timers.advance(10_000);
    expect(monitor.state()).toBe('connected');
    up = false;
    await timers.advance(10_000);
    expect(monitor.state()).toBe('lost');
    monitor.stop();
  });
});
