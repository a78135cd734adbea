import { rm } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { commandChannel, hostChannels, windowStateChannel } from '../../../core/contract/channels';
import * as electron from '../../test-support/electron-main-mock';
import { appSchemePrivileges } from './app-protocol';
import { guardWebContents } from './navigation';
import { mainWindowOptions } from './window';

vi.mock('electron', () => import('../../test-support/electron-main-mock'));

describe('electron/shell/main/index.ts wiring (with a hand-written electron mock)', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // no renderer bundle next to the source
    await import('./index');
    expect(electron.calls).not.toContain('new BrowserWindow'); // nothing before ready
    electron.fireReady();
    await vi.waitFor(() => expect(electron.calls).toContain('new BrowserWindow'));
  });
  afterAll(async () => {
    await rm(electron.userDataDir, { recursive: true, force: true });
  });

  it('registers app:// as privileged and enables the sandbox before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(appSchemePrivileges);
    const ready = electron.calls.indexOf('ready');
    expect(electron.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(electron.calls.indexOf('app.enableSandbox')).toBeLessThan(ready);
  });

  it('denies permissions, serves app://, registers IPC and the menu before the window exists', () => {
    const window = electron.calls.indexOf('new BrowserWindow');
    for (const step of [
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'protocol.handle:app',
      'Menu.setApplicationMenu',
      `ipcMain.on:${windowStateChannel}`,
    ]) {
      expect(electron.calls.indexOf(step), step).toBeGreaterThan(-1);
      expect(electron.calls.indexOf(step), step).toBeLessThan(window);
    }
    expect(electron.calls.filter((call) => call.startsWith('ipcMain.handle:')).sort()).toEqual(
      Object.values(hostChannels)
        .map((channel) => `ipcMain.handle:${channel}`)
        .sort(),
    );
  });

  it('creates the window with the locked-down options and loads app://bundle/index.html', () => {
    const [win] = electron.BrowserWindow.instances;
    const options = win?.options as ReturnType<typeof mainWindowOptions>;
    expect(options).toEqual(mainWindowOptions(options.webPreferences?.preload ?? ''));
    expect(path.basename(options.webPreferences?.preload ?? '')).toBe('preload.cjs');
    expect(electron.calls).toContain('loadURL:app://bundle/index.html');
    win?.listeners.get('ready-to-show')?.();
    expect(win?.show).toHaveBeenCalledOnce();
  });

  it('guards every web contents created', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.emitApp('web-contents-created', {}, contents);
    const expected = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    guardWebContents(expected);
    expect(contents.on.mock.calls.map(([name]) => name as string)).toEqual(
      expected.on.mock.calls.map(([name]) => name as string),
    );
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('sends menu clicks to the window as command ids', () => {
    const template = electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as {
      submenu?: { id?: string; click?: () => void }[];
    }[];
    const save = template
      .flatMap((menu) => menu.submenu ?? [])
      .find((item) => item.id === 'file.save');
    save?.click?.();
    expect(electron.BrowserWindow.instances[0]?.webContents.send).toHaveBeenCalledWith(
      commandChannel,
      'file.save',
    );
  });

  it('closes a clean window without asking', () => {
    const event = { preventDefault: vi.fn() };
    electron.BrowserWindow.instances[0]?.listeners.get('close')?.(event);
    expect(electron.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('asks before closing a window with unsaved changes, and stays open on Cancel', () => {
    const appPage = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    electron.ipcListeners.get(windowStateChannel)?.(appPage, {
      title: 'mnist',
      dirty: true,
      progress: null,
    });
    const event = { preventDefault: vi.fn() };
    electron.BrowserWindow.instances[0]?.listeners.get('close')?.(event);
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledOnce();
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(electron.BrowserWindow.instances[0]?.setTitle).toHaveBeenCalledWith(
      '● mnist — LayerLab',
    );
  });

  it('notifies when training ends while the window is not focused', () => {
    const appPage = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    const report = electron.ipcListeners.get(windowStateChannel);
    report?.(appPage, { title: 'mnist', dirty: true, progress: 0.9 });
    expect(electron.Notification.shown).toEqual([]);
    report?.(appPage, { title: 'mnist', dirty: true, progress: null });
    expect(electron.Notification.shown).toEqual([{ title: 'LayerLab', body: '训练已结束。' }]);
  });
});
