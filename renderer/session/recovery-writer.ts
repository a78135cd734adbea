import type { Host, ProjectFile, RecoveryKind } from '@core';

/** What the recovery store should hold of a document now; null when nothing is unsaved. */
export interface RecoverySnapshot {
  readonly title: string;
  readonly file: ProjectFile | null;
  readonly contents: string;
}

/**
 * Keeps one open document's unsaved state in the host's recovery store (hot
 * exit, crash recovery): the document within `delayMs` of a change, the
 * training checkpoint after each epoch. Owned by its project session (or lab
 * screen) and disposed with it; nothing here is shared between documents.
 */
export interface RecoveryWriter {
  /** The entry's key in the store: one per open document, so two tabs never clobber each other. */
  readonly sessionId: string;
  /** The document changed: its snapshot is written within `delayMs` (changes in between coalesce). */
  changed(): void;
  /** Keeps a training checkpoint (the newest replaces one still waiting to be written). */
  checkpoint(contents: string, title: string, file: ProjectFile | null): void;
  /** Writes a pending change now. */
  flush(): Promise<void>;
  /** Deletes the entry (saved, or closed with "Don't save"); pending writes are dropped. */
  discard(slot?: 'document' | 'checkpoint'): Promise<void>;
  /** Stops writing; the entry stays (it is what a crash leaves). */
  dispose(): void;
}

export interface RecoveryWriterDeps {
  readonly host: Pick<Host, 'writeRecovery' | 'discardRecovery'>;
  readonly kind: RecoveryKind;
  /** The current unsaved state, or null when there is none (the document part is then deleted). */
  readonly snapshot: () => RecoverySnapshot | null;
  /** An existing entry to keep writing (a restored document); default: a new id. */
  readonly sessionId?: string;
  /** Default 1000 ms: an edit is on disk within about a second, and typing does not write per key. */
  readonly delayMs?: number;
  /** A write the host refused (e.g. the store is full): reported once per kind of failure. */
  readonly onError?: (code: string) => void;
  readonly timers?: {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

export function createRecoveryWriter(deps: RecoveryWriterDeps): RecoveryWriter {
  const { host, kind } = deps;
  const sessionId = deps.sessionId ?? newRecoveryId();
  const delayMs = deps.delayMs ?? 1000;
  const timers = deps.timers ?? {
    setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
    clearTimeout: (handle: unknown) =>
      globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let timer: unknown = null;
  let disposed = false;
  /** Writes go one at a time, in order, so an older document never lands after a newer one. */
  let chain: Promise<void> = Promise.resolve();
  /** Whether the store holds a document part (so a clean document knows to delete it). */
  let documentWritten = false;
  let pendingCheckpoint: { contents: string; title: string; file: ProjectFile | null } | null =
    null;
  const reported = new Set<string>();

  const report = (code: string): void => {
    if (code === 'cancelled' || reported.has(code)) return;
    reported.add(code);
    deps.onError?.(code);
  };

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    chain = chain.then(work).catch(() => undefined);
    return chain;
  };

  async function writeDocument(): Promise<void> {
    const snapshot = deps.snapshot();
    if (snapshot === null) {
      if (!documentWritten) return;
      documentWritten = false;
      await host.discardRecovery({ sessionId, slot: 'document' });
      return;
    }
    const result = await host.writeRecovery({ sessionId, slot: 'document', kind, ...snapshot });
    if (result.ok) documentWritten = true;
    else report(result.error.code);
  }

  async function writeCheckpoint(): Promise<void> {
    const next = pendingCheckpoint;
    pendingCheckpoint = null;
    if (next === null) return;
    const result = await host.writeRecovery({ sessionId, slot: 'checkpoint', kind, ...next });
    if (!result.ok) report(result.error.code);
  }

  const fire = (): Promise<void> => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    return enqueue(writeDocument);
  };

  return {
    sessionId,
    changed() {
      if (disposed || timer !== null) return;
      timer = timers.setTimeout(() => void fire(), delayMs);
    },
    checkpoint(contents, title, file) {
      if (disposed) return;
      const waiting = pendingCheckpoint !== null;
      pendingCheckpoint = { contents, title, file };
      if (!waiting) void enqueue(writeCheckpoint);
    },
    flush() {
      return timer === null ? chain : fire();
    },
    discard(slot) {
      if (slot !== 'checkpoint' && timer !== null) timers.clearTimeout(timer);
      if (slot !== 'checkpoint') {
        timer = null;
        documentWritten = false;
      }
      if (slot !== 'document') pendingCheckpoint = null;
      return enqueue(async () => {
        await host.discardRecovery(slot === undefined ? { sessionId } : { sessionId, slot });
      });
    },
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pendingCheckpoint = null;
    },
  };
}

/** A new recovery session id: 128 random bits, base64url (an opaque handle the host accepts). */
export function newRecoveryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
