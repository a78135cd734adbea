/**
 * The port between the UI and the operating system. Types only.
 *
 * Three implementations satisfy it: the Electron preload
 * (`electron/shell/preload/index.ts`, over IPC), the browser-mode HTTP client
 * (`renderer/host/http-host.ts`, over loopback) and the in-memory host
 * (`renderer/host/memory-host.ts`, for tests). Node-side work lives in
 * `electron/host/services/`, the same code behind both transports.
 *
 * Every call resolves to a `HostResult`; nothing throws across the boundary,
 * because Electron keeps only an error's message when it crosses IPC.
 */

export type HostErrorCode =
  | 'cancelled'
  | 'not-found'
  | 'permission-denied'
  | 'invalid-argument'
  | 'outside-grant'
  | 'already-exists'
  | 'too-large'
  | 'no-space'
  | 'io-error'
  | 'untrusted-sender'
  | 'unsupported'
  /** Browser mode: the LayerLab server did not answer (stopped or crashed); nothing was done. */
  | 'disconnected';

export interface HostError {
  readonly code: HostErrorCode;
  /** English, for logs; the UI words errors by `code`. */
  readonly message: string;
  /** The path or name concerned, when there is one (shown to the user). */
  readonly subject?: string;
}

export type HostResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HostError };

export type Unsubscribe = () => void;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly mode: 'electron' | 'browser' | 'memory';
  readonly platform: string;
  /** BCP 47 locale of the operating system, e.g. `zh-CN`. */
  readonly locale: string;
  readonly electronVersion?: string;
  /** True when the host shows native dialogs; false means the UI must offer its own chooser. */
  readonly nativeDialogs: boolean;
}

/** A project file the user opened or saved. `fileId` is an opaque grant, not a path. */
export interface ProjectFile {
  readonly fileId: string;
  readonly name: string;
  /** Full path for display only. */
  readonly displayPath: string;
}

export interface OpenedProject extends ProjectFile {
  readonly contents: string;
}

export interface RecentProject extends ProjectFile {
  readonly openedAt: string;
}

export type DatasetKind = 'image' | 'text';

/** A folder the user granted; files inside are addressed by relative path. */
export interface FolderGrant {
  readonly grantId: string;
  readonly name: string;
  readonly displayPath: string;
}

/** A file found by a scan; no bytes are read while scanning. */
export interface ListedFile {
  /** Path relative to the granted folder, `/`-separated, NFC. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface SkippedEntry {
  readonly path: string;
  readonly reason:
    | 'system-file'
    | 'hidden'
    | 'symlink-dir'
    | 'symlink-outside'
    | 'unreadable'
    | 'too-deep'
    | 'too-many';
}

export interface FolderListing {
  readonly grant: FolderGrant;
  readonly files: readonly ListedFile[];
  readonly skipped: readonly SkippedEntry[];
  /** Top-level folder names (NFC), empty ones included, so empty class folders can be reported (`listFolder().folders`). */
  readonly folders?: readonly string[];
}

export type FileBytes =
  | { readonly path: string; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly path: string; readonly ok: false; readonly error: HostError };

export interface ExportRequest {
  /** Folder name the user typed; the host sanitises it for every OS. */
  readonly suggestedName: string;
  /** Relative path → contents. */
  readonly files: Readonly<Record<string, Uint8Array | string>>;
  /** Replace an existing export of that name (only after the user agreed). */
  readonly overwrite: boolean;
}

export interface ExportWritten {
  readonly displayPath: string;
  readonly files: readonly string[];
}

/** Command ids shared by menu, toolbar, shortcuts (`area.verbObject`). */
export type CommandId = string;

export interface WindowState {
  readonly title: string;
  readonly dirty: boolean;
  /** 0..1 for the taskbar progress; null clears it. */
  readonly progress: number | null;
}

/** A flat, JSON-safe preference value; `null` in an update removes the key. */
export type SettingValue = string | number | boolean | null;

/** User preferences kept by the host (in the user-data folder), e.g. `theme`, `language`. */
export type AppSettings = Readonly<Record<string, SettingValue>>;

/**
 * Why the UI is asked to choose a path when there is no native dialog
 * (browser mode): the in-app chooser adapts its title and what it lists.
 */
export type ChooserPurpose =
  | 'open-project'
  /** File → Open: a project, a lab package or a submission (told apart by `documentKindOf`). */
  | 'open-document'
  | 'save-project'
  | 'dataset-folder'
  | 'export-parent';

export interface ChooserRequest {
  readonly purpose: ChooserPurpose;
  /** For `save-project`: the file name to propose. */
  readonly suggestedName?: string;
}

/** One folder as the in-app chooser sees it (browser mode only). */
export interface BrowseListing {
  /** Absolute path of the folder listed. */
  readonly path: string;
  /** Absolute path of its parent, or null at a file-system root. */
  readonly parent: string | null;
  readonly entries: readonly { readonly name: string; readonly kind: 'dir' | 'file' }[];
  /** Places to jump to (home, documents, file-system roots). */
  readonly places: readonly {
    readonly id: 'home' | 'documents' | 'desktop' | 'root';
    readonly path: string;
  }[];
  /** True when the folder held more entries than were listed. */
  readonly truncated: boolean;
}

/**
 * A file or folder dropped onto the window: the DOM's `File` in the renderer
 * (named structurally here, because core/ is compiled without the DOM library).
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** What a recovery entry holds: a project (`.layerlab` text) or a lab's state (JSON). */
export type RecoveryKind = 'project' | 'lab';

/**
 * The two parts of a recovery entry: the unsaved `document` (rewritten within
 * seconds of an edit) and the training `checkpoint` (rewritten after each epoch).
 */
export type RecoverySlot = 'document' | 'checkpoint';

/** One part of the unsaved state of one open document, for crash recovery (hot exit). */
export interface RecoveryWrite {
  /** Opaque id of the open project or lab (one per tab or window), so two never clobber each other. */
  readonly sessionId: string;
  readonly slot: RecoverySlot;
  readonly kind: RecoveryKind;
  /** What the start screen shows: the project's name (empty when untitled) or the lab's id. */
  readonly title: string;
  /** The file the project was opened from or saved to, or null (never saved; labs). */
  readonly file: ProjectFile | null;
  readonly contents: string;
}

/** A recovery entry left by a window that did not close cleanly, as the start screen lists it. */
export interface RecoverySummary {
  readonly sessionId: string;
  readonly kind: RecoveryKind;
  readonly title: string;
  readonly file: ProjectFile | null;
  /** ISO time of the last write (document or checkpoint). */
  readonly savedAt: string;
  readonly hasCheckpoint: boolean;
}

export interface RecoveryListing {
  readonly entries: readonly RecoverySummary[];
  /** Entries that could not be read (moved aside as `*.corrupt`), by file name: reported, never fatal. */
  readonly skipped: readonly string[];
}

/** A recovery entry with what it holds; `checkpoint` is null when no epoch was kept. */
export interface RecoveredEntry extends RecoverySummary {
  readonly contents: string;
  readonly checkpoint: string | null;
}

/** What File → Open (and a file opened from the OS) can be: `documentKindOf` tells them apart. */
export type DocumentKind = 'project' | 'pack' | 'submission';

/**
 * A document the user opened. A project keeps its grant (`fileId`: Save writes
 * over it, and it joins the recent list); a lab package (a zip) and a
 * submission (JSON) come as bytes, read-only.
 */
export type OpenedDocument =
  | { readonly kind: 'project'; readonly project: OpenedProject }
  | {
      readonly kind: 'pack' | 'submission';
      readonly name: string;
      readonly displayPath: string;
      readonly bytes: Uint8Array;
    };

export interface Host {
  getAppInfo(): Promise<HostResult<AppInfo>>;
  /** Shows an open dialog, or reopens a recent project when `recentFileId` is given. */
  openProject(request: { readonly recentFileId?: string }): Promise<HostResult<OpenedProject>>;
  /**
   * The project file LayerLab was started with (a double-clicked `.layerlab`
   * file, or `npm start -- file.layerlab`), handed out once; null when none.
   * Call it at startup, and again on the `file.openLaunchProject` command.
   */
  openLaunchProject(): Promise<HostResult<OpenedProject | null>>;
  /**
   * File → Open: asks for a project, a lab package or a submission (`from:
   * 'chooser'`), or hands out the file LayerLab was started with or sent by
   * the OS (`from: 'launch'`: a double-clicked file, a second instance,
   * macOS `open-file`; null when none).
   */
  openDocument(request: {
    readonly from: 'chooser' | 'launch';
  }): Promise<HostResult<OpenedDocument | null>>;
  /**
   * Prints an HTML page (a worksheet, an answer key) to PDF: Electron's
   * `printToPDF` in a hidden window with script off, or Chromium headless in
   * browser mode. `unsupported` when no printer is available (the UI offers the HTML).
   */
  printPdf(request: { readonly html: string }): Promise<HostResult<Uint8Array>>;
  /** Saves over `fileId`, or asks where to save when `fileId` is null or `saveAs` is set. Atomic; keeps a `.bak`. */
  saveProject(request: {
    readonly fileId: string | null;
    readonly suggestedName: string;
    readonly contents: string;
    readonly saveAs: boolean;
  }): Promise<HostResult<ProjectFile>>;
  getRecentProjects(): Promise<HostResult<readonly RecentProject[]>>;
  /** Asks the user for a dataset folder (native dialog or in-app chooser). */
  pickDatasetFolder(request: { readonly kind: DatasetKind }): Promise<HostResult<FolderGrant>>;
  /**
   * Grants a folder the user dropped onto the window. Electron only: the
   * preload reads the dropped item's real path (`webUtils.getPathForFile`);
   * a browser never reveals it, so browser mode answers `unsupported` and the
   * UI offers the chooser instead.
   */
  grantDroppedFolder(file: DroppedFile): Promise<HostResult<FolderGrant>>;
  /**
   * Lists a granted folder without reading file contents. With a `scanId`
   * (an opaque id the caller makes up) the scan can be watched with
   * `datasetScanProgress` and stopped with `cancelDatasetScan`, after which
   * this call answers `cancelled`.
   */
  listDatasetFolder(request: {
    readonly grantId: string;
    readonly scanId?: string;
  }): Promise<HostResult<FolderListing>>;
  /** Files found so far by a running scan (`running: false` once it has answered, or for an unknown id). */
  datasetScanProgress(request: {
    readonly scanId: string;
  }): Promise<HostResult<{ readonly filesFound: number; readonly running: boolean }>>;
  /** Stops a running scan at its next folder entry (within a fraction of a second). */
  cancelDatasetScan(request: { readonly scanId: string }): Promise<HostResult<void>>;
  /** Reads files of a granted folder; one failure does not fail the batch. */
  readDatasetFiles(request: {
    readonly grantId: string;
    readonly paths: readonly string[];
  }): Promise<HostResult<readonly FileBytes[]>>;
  /** Asks for a parent folder and writes an export folder into it atomically. */
  writeExportFolder(request: ExportRequest): Promise<HostResult<ExportWritten>>;
  /** Reports title, dirty marker and progress to the window (taskbar, close prompt). */
  setWindowState(state: WindowState): void;
  /** Commands chosen in the native menu. */
  onCommand(listener: (id: CommandId) => void): Unsubscribe;
  /** Stored user preferences (empty on first run). */
  getSettings(): Promise<HostResult<AppSettings>>;
  /** Merges `patch` into the stored preferences (a `null` value removes the key); resolves to the new whole. */
  updateSettings(patch: AppSettings): Promise<HostResult<AppSettings>>;
  /**
   * Reads an entry of the on-disk pixel cache (decoded dataset samples kept
   * across launches): an opaque blob the renderer wrote, named by a hash key
   * (`pixelCacheKeyPattern`); `null` when there is none.
   */
  readPixelCache(request: { readonly key: string }): Promise<HostResult<Uint8Array | null>>;
  /** Stores a pixel cache entry atomically; the host evicts the least recently used entries above its size cap. */
  writePixelCache(request: {
    readonly key: string;
    readonly bytes: Uint8Array;
  }): Promise<HostResult<void>>;
  /**
   * Keeps one part of a document's unsaved state in the recovery store (the
   * profile folder, never beside the user's files); atomic, bounded
   * (`maxRecoveryChars` per part, `recoveryBudgetBytes` in all).
   */
  writeRecovery(request: RecoveryWrite): Promise<HostResult<void>>;
  /** Entries left by windows that did not close cleanly (not those this host run is writing). */
  listRecovery(): Promise<HostResult<RecoveryListing>>;
  readRecovery(request: { readonly sessionId: string }): Promise<HostResult<RecoveredEntry>>;
  /** Deletes an entry (restored, discarded, saved, or closed with "Don't save"); only `slot` when given. */
  discardRecovery(request: {
    readonly sessionId: string;
    readonly slot?: RecoverySlot;
  }): Promise<HostResult<void>>;
}
