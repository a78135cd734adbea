import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

import type { CommandId, DroppedFile, Host, HostResult } from '../../../core/contract/host';
import {
  commandChannel,
  hostChannels,
  pixelCachePartBytes,
  windowStateChannel,
} from '../../../core/contract/channels';

/**
 * The only bridge between the page and Node: `window.host`, a `Host` over
 * IPC. No raw `ipcRenderer`, no events, no Electron objects cross; callbacks
 * receive plain data. Bundled (a sandboxed preload cannot require modules).
 */

async function invoke<T>(channel: string, args: unknown): Promise<HostResult<T>> {
  try {
    return (await ipcRenderer.invoke(channel, args)) as HostResult<T>;
  } catch (error) {
    return { ok: false, error: { code: 'io-error', message: String(error) } };
  }
}

// In a text field, the edit commands must edit the text, not the graph.
const textEditCommands: Readonly<Record<string, string>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.selectAll': 'selectAll',
};

// The preload runs in the page, but electron/ compiles without DOM typings.
const page = globalThis as unknown as {
  document?: {
    activeElement: { tagName: string; isContentEditable?: boolean } | null;
    execCommand(command: string): boolean;
  };
};

function isEditingText(): boolean {
  const active = page.document?.activeElement;
  if (!active) return false;
  return (
    active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.isContentEditable === true
  );
}

function pathOfDropped(file: DroppedFile): string {
  try {
    // A dropped item is a DOM File; anything else makes getPathForFile throw.
    return webUtils.getPathForFile(file as File);
  } catch {
    return ''; // not a File at all
  }
}

const host = {
  getAppInfo: () => invoke(hostChannels.getAppInfo, {}),
  openProject: (request) => invoke(hostChannels.openProject, request),
  openLaunchProject: () => invoke(hostChannels.openLaunchProject, {}),
  openDocument: (request) => invoke(hostChannels.openDocument, request),
  printPdf: (request) => invoke(hostChannels.printPdf, request),
  saveProject: (request) => invoke(hostChannels.saveProject, request),
  getRecentProjects: () => invoke(hostChannels.getRecentProjects, {}),
  pickDatasetFolder: (request) => invoke(hostChannels.pickDatasetFolder, request),
  grantDroppedFolder: async (file) => {
    // The path comes from the real dropped item, never from page data (a synthetic File has none).
    const filePath = pathOfDropped(file);
    if (filePath === '') {
      return {
        ok: false,
        error: {
          code: 'invalid-argument',
          message: 'The dropped item is not a file or folder from this computer.',
        },
      };
    }
    return invoke(hostChannels.grantDroppedFolder, { path: filePath });
  },
  listDatasetFolder: (request) => invoke(hostChannels.listDatasetFolder, request),
  datasetScanProgress: (request) => invoke(hostChannels.datasetScanProgress, request),
  cancelDatasetScan: (request) => invoke(hostChannels.cancelDatasetScan, request),
  readDatasetFiles: (request) => invoke(hostChannels.readDatasetFiles, request),
  writeExportFolder: (request) => invoke(hostChannels.writeExportFolder, request),
  setWindowState: (state) =>
    ipcRenderer.send(windowStateChannel, {
      title: state.title,
      dirty: state.dirty,
      progress: state.progress,
    }),
  onCommand: (listener: (id: CommandId) => void) => {
    const forward = (_event: IpcRendererEvent, id: unknown): void => {
      if (typeof id !== 'string') return;
      const native = textEditCommands[id];
      if (native !== undefined && isEditingText()) {
        page.document?.execCommand(native);
        return;
      }
      listener(id);
    };
    ipcRenderer.on(commandChannel, forward);
    return () => {
      ipcRenderer.removeListener(commandChannel, forward);
    };
  },
  getSettings: () => invoke(hostChannels.getSettings, {}),
  updateSettings: (patch) => invoke(hostChannels.updateSettings, patch),
  readPixelCache: (request) => invoke(hostChannels.readPixelCache, request),
  writeRecovery: (request) => invoke(hostChannels.writeRecovery, request),
  listRecovery: () => invoke(hostChannels.listRecovery, {}),
  readRecovery: (request) => invoke(hostChannels.readRecovery, request),
  discardRecovery: (request) => invoke(hostChannels.discardRecovery, request),
  async writePixelCache(request) {
    // In parts: one IPC message never carries a whole 50 MB entry (see pixel-cache-store.ts).
    const total = request.bytes.byteLength;
    for (let offset = 0; ; offset += pixelCachePartBytes) {
      const bytes = request.bytes.subarray(offset, Math.min(total, offset + pixelCachePartBytes));
      const written = (await invoke(hostChannels.writePixelCache, {
        key: request.key,
        bytes,
        offset,
        total,
      })) as HostResult<void>;
      if (!written.ok || offset + pixelCachePartBytes >= total) return written;
    }
  },
} satisfies Host;

contextBridge.exposeInMainWorld('host', host);
