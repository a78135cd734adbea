import { describe, expect, it, vi } from 'vitest';

import { createMemoryHost } from '../host/memory-host';
import { createRecoveryWriter, newRecoveryId, type RecoverySnapshot } from './recovery-writer';

/** A writer over a memory host with a hand-driven clock. */
function setup(initial: RecoverySnapshot | null = null) {
  const host = createMemoryHost();
  let current = initial;
  const timers: { fn: () => void; at: number }[] = [];
  let now = 0;
  const writer = createRecoveryWriter({
    host,
    kind: 'project',
    delayMs: 1000,
    snapshot: () => current,
    timers: {
      setTimeout: (fn, ms) => {
        const t = { fn, at: now + ms };
        timers.push(t);
        return t;
      },
      clearTimeout: (t) => {
        const i = timers.indexOf(t as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
    },
  });
  const advance = async (ms: number): Promise<void> => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    // Let the queued host calls settle (without firing a pending timer, as flush() would).
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const set = (next: RecoverySnapshot | null): void => {
    current = next;
  };
  const stored = () => host.recovery.get(writer.sessionId);
  return { host, writer, advance, set, stored, pendingTimers: () => timers.length };
}

const doc = (contents: string): RecoverySnapshot => ({ title: 'a.layerlab', file: null, contents });

describe('recovery writer (debounced, per session)', () => {
  it('writes an edit within the delay, and many edits in between as one write', async () => {
    const { host, writer, advance, set, stored, pendingTimers } = setup();
    const write = vi.spyOn(host, 'writeRecovery');
    for (let i = 1; i <= 50; i++) {
      set(doc(`v${i}`));
      writer.changed();
    }
    expect(pendingTimers()).toBe(1); // one timer for the burst: typing never writes per key
    await advance(999);
    expect(write).not.toHaveBeenCalled();
    await advance(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(stored()?.document?.contents).toBe('v50');
  });

  it('a document that became clean again (undo to the saved state) has its entry deleted', async () => {
    const { writer, advance, set, stored } = setup(doc('edited'));
    writer.changed();
    await advance(1000);
    expect(stored()?.document).toBeDefined();
    set(null);
    writer.changed();
    await advance(1000);
    expect(stored()).toBeUndefined();
  });

  it('keeps the newest checkpoint, and discard drops pending writes and the entry', async () => {
    const { writer, advance, set, stored } = setup();
    writer.checkpoint('{"epoch":1}', 'a', null);
    writer.checkpoint('{"epoch":2}', 'a', null);
    await writer.flush();
    expect(stored()?.checkpoint?.contents).toBe('{"epoch":2}');
    set(doc('x'));
    writer.changed();
    await writer.discard();
    await advance(5000); // the cancelled edit timer never fires
    expect(stored()).toBeUndefined();
  });

  it('after dispose nothing more is written, and the entry stays (what a crash leaves)', async () => {
    const { writer, advance, set, stored } = setup(doc('kept'));
    writer.changed();
    await advance(1000);
    writer.dispose();
    set(doc('later'));
    writer.changed();
    await advance(1000);
    expect(stored()?.document?.contents).toBe('kept');
  });

  it('reports a refused write once, not on every edit', async () => {
    const host = createMemoryHost();
    host.writeRecovery = async () => ({
      ok: false,
      error: { code: 'too-large', message: 'full' },
    });
    const onError = vi.fn();
    const writer = createRecoveryWriter({
      host,
      kind: 'lab',
      delayMs: 0,
      snapshot: () => doc('big'),
      onError,
    });
    for (let i = 0; i < 3; i++) {
      writer.changed();
      await writer.flush();
    }
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('too-large');
  });

  it('gives each open document its own id, one the host accepts', () => {
    const ids = new Set(Array.from({ length: 100 }, newRecoveryId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
