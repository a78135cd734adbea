/**
 * IPC channel names shared by electron/shell/main and electron/shell/preload. Each Host
 * method that does file work has one `invoke` channel; window state and menu
 * commands are one-way messages.
 */
export const hostChannels = {
  getAppInfo: 'host:getAppInfo',
  openProject: 'host:openProject',
  openLaunchProject: 'host:openLaunchProject',
  openDocument: 'host:openDocument',
  printPdf: 'host:printPdf',
  saveProject: 'host:saveProject',
  getRecentProjects: 'host:getRecentProjects',
  pickDatasetFolder: 'host:pickDatasetFolder',
  grantDroppedFolder: 'host:grantDroppedFolder',
  listDatasetFolder: 'host:listDatasetFolder',
  datasetScanProgress: 'host:datasetScanProgress',
  cancelDatasetScan: 'host:cancelDatasetScan',
  readDatasetFiles: 'host:readDatasetFiles',
  writeExportFolder: 'host:writeExportFolder',
  getSettings: 'host:getSettings',
  updateSettings: 'host:updateSettings',
  readPixelCache: 'host:readPixelCache',
  writePixelCache: 'host:writePixelCache',
  writeRecovery: 'host:writeRecovery',
  listRecovery: 'host:listRecovery',
  readRecovery: 'host:readRecovery',
  discardRecovery: 'host:discardRecovery',
} as const;

export type HostChannelMethod = keyof typeof hostChannels;

/** Size of the parts a pixel cache entry crosses IPC or loopback HTTP in (one message never holds a whole 50 MB entry). */
export const pixelCachePartBytes = 8 * 1024 * 1024;

/** Renderer → main, fire-and-forget: title, dirty marker, taskbar progress. */
export const windowStateChannel = 'host:setWindowState';

/** Main → renderer: a command id chosen in the native menu. */
export const commandChannel = 'host:command';

/**
 * Browser mode's loopback API (electron/host/server ↔ renderer/host/http-host.ts):
 * `POST /api/call/<method>` takes and answers JSON; the byte-carrying methods
 * use `POST /api/bin/<method>` with binary frames (binary-frame.ts). Every call
 * carries the per-launch token in `tokenHeader` (and a cookie); the page gets
 * it from `<meta name={tokenMetaName}>`.
 */
export const httpApi = {
  tokenHeader: 'X-LayerLab-Token',
  tokenMetaName: 'layerlab-token',
  callPath: (method: string): string => `/api/call/${method}`,
  binaryPath: (method: HttpBinaryMethod): string => `/api/bin/${method}`,
} as const;

/** The Host methods that move bytes, over `httpApi.binaryPath`. */
export type HttpBinaryMethod =
  | 'readDatasetFiles'
  | 'writeExportFolder'
  | 'readPixelCache'
  | 'writePixelCache'
  | 'openDocument'
  | 'printPdf';
