/**
 * Pause/resume between batches without timers: the training loop awaits
 * `wait()`, which resolves at once unless paused. Each pause bumps
 * `generation`, so a resumed run can tell stale callbacks from current ones
 * (TensorFlow Playground's generation token).
 */
export interface PauseGate {
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  readonly generation: number;
  /** Resolves when not paused. */
  wait(): Promise<void>;
}

export function createPauseGate(): PauseGate {
  let paused = false;
  let generation = 0;
  let release: (() => void) | null = null;
  let pending: Promise<void> | null = null;
  return {
    pause() {
      if (paused) return;
      paused = true;
      generation++;
      pending = new Promise((resolve) => (release = resolve));
    },
    resume() {
      if (!paused) return;
      paused = false;
      generation++;
      release?.();
      release = null;
      pending = null;
    },
    get paused() {
      return paused;
    },
    get generation() {
      return generation;
    },
    wait() {
      return pending ?? Promise.resolve();
    },
  };
}
