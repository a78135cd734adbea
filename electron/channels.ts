/**
 * IPC channel names shared by electron/main and electron/preload. Each Host
 * method that does file work has one `invoke` channel; window state and menu
 * commands are one-way messages.
 */
export const hostChannels = {
  getAppInfo: 'host:getAppInfo',
  openProject: 'host:openProject',
  openLaunchProject: 'host:openLaunchProject',
  saveProject: 'host:saveProject',
  getRecentProjects: 'host:getRecentProjects',
  pickDatasetFolder: 'host:pickDatasetFolder',
  grantDroppedFolder: 'host:grantDroppedFolder',
  listDatasetFolder: 'host:listDatasetFolder',
  readDatasetFiles: 'host:readDatasetFiles',
  writeExportFolder: 'host:writeExportFolder',
  getSettings: 'host:getSettings',
  updateSettings: 'host:updateSettings',
} as const;

export type HostChannelMethod = keyof typeof hostChannels;

/** Renderer → main, fire-and-forget: title, dirty marker, taskbar progress. */
export const windowStateChannel = 'host:setWindowState';

/** Main → renderer: a command id chosen in the native menu. */
export const commandChannel = 'host:command';
