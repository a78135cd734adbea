import type { BrowseListing, ChooserRequest, HostResult } from '@core';

/** The folder holding `path` (POSIX or Windows separators); the path itself at a root. */
export function parentOf(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return trimmed;
  if (cut === 0) return trimmed.slice(0, 1);
  if (/^[A-Za-z]:$/.test(trimmed.slice(0, cut))) return trimmed.slice(0, cut + 1);
  return trimmed.slice(0, cut);
}

export type BrowseFolder = (path?: string) => Promise<HostResult<BrowseListing>>;
/** "New folder": creates `name` inside `parent` (the folder the chooser shows); answers its path. */
export type CreateFolder = (parent: string, name: string) => Promise<HostResult<{ path: string }>>;

/** A chooser request waiting for the user's answer. */
export interface PendingChoice {
  readonly request: ChooserRequest;
  resolve(path: string | null): void;
}

/**
 * Bridges the host (which needs an answer: "which path?") and the React tree
 * (which shows `FileChooserDialog`). Browser mode only: Electron has native
 * dialogs. One request at a time; a second one cancels the first.
 */
export class ChooserController {
  private pending: PendingChoice | null = null;
  // The chooser reopens where the user last chose something (this session).
  private lastFolder: string | undefined;
  private readonly listeners = new Set<() => void>();
  private browseFolder: BrowseFolder | null = null;
  private makeFolder: CreateFolder | null = null;

  /** Called by the host that can list folders (the HTTP host). */
  attachBrowser(browse: BrowseFolder, createFolder?: CreateFolder): void {
    this.browseFolder = browse;
    this.makeFolder = createFolder ?? null;
  }

  get browse(): BrowseFolder | null {
    return this.browseFolder;
  }

  get createFolder(): CreateFolder | null {
    return this.makeFolder;
  }

  /** The host's side: ask the user. */
  readonly choose = (request: ChooserRequest): Promise<string | null> => {
    this.pending?.resolve(null);
    return new Promise((resolve) => {
      const entry: PendingChoice = {
        request,
        resolve: (path) => {
          if (this.pending !== entry) return;
          this.pending = null;
          if (path !== null) this.lastFolder = parentOf(path);
          this.emit();
          resolve(path);
        },
      };
      this.pending = entry;
      this.emit();
    });
  };

  /** Where the chooser should start: the folder of the last choice, or undefined (home). */
  startFolder(): string | undefined {
    return this.lastFolder;
  }

  /** The UI's side: the request to show, if any. */
  current(): PendingChoice | null {
    return this.pending;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
