import type {
  AppInfo,
  AppSettings,
  ChooserRequest,
  CommandId,
  FileBytes,
  Host,
  HostErrorCode,
  HostResult,
  ProjectFile,
  RecentProject,
  RecoveredEntry,
  RecoverySlot,
  RecoveryWrite,
  WindowState,
} from '@core';
import { documentKindOf } from '@core';

/** An in-memory host for unit tests and for running the UI without a server. */
export interface MemoryHost extends Host {
  /** The virtual file system: absolute `/`-separated path → contents. */
  readonly files: Map<string, string | Uint8Array>;
  /** The last state the UI reported (title, dirty, progress). */
  readonly windowState: WindowState | null;
  /** Simulates a native menu command. */
  emitCommand(id: CommandId): void;
  /** The recovery store: session id → its parts (what a crash now would leave). */
  readonly recovery: Map<
    string,
    Partial<Record<RecoverySlot, RecoveryWrite & { savedAt: string }>>
  >;
}

export interface MemoryHostOptions {
  readonly appInfo?: Partial<AppInfo>;
  /** Answers what a dialog would; default: every dialog is cancelled. */
  readonly choosePath?: (request: ChooserRequest) => Promise<string | null>;
  /** Initial files, e.g. `{ '/data/cats/1.png': bytes }`. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** A path in `files` to hand out once through `openLaunchProject`. */
  readonly launchFile?: string;
  /** Prints `printPdf`'s HTML; default: `unsupported`, as where no Chromium is installed. */
  readonly printPdf?: (html: string) => Promise<Uint8Array>;
  /** Recovery entries left by an earlier run (listed by `listRecovery`). */
  readonly recovery?: readonly RecoveredEntry[];
}

const fail = (code: HostErrorCode, message: string, subject?: string): HostResult<never> => ({
  ok: false,
  error: subject === undefined ? { code, message } : { code, message, subject },
});

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Creates a memory host; behaves like the real services for the cases UI tests need. */
export function createMemoryHost(options: MemoryHostOptions = {}): MemoryHost {
  const files = new Map<string, string | Uint8Array>(Object.entries(options.files ?? {}));
  const choose = options.choosePath ?? (async () => null);
  const handles = new Map<string, string>(); // fileId or grantId → path
  /** Scan ids cancelled before their listing call arrived. */
  const cancelledScans = new Set<string>();
  const recent: RecentProject[] = [];
  const listeners = new Set<(id: CommandId) => void>();
  let settings: AppSettings = {};
  const pixelCache = new Map<string, Uint8Array>(); // pixel cache entries by key
  let windowState: WindowState | null = null;
  let nextId = 1;
  let launchFile = options.launchFile ?? null;
  const recovery: MemoryHost['recovery'] = new Map();
  for (const entry of options.recovery ?? []) {
    const { contents, checkpoint, hasCheckpoint: _has, savedAt, ...rest } = entry;
    const base = { ...rest, savedAt };
    recovery.set(entry.sessionId, {
      document: { ...base, slot: 'document', contents },
      ...(checkpoint === null
        ? {}
        : { checkpoint: { ...base, slot: 'checkpoint', contents: checkpoint } }),
    });
  }
  /** Session ids written in this run: their documents are open, so they are not offered. */
  const liveRecovery = new Set<string>();
  const recoveredEntry = (sessionId: string): RecoveredEntry | null => {
    const parts = recovery.get(sessionId);
    const main = parts?.document ?? parts?.checkpoint;
    if (parts === undefined || main === undefined) return null;
    return {
      sessionId,
      kind: main.kind,
      title: main.title,
      file: main.file,
      savedAt: main.savedAt,
      hasCheckpoint: parts.checkpoint !== undefined,
      contents: parts.document?.contents ?? '',
      checkpoint: parts.checkpoint?.contents ?? null,
    };
  };

  const handleFor = (path: string): string => {
    for (const [id, p] of handles) if (p === path) return id;
    const id = `memory-${String(nextId++).padStart(4, '0')}`;
    handles.set(id, path);
    return id;
  };
  const remember = (path: string): ProjectFile => {
    const file = { fileId: handleFor(path), name: baseName(path), displayPath: path };
    const index = recent.findIndex((entry) => entry.displayPath === path);
    if (index !== -1) recent.splice(index, 1);
    recent.unshift({ ...file, openedAt: new Date().toISOString() });
    return file;
  };
  const insideFolder = (root: string): string[] =>
    [...files.keys()].filter((path) => path.startsWith(`${root}/`)).sort();

  const appInfo: AppInfo = {
    name: 'LayerLab',
    version: '0.0.0-memory',
    mode: 'memory',
    platform: 'memory',
    locale: 'zh-CN',
    nativeDialogs: false,
    ...options.appInfo,
  };

  return {
    files,
    recovery,
    get windowState() {
      return windowState;
    },
    emitCommand(id) {
      for (const listener of listeners) listener(id);
    },
    getAppInfo: async () => ({ ok: true, value: appInfo }),
    async openProject(request) {
      const path =
        request.recentFileId !== undefined
          ? handles.get(request.recentFileId)
          : await choose({ purpose: 'open-project' });
      if (path === undefined) return fail('not-found', 'Unknown project handle.');
      if (path === null) return fail('cancelled', 'Cancelled by the user.');
      const contents = files.get(path);
      if (contents === undefined) return fail('not-found', 'No such file.', path);
      if (typeof contents !== 'string') return fail('invalid-argument', 'Not a text file.', path);
      return { ok: true, value: { ...remember(path), contents } };
    },
    async saveProject(request) {
      let path =
        request.fileId !== null && !request.saveAs
          ? handles.get(request.fileId)
          : await choose({ purpose: 'save-project', suggestedName: request.suggestedName });
      if (path === undefined) return fail('not-found', 'Unknown project handle.');
      if (path === null) return fail('cancelled', 'Cancelled by the user.');
      if (!path.endsWith('.layerlab')) path = `${path}.layerlab`;
      const previous = files.get(path);
      if (previous !== undefined) files.set(`${path}.bak`, previous);
      files.set(path, request.contents);
      return { ok: true, value: remember(path) };
    },
    getRecentProjects: async () => ({ ok: true, value: [...recent] }),
    async openLaunchProject() {
      const path = launchFile;
      launchFile = null;
      if (path === null) return { ok: true, value: null };
      const contents = files.get(path);
      if (typeof contents !== 'string') return fail('not-found', 'No such project file.', path);
      return { ok: true, value: { ...remember(path), contents } };
    },
    async openDocument(request) {
      const path =
        request.from === 'launch' ? launchFile : await choose({ purpose: 'open-document' });
      if (request.from === 'launch') launchFile = null;
      if (path === null)
        return request.from === 'launch'
          ? { ok: true, value: null }
          : fail('cancelled', 'Cancelled by the user.');
      const contents = files.get(path);
      if (contents === undefined) return fail('not-found', 'No such file.', path);
      const bytes = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
      const kind = documentKindOf(baseName(path), bytes.subarray(0, 512));
      if (kind !== 'project')
        return { ok: true, value: { kind, name: baseName(path), displayPath: path, bytes } };
      if (typeof contents !== 'string') return fail('invalid-argument', 'Not a text file.', path);
      return { ok: true, value: { kind, project: { ...remember(path), contents } } };
    },
    async printPdf(request) {
      if (options.printPdf === undefined)
        return fail('unsupported', 'The memory host has no printer.');
      return { ok: true, value: await options.printPdf(request.html) };
    },
    async pickDatasetFolder() {
      const path = await choose({ purpose: 'dataset-folder' });
      if (path === null) return fail('cancelled', 'Cancelled by the user.');
      return {
        ok: true,
        value: { grantId: handleFor(path), name: baseName(path), displayPath: path },
      };
    },
    grantDroppedFolder: async () => fail('unsupported', 'The memory host has no dropped folders.'),
    async listDatasetFolder(request) {
      const root = handles.get(request.grantId);
      if (root === undefined) return fail('not-found', 'Unknown folder grant.');
      // Listing memory is instant, so a scan can only be cancelled before it starts.
      if (request.scanId !== undefined && cancelledScans.delete(request.scanId))
        return fail('cancelled', 'The folder scan was cancelled.');
      const listed = insideFolder(root).map((path) => {
        const contents = files.get(path) ?? '';
        return {
          path: path.slice(root.length + 1),
          size:
            typeof contents === 'string'
              ? new TextEncoder().encode(contents).length
              : contents.byteLength,
          mtimeMs: 0,
        };
      });
      return {
        ok: true,
        value: {
          grant: { grantId: request.grantId, name: baseName(root), displayPath: root },
          files: listed,
          skipped: [],
        },
      };
    },
    datasetScanProgress: async () => ({ ok: true, value: { filesFound: 0, running: false } }),
    async cancelDatasetScan(request) {
      cancelledScans.add(request.scanId);
      return { ok: true, value: undefined };
    },
    async readDatasetFiles(request) {
      const root = handles.get(request.grantId);
      if (root === undefined) return fail('not-found', 'Unknown folder grant.');
      const results: FileBytes[] = request.paths.map((rel) => {
        if (
          rel.split('/').some((segment) => segment === '..' || segment === '') ||
          rel.startsWith('/')
        ) {
          return {
            path: rel,
            ok: false,
            error: { code: 'outside-grant', message: 'Path refused.', subject: rel },
          };
        }
        const contents = files.get(`${root}/${rel}`);
        if (contents === undefined)
          return {
            path: rel,
            ok: false,
            error: { code: 'not-found', message: 'No such file.', subject: rel },
          };
        return {
          path: rel,
          ok: true,
          bytes: typeof contents === 'string' ? new TextEncoder().encode(contents) : contents,
        };
      });
      return { ok: true, value: results };
    },
    async writeExportFolder(request) {
      const parent = await choose({ purpose: 'export-parent' });
      if (parent === null) return fail('cancelled', 'Cancelled by the user.');
      const target = `${parent}/${request.suggestedName}`;
      const existing = insideFolder(target);
      if (existing.length > 0 && !request.overwrite)
        return fail('already-exists', 'An export with this name already exists.', target);
      for (const path of existing) files.delete(path);
      for (const [rel, contents] of Object.entries(request.files))
        files.set(`${target}/${rel}`, contents);
      return { ok: true, value: { displayPath: target, files: Object.keys(request.files).sort() } };
    },
    setWindowState(state) {
      windowState = state;
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSettings: async () => ({ ok: true, value: { ...settings } }),
    async updateSettings(patch) {
      const next: Record<string, AppSettings[string]> = { ...settings };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete next[key];
        else next[key] = value;
      }
      settings = next;
      return { ok: true, value: { ...settings } };
    },
    readPixelCache: async (request) => ({
      ok: true,
      value: pixelCache.get(request.key) ?? null,
    }),
    async writePixelCache(request) {
      pixelCache.set(request.key, request.bytes.slice());
      return { ok: true, value: undefined };
    },
    async writeRecovery(request) {
      liveRecovery.add(request.sessionId);
      const parts = recovery.get(request.sessionId) ?? {};
      recovery.set(request.sessionId, {
        ...parts,
        [request.slot]: { ...request, savedAt: new Date().toISOString() },
      });
      return { ok: true, value: undefined };
    },
    async listRecovery() {
      const entries = [...recovery.keys()]
        .filter((id) => !liveRecovery.has(id))
        .map(recoveredEntry)
        .filter((e) => e !== null)
        .map(({ contents: _c, checkpoint: _k, ...summary }) => summary);
      return { ok: true, value: { entries, skipped: [] } };
    },
    async readRecovery(request) {
      const entry = recoveredEntry(request.sessionId);
      return entry === null
        ? fail('not-found', 'No such recovery entry.')
        : { ok: true, value: entry };
    },
    async discardRecovery(request) {
      const parts = recovery.get(request.sessionId);
      if (request.slot === undefined || parts === undefined) recovery.delete(request.sessionId);
      else {
        const { [request.slot]: _dropped, ...rest } = parts;
        if (Object.keys(rest).length === 0) recovery.delete(request.sessionId);
        else recovery.set(request.sessionId, rest);
      }
      return { ok: true, value: undefined };
    },
  };
}
