import type {
  BrowseListing,
  ByteRange,
  OpenedDocument,
  ChooserRequest,
  CommandId,
  FileBytes,
  Host,
  HostError,
  HostResult,
} from '@core';
import { decodeFrame, encodeFrame, httpApi, pixelCachePartBytes, sliceRange } from '@core';

/** Browser mode: the host services over the loopback server (electron/host/server). */
export interface HttpHost extends Host {
  /** Lists a folder for the in-app chooser (browser mode only). */
  browse(path?: string): Promise<HostResult<BrowseListing>>;
  /** "New folder" in the in-app chooser: creates `name` inside `parent`, the folder it shows. */
  createFolder(parent: string, name: string): Promise<HostResult<{ path: string }>>;
  /** Asks the server something harmless, bypassing the connection reports (for the connection monitor). */
  probe(): Promise<boolean | 'refused'>;
}

/** Where the HTTP host reports whether its calls reach the server (`ConnectionMonitor`). */
export interface ConnectionReports {
  reportNoAnswer(): void;
  reportAnswer(status: number): void;
}

export interface HttpHostOptions {
  /** The per-launch token (from the page's `<meta name="layerlab-token">`). */
  readonly token: string;
  /** Defaults to same-origin relative URLs. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Shows the in-app chooser; resolves to an absolute path or null (cancelled). */
  readonly choosePath: (request: ChooserRequest) => Promise<string | null>;
  /** Where `setWindowState` writes the title; defaults to `document`. */
  readonly titleTarget?: { title: string };
  /** Told whether each call reached the server (the reconnect banner). */
  readonly connection?: ConnectionReports;
}

/** Reads the token the server put into index.html. */
export function readPageToken(doc: Pick<Document, 'querySelector'>): string | null {
  return (
    doc.querySelector(`meta[name="${httpApi.tokenMetaName}"]`)?.getAttribute('content') ?? null
  );
}

const cancelled: HostResult<never> = {
  ok: false,
  error: { code: 'cancelled', message: 'Cancelled by the user.' },
};

/**
 * A `Host` that calls the browser-mode server. Native dialogs become the
 * in-app chooser (`choosePath`); its answer is first recorded by the server
 * (`chooserPick`), and the call then carries the `choiceId` it answered,
 * never a path (the server uses no path a request names).
 */
export function createHttpHost(options: HttpHostOptions): HttpHost {
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  const listeners = new Set<(id: CommandId) => void>();
  const headers = { [httpApi.tokenHeader]: options.token };

  async function post(
    path: string,
    body: BodyInit,
    contentType: string,
    keepalive = false,
  ): Promise<Response | HostError> {
    try {
      const response = await fetcher(`${base}${path}`, {
        method: 'POST',
        body,
        headers: { ...headers, 'Content-Type': contentType },
        credentials: 'same-origin',
        // Only for small calls that must outlive the page (a discard sent while the tab closes).
        ...(keepalive ? { keepalive } : {}),
      });
      options.connection?.reportAnswer(response.status);
      return response;
    } catch (error) {
      // No answer at all: the server stopped or crashed. The monitor shows it and retries.
      options.connection?.reportNoAnswer();
      return {
        code: 'disconnected',
        message: `The LayerLab server does not answer (${String(error)}).`,
      };
    }
  }

  async function call<T>(method: string, args: unknown, choiceId?: string): Promise<HostResult<T>> {
    const response = await post(
      httpApi.callPath(method),
      JSON.stringify(choiceId === undefined ? { args } : { args, choiceId }),
      'application/json',
    );
    if (!(response instanceof Response)) return { ok: false, error: response };
    return readJsonResult<T>(response);
  }

  /** Shows the chooser and has the server record the pick; a choice id, or a failure to return. */
  async function pick(request: ChooserRequest): Promise<HostResult<string>> {
    const chosen = await options.choosePath(request);
    if (chosen === null) return cancelled;
    const recorded = await call<{ choiceId: string }>('chooserPick', {
      purpose: request.purpose,
      path: chosen,
    });
    return recorded.ok ? { ok: true, value: recorded.value.choiceId } : recorded;
  }

  /** A JSON call whose answer is a frame (bytes as its payload), read by `decode`. */
  async function readFramed<T>(
    path: string,
    body: unknown,
    decode: (header: unknown, payload: Uint8Array) => HostResult<T>,
  ): Promise<HostResult<T>> {
    const response = await post(path, JSON.stringify(body), 'application/json');
    if (!(response instanceof Response)) return { ok: false, error: response };
    if (!response.ok) return readJsonResult(response);
    try {
      const { header, payload } = decodeFrame(new Uint8Array(await response.arrayBuffer()));
      return decode(header, payload);
    } catch (error) {
      return { ok: false, error: { code: 'io-error', message: `Bad reply: ${String(error)}` } };
    }
  }

  async function callChoosing<T>(
    method: string,
    args: unknown,
    request: ChooserRequest,
  ): Promise<HostResult<T>> {
    const choice = await pick(request);
    if (!choice.ok) return choice;
    return call<T>(method, args, choice.value);
  }

  return {
    getAppInfo: () => call('getAppInfo', {}),
    openProject: (request) =>
      request.recentFileId !== undefined
        ? call('openProject', request)
        : callChoosing('openProject', request, { purpose: 'open-project' }),
    saveProject: (request) =>
      request.fileId !== null && !request.saveAs
        ? call('saveProject', request)
        : callChoosing('saveProject', request, {
            purpose: 'save-project',
            suggestedName: request.suggestedName,
          }),
    getRecentProjects: () => call('getRecentProjects', {}),
    openLaunchProject: () => call('openLaunchProject', {}),
    async openDocument(request) {
      let choiceId: string | undefined;
      if (request.from === 'chooser') {
        const choice = await pick({ purpose: 'open-document' });
        if (!choice.ok) return choice;
        choiceId = choice.value;
      }
      return readFramed(
        httpApi.binaryPath('openDocument'),
        { args: request, ...(choiceId === undefined ? {} : { choiceId }) },
        (header, payload): HostResult<OpenedDocument | null> => {
          const result = header as HostResult<
            | OpenedDocument
            | null
            | { kind: 'pack' | 'submission'; name: string; displayPath: string; range: ByteRange }
          >;
          if (!result.ok || result.value === null || result.value.kind === 'project')
            return result as HostResult<OpenedDocument | null>;
          if (!('range' in result.value)) throw new Error('document bytes missing');
          const { range, ...described } = result.value;
          return { ok: true, value: { ...described, bytes: sliceRange(payload, range).slice() } };
        },
      );
    },
    printPdf: (request) =>
      readFramed(
        httpApi.binaryPath('printPdf'),
        { args: request },
        (header, payload): HostResult<Uint8Array> => {
          const result = header as HostResult<never> | { ok: true; range: ByteRange };
          if (!('range' in result)) return result;
          return { ok: true, value: sliceRange(payload, result.range).slice() };
        },
      ),
    pickDatasetFolder: (request) =>
      callChoosing('pickDatasetFolder', request, { purpose: 'dataset-folder' }),
    grantDroppedFolder: async () => ({
      ok: false,
      error: {
        code: 'unsupported',
        message:
          'A browser does not reveal where a dropped folder is; choose it with the folder chooser.',
      },
    }),
    listDatasetFolder: (request) => call('listDatasetFolder', request),
    datasetScanProgress: (request) => call('datasetScanProgress', request),
    cancelDatasetScan: (request) => call('cancelDatasetScan', request),
    async readDatasetFiles(request) {
      const response = await post(
        httpApi.binaryPath('readDatasetFiles'),
        JSON.stringify({ args: request }),
        'application/json',
      );
      if (!(response instanceof Response)) return { ok: false, error: response };
      if (!response.ok) return readJsonResult(response);
      try {
        const { header, payload } = decodeFrame(new Uint8Array(await response.arrayBuffer()));
        const result = header as HostResult<
          readonly (
            | { path: string; ok: true; range: ByteRange }
            | { path: string; ok: false; error: HostError }
          )[]
        >;
        if (!result.ok) return result;
        const files: FileBytes[] = result.value.map((entry) =>
          entry.ok
            ? { path: entry.path, ok: true, bytes: sliceRange(payload, entry.range).slice() }
            : entry,
        );
        return { ok: true, value: files };
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'io-error',
            message: `Malformed reply from the LayerLab server (${String(error)}).`,
          },
        };
      }
    },
    async writeExportFolder(request) {
      const choice = await pick({ purpose: 'export-parent' });
      if (!choice.ok) return choice;
      const chunks: Uint8Array[] = [];
      const files: Record<string, string | { offset: number; length: number }> = {};
      let offset = 0;
      for (const [name, contents] of Object.entries(request.files)) {
        if (typeof contents === 'string') {
          files[name] = contents;
          continue;
        }
        files[name] = { offset, length: contents.byteLength };
        chunks.push(contents);
        offset += contents.byteLength;
      }
      const frame = encodeFrame(
        {
          args: { suggestedName: request.suggestedName, overwrite: request.overwrite, files },
          choiceId: choice.value,
        },
        chunks,
      );
      const response = await post(
        httpApi.binaryPath('writeExportFolder'),
        new Blob([frame as Uint8Array<ArrayBuffer>]),
        'application/octet-stream',
      );
      if (!(response instanceof Response)) return { ok: false, error: response };
      return readJsonResult(response);
    },
    setWindowState(state) {
      const target =
        options.titleTarget ?? (typeof document === 'undefined' ? undefined : document);
      if (target) target.title = `${state.dirty ? '● ' : ''}${state.title}`;
    },
    onCommand(listener) {
      // Browser mode has no native menu; the in-app menu runs commands directly.
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    writeRecovery: (request) => call('writeRecovery', request),
    listRecovery: () => call('listRecovery', {}),
    readRecovery: (request) => call('readRecovery', request),
    async discardRecovery(request) {
      const response = await post(
        httpApi.callPath('discardRecovery'),
        JSON.stringify({ args: request }),
        'application/json',
        true,
      );
      if (!(response instanceof Response)) return { ok: false, error: response };
      return readJsonResult(response);
    },
    getSettings: () => call('getSettings', {}),
    updateSettings: (patch) => call('updateSettings', patch),
    browse: (path) => call('browse', path === undefined ? {} : { path }),
    createFolder: (parent, name) => call('createFolder', { parent, name }),
    async probe() {
      try {
        const response = await fetcher(`${base}${httpApi.callPath('getAppInfo')}`, {
          method: 'POST',
          body: JSON.stringify({ args: {} }),
          headers: { ...headers, 'Content-Type': 'application/json' },
          credentials: 'same-origin',
        });
        return response.status === 403 ? 'refused' : true;
      } catch {
        return false;
      }
    },
    async readPixelCache(request) {
      const response = await post(
        httpApi.binaryPath('readPixelCache'),
        JSON.stringify({ args: request }),
        'application/json',
      );
      if (!(response instanceof Response)) return { ok: false, error: response };
      if (!response.ok) return readJsonResult(response);
      try {
        const { header, payload } = decodeFrame(new Uint8Array(await response.arrayBuffer()));
        const result = header as
          HostResult<null> | { ok: true; range: { offset: number; length: number } };
        if (!('range' in result)) return result;
        const { offset, length } = result.range;
        if (offset + length > payload.byteLength) throw new Error('range out of bounds');
        return { ok: true, value: payload.subarray(offset, offset + length) };
      } catch (error) {
        return { ok: false, error: { code: 'io-error', message: `Bad reply: ${String(error)}` } };
      }
    },
    async writePixelCache(request) {
      // In parts, each as a Blob: one 50 MB typed-array upload cost Chromium ~1 GB and seconds of CPU (measured).
      const total = request.bytes.byteLength;
      for (let offset = 0; ; offset += pixelCachePartBytes) {
        const part = request.bytes.subarray(offset, Math.min(total, offset + pixelCachePartBytes));
        const frame = encodeFrame({ args: { key: request.key, offset, total } }, [part]);
        const response = await post(
          httpApi.binaryPath('writePixelCache'),
          new Blob([frame as Uint8Array<ArrayBuffer>]),
          'application/octet-stream',
        );
        if (!(response instanceof Response)) return { ok: false, error: response };
        const written = await readJsonResult<void>(response);
        if (!written.ok || offset + pixelCachePartBytes >= total) return written;
      }
    },
  };
}

async function readJsonResult<T>(response: Response): Promise<HostResult<T>> {
  try {
    const body = (await response.json()) as HostResult<T>;
    if (typeof body === 'object' && body !== null && typeof body.ok === 'boolean') return body;
  } catch {
    // fall through
  }
  return {
    ok: false,
    error: {
      code: 'io-error',
      message: `Unexpected reply from the LayerLab server (HTTP ${response.status}).`,
    },
  };
}
