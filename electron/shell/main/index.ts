import { realpathSync } from 'node:fs';
import path from 'node:path';

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  session,
} from 'electron';

import type { WindowState } from '../../../core/contract/host';
import { commandChannel } from '../../../core/contract/channels';
import { createHostServices } from '../../host/services/host-services';
import {
  LaunchFile,
  launchFileFromArgv,
  launchFileFromOpenFile,
} from '../../host/services/launch-file';
import { appEntryUrl, appScheme } from './app-origin';
import { appSchemePrivileges, createAppProtocolHandler } from './app-protocol';
import { createNativeChooser } from './dialogs';
import { createWindowPdfPrinter } from './print-pdf';
import { registerHostHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { menuLabels, menuLanguageFor } from './menu-labels';
import { guardSession, guardWebContents } from './navigation';
import { createMainWindow, mainWindowOptions } from './window';
import { applyWindowState, progressJustEnded, shouldClose } from './window-state';

// Bundled to dist/electron/main.cjs; the renderer bundle sits in dist/renderer.
const distDir = path.resolve(__dirname, '..');
const rendererRoot = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let lastState: WindowState = { title: '', dirty: false, progress: null };
const launchFile = new LaunchFile(launchFileFromArgv(process.argv.slice(1)));

/**
 * A project, package or submission opened from the OS while running: remember
 * it and ask the renderer to fetch it (`openDocument({ from: 'launch' })`).
 * Before the window exists, the renderer fetches it once it starts.
 */
function offerLaunchFile(filePath: string): void {
  launchFile.set(filePath);
  mainWindow?.webContents.send(commandChannel, 'file.openLaunchProject');
}

// Must happen before `ready`.
protocol.registerSchemesAsPrivileged(appSchemePrivileges);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const filePath = launchFileFromArgv(argv.slice(1), workingDirectory);
    if (filePath !== null) offerLaunchFile(filePath);
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // macOS delivers double-clicked files as an event (also before ready).
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    const ours = launchFileFromOpenFile(filePath);
    if (ours !== null) offerLaunchFile(ours);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) setupMainWindow();
  });
  void app.whenReady().then(onReady);
}

/** Reads like Fiddle's onReady: one setup call per concern. */
function onReady(): void {
  setupSecurity();
  setupProtocol();
  setupIpc();
  setupMenu();
  setupMainWindow();
}

function language() {
  return menuLanguageFor(app.getLocale());
}

function setupSecurity(): void {
  guardSession(session.defaultSession);
}

function setupProtocol(): void {
  let root = rendererRoot;
  try {
    root = realpathSync(rendererRoot);
  } catch {
    console.error(`LayerLab: no renderer bundle at ${rendererRoot}; run \`npm run build\`.`);
  }
  protocol.handle(appScheme, createAppProtocolHandler(root));
}

function setupIpc(): void {
  const services = createHostServices({
    userDataDir: app.getPath('userData'),
    takeLaunchFile: launchFile.take,
    printPdf: createWindowPdfPrinter(BrowserWindow),
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      mode: 'electron',
      platform: process.platform,
      locale: app.getLocale(),
      electronVersion: process.versions.electron ?? '',
      nativeDialogs: true,
    },
  });
  registerHostHandlers(ipcMain, {
    services,
    choosePath: createNativeChooser(dialog, () => mainWindow, language()),
    onWindowState: (state) => {
      const previous = lastState;
      lastState = state;
      if (!mainWindow) return;
      applyWindowState(mainWindow, state);
      // Training ran while the user was elsewhere: tell them it is done.
      if (
        progressJustEnded(previous, state) &&
        !mainWindow.isFocused() &&
        Notification.isSupported()
      ) {
        new Notification({ title: 'LayerLab', body: menuLabels[language()].trainingEnded }).show();
      }
    },
  });
}

function setupMenu(): void {
  const template = buildMenuTemplate({
    send: (id) => mainWindow?.webContents.send(commandChannel, id),
    language: language(),
    platform: process.platform,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function setupMainWindow(): void {
  const win = createMainWindow(BrowserWindow, mainWindowOptions(preloadPath), appEntryUrl);
  mainWindow = win;
  win.on('close', (event) => {
    const words = menuLabels[language()].closePrompt;
    const close = shouldClose(lastState.dirty, () =>
      dialog.showMessageBoxSync(win, {
        type: 'warning',
        message: words.message,
        detail: words.detail,
        buttons: [words.discard, words.cancel],
        defaultId: 1,
        cancelId: 1,
      }),
    );
    if (!close) event.preventDefault();
  });
  win.on('closed', () => {
    mainWindow = null;
    lastState = { title: '', dirty: false, progress: null };
  });
}
