import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Every security setting is explicit, even where
 * it is Electron's default, so a unit test can assert each one and a future
 * change cannot weaken it silently (ecosystem notes §8 A1).
 */
export function mainWindowOptions(
  preloadPath: string,
  iconPath?: string,
): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show: no white flash
    title: 'LayerLab',
    backgroundColor: '#f3f4f6',
    ...(iconPath === undefined ? {} : { icon: iconPath }),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** Constructs the window and shows it once its first frame is ready. */
export function createMainWindow(
  BrowserWindowClass: typeof BrowserWindow,
  options: BrowserWindowConstructorOptions,
  url: string,
): BrowserWindow {
  const win = new BrowserWindowClass(options);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
