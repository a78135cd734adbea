/**
 * A hand-written `electron` module for testing electron/shell/main/index.ts (the
 * glue that cannot run here without Electron's binary). It records every
 * setup call in order.
 */
import os from 'node:os';
import path from 'node:path';

import { vi } from 'vitest';

export const userDataDir = path.join(os.tmpdir(), `layerlab-electron-mock-${process.pid}`);
export const ipcListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

export const calls: string[] = [];
const appListeners = new Map<string, (...args: unknown[]) => void>();
let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** Fires `ready` (the test decides when). */
export function fireReady(): void {
  calls.push('ready');
  resolveReady();
}

export function emitApp(name: string, ...args: unknown[]): void {
  appListeners.get(name)?.(...args);
}

export const app = {
  enableSandbox: vi.fn(() => calls.push('app.enableSandbox')),
  requestSingleInstanceLock: vi.fn(() => true),
  on: vi.fn((name: string, listener: (...args: unknown[]) => void) =>
    appListeners.set(name, listener),
  ),
  whenReady: vi.fn(() => ready),
  getLocale: vi.fn(() => 'zh-CN'),
  getName: vi.fn(() => 'LayerLab'),
  getVersion: vi.fn(() => '0.1.0'),
  getPath: vi.fn(() => userDataDir),
  quit: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(() => calls.push('protocol.registerSchemesAsPrivileged')),
  handle: vi.fn((scheme: string) => calls.push(`protocol.handle:${scheme}`)),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(() => calls.push('session.setPermissionRequestHandler')),
    setPermissionCheckHandler: vi.fn(() => calls.push('session.setPermissionCheckHandler')),
  },
};

export const ipcMain = {
  handle: vi.fn((channel: string) => calls.push(`ipcMain.handle:${channel}`)),
  on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
    ipcListeners.set(channel, listener);
    calls.push(`ipcMain.on:${channel}`);
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(() => calls.push('Menu.setApplicationMenu')),
};

export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true })),
  showMessageBoxSync: vi.fn(() => 1),
};

export class Notification {
  static isSupported = vi.fn(() => true);
  static shown: { title?: string; body?: string }[] = [];
  constructor(private readonly options: { title?: string; body?: string }) {}
  show(): void {
    Notification.shown.push(this.options);
  }
}

export class BrowserWindow {
  static instances: BrowserWindow[] = [];
  static getAllWindows = vi.fn(() => BrowserWindow.instances);
  readonly listeners = new Map<string, (...args: unknown[]) => void>();
  readonly loadURL = vi.fn(async (url: string) => void calls.push(`loadURL:${url}`));
  readonly show = vi.fn();
  readonly webContents = { send: vi.fn() };
  readonly setTitle = vi.fn();
  readonly setDocumentEdited = vi.fn();
  readonly setProgressBar = vi.fn();
  readonly isFocused = vi.fn(() => false);

  constructor(readonly options: unknown) {
    calls.push('new BrowserWindow');
    BrowserWindow.instances.push(this);
  }

  once(name: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(name, listener);
  }

  on(name: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(name, listener);
  }

  isMinimized(): boolean {
    return false;
  }
}
