/**
 * Whether the browser-mode server answers (browser mode only: Electron's
 * host lives in the same app). `lost`: a call could not reach it (it crashed,
 * was killed or stopped); `refused`: something answers on its port but does
 * not accept this tab's credential; `restored`: it answers again (shown for a
 * few seconds, then `connected`).
 */
export type ConnectionState = 'connected' | 'lost' | 'refused' | 'restored';

export interface ConnectionTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectionMonitorOptions {
  /** Asks the server something harmless: true = it answered, 'refused' = it refused us (403), false = no answer. */
  readonly probe: () => Promise<boolean | 'refused'>;
  readonly timers?: ConnectionTimers;
  /** First retry delay; each next one doubles, up to `maxRetryMs`. */
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
  /** While connected, how often to check that the server is still there (0 = only on failed calls). */
  readonly heartbeatMs?: number;
  /** How long `restored` is shown. */
  readonly restoredMs?: number;
}

/**
 * Watches the loopback server for the page: every host call reports whether
 * it got an answer; once one fails, the monitor retries with backoff (0.5 s,
 * 1 s, 2 s, … 5 s) until the server answers again, so a restarted
 * LayerLab (same port and credential) is found without a reload and the
 * unsaved document, which lives only in this tab, can be saved.
 */
export class ConnectionMonitor {
  private current: ConnectionState = 'connected';
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private retryMs: number;
  private probing = false;
  private readonly timers: ConnectionTimers;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private readonly heartbeatMs: number;
  private readonly restoredMs: number;

  constructor(private readonly options: ConnectionMonitorOptions) {
    this.timers = options.timers ?? {
      setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    };
    this.firstRetryMs = options.firstRetryMs ?? 500;
    this.maxRetryMs = options.maxRetryMs ?? 5000;
    this.heartbeatMs = options.heartbeatMs ?? 0;
    this.restoredMs = options.restoredMs ?? 4000;
    this.retryMs = this.firstRetryMs;
  }

  /** Starts the heartbeat (if any). */
  start(): void {
    this.schedule(this.heartbeatMs);
  }

  state(): ConnectionState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A call got no answer at all (connection refused or reset). */
  reportNoAnswer(): void {
    if (this.current === 'lost') return;
    this.set('lost');
    this.retryMs = this.firstRetryMs;
    this.schedule(this.retryMs);
  }

  /** A call got an HTTP answer; 403 means the server does not accept this tab. */
  reportAnswer(status: number): void {
    if (status === 403) {
      if (this.current !== 'refused') {
        this.set('refused');
        this.retryMs = this.firstRetryMs;
        this.schedule(this.retryMs);
      }
      return;
    }
    if (this.current === 'lost' || this.current === 'refused') {
      this.set('restored');
      this.schedule(this.restoredMs);
    }
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.stop();
    if (ms <= 0) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    if (this.current === 'restored') {
      this.set('connected');
      this.schedule(this.heartbeatMs);
      return;
    }
    if (this.probing) return;
    this.probing = true;
    const answer = await this.options.probe().catch(() => false);
    this.probing = false;
    // The probe's own call reports through reportAnswer/reportNoAnswer when it goes through the host;
    // a bare probe reports here.
    if (answer === true) this.reportAnswer(200);
    else if (answer === 'refused') this.reportAnswer(403);
    else this.reportNoAnswer();
    if (this.current === 'lost' || this.current === 'refused') {
      this.retryMs = Math.min(this.maxRetryMs, this.retryMs * 2);
      this.schedule(this.retryMs);
    } else if (this.current === 'connected') this.schedule(this.heartbeatMs);
  }

  private set(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}
