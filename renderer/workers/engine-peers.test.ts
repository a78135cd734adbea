import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PeerInit } from '@core';

import { workerEngineParallel } from './engine-peers';

/**
 * Peer workers are started ahead of a run (2 s after the training worker
 * knows the engine can train, and again 2 s after a run's peers end), so loading their code does
 * not compete with the window when training starts. A spare that failed to
 * load is never used.
 */

class FakeWorker {
  static instances: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  private readonly errorListeners: (() => void)[] = [];

  constructor() {
    FakeWorker.instances.push(this);
  }

  addEventListener(type: string, listener: () => void): void {
    if (type === 'error') this.errorListeners.push(listener);
  }

  /** The peer refuses its init (as a peer without SIMD would), so `connect` fails at once. */
  postMessage(message: { type: string }): void {
    if (message.type === 'init')
      queueMicrotask(() =>
        this.onmessage?.({ data: { type: 'error', message: 'no engine here' } }),
      );
  }

  terminate(): void {
    this.terminated = true;
  }

  failToLoad(): void {
    for (const listener of this.errorListeners) listener();
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('workerEngineParallel spare peers', () => {
  it('starts a spare when idle, uses it for the next run, refills after the run, skips a broken one', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const parallel = workerEngineParallel({
      crossOriginIsolated: false,
      navigator: { hardwareConcurrency: 2 } as WorkerNavigator,
    });
    expect(parallel.workers).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeWorker.instances).toHaveLength(0); // none until the engine may train here
    parallel.prepare();
    expect(FakeWorker.instances).toHaveLength(0); // nothing competes with start-up
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeWorker.instances).toHaveLength(1);

    const first = parallel.connect({} as PeerInit, 1);
    expect(FakeWorker.instances).toHaveLength(1); // the spare, no new worker
    await expect(first).rejects.toThrow('no engine here');
    expect(FakeWorker.instances[0]!.terminated).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeWorker.instances).toHaveLength(2); // the next run's spare

    FakeWorker.instances[1]!.failToLoad();
    const second = parallel.connect({} as PeerInit, 1);
    expect(FakeWorker.instances).toHaveLength(3); // a fresh worker instead of the broken spare
    expect(FakeWorker.instances[1]!.terminated).toBe(true);
    await expect(second).rejects.toThrow('no engine here');
  });
});
