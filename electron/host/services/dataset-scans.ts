/**
 * Folder scans in progress, by the id the renderer chose for each. A scan is
 * one long host call; its progress and its cancel are separate short calls
 * (`datasetScanProgress`, `cancelDatasetScan`) so they work the same over
 * Electron IPC and over HTTP, where a request cannot be interrupted or
 * stream events back.
 */
export interface ScanHandle {
  readonly signal: AbortSignal;
  /** Files found so far (the listing's progress callback). */
  onProgress(filesFound: number): void;
  /** Forgets the scan once its call has answered. */
  finish(): void;
}

export interface ScanProgress {
  /** Files found so far; 0 before the scan starts and after it ends. */
  readonly filesFound: number;
  readonly running: boolean;
}

/** Ids cancelled before their scan arrived (a transport may reorder two calls), kept this many. */
const earlyCancelLimit = 64;

export class DatasetScans {
  private readonly running = new Map<
    string,
    { readonly controller: AbortController; filesFound: number }
  >();
  private readonly cancelledEarly: string[] = [];

  start(scanId: string): ScanHandle {
    const controller = new AbortController();
    const entry = { controller, filesFound: 0 };
    // A second scan with the same id replaces the first, which is cancelled.
    this.running.get(scanId)?.controller.abort();
    this.running.set(scanId, entry);
    const early = this.cancelledEarly.indexOf(scanId);
    if (early >= 0) {
      this.cancelledEarly.splice(early, 1);
      controller.abort();
    }
    return {
      signal: controller.signal,
      onProgress: (filesFound) => {
        entry.filesFound = filesFound;
      },
      finish: () => {
        if (this.running.get(scanId) === entry) this.running.delete(scanId);
      },
    };
  }

  progress(scanId: string): ScanProgress {
    const entry = this.running.get(scanId);
    return { filesFound: entry?.filesFound ?? 0, running: entry !== undefined };
  }

  /** Stops the scan at its next entry; its call then answers `cancelled`. */
  cancel(scanId: string): void {
    const entry = this.running.get(scanId);
    if (entry !== undefined) {
      entry.controller.abort();
      return;
    }
    this.cancelledEarly.push(scanId);
    if (this.cancelledEarly.length > earlyCancelLimit) this.cancelledEarly.shift();
  }
}
