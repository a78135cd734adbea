import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { Host } from '../../../core/contract/host';
import { commandChannel, hostChannels, windowStateChannel } from '../../../core/contract/channels';
import * as electron from '../../test-support/electron-mock';

vi.mock('electron', () => import('../../test-support/electron-mock'));

describe('preload surface (§8 A3)', () => {
  let host: Host;
  beforeAll(async () => {
    await import('./index');
    host = electron.exposed.get('host') as Host;
  });

  it('exposes exactly one global, `host`', () => {
    expect([...electron.exposed.keys()]).toEqual(['host']);
  });

  it('has exactly the allowlisted keys, all functions', () => {
    expect(Object.keys(host).sort()).toEqual(
      [
        'getAppInfo',
        'getRecentProjects',
        'openLaunchProject',
        'openDocument',
        'printPdf',
        'grantDroppedFolder',
        'getSettings',
        'listDatasetFolder',
        'onCommand',
        'openProject',
        'pickDatasetFolder',
        'readDatasetFiles',
        'saveProject',
        'setWindowState',
        'updateSettings',
        'writeExportFolder',
        'readPixelCache',
        'writePixelCache',
        'cancelDatasetScan',
        'datasetScanProgress',
        'writeRecovery',
        'listRecovery',
        'readRecovery',
        'discardRecovery',
      ].sort(),
    );
    expect(Object.values(host).every((value) => typeof value === 'function')).toBe(true);
  });

  it('never hands out ipcRenderer or an IPC event', async () => {
    for (const value of Object.values(host)) expect(value).not.toBe(electron.ipcRenderer);
    const received: unknown[][] = [];
    const unsubscribe = host.onCommand((...args: unknown[]) => received.push(args));
    electron.emitToRenderer(commandChannel, 'edit.undo');
    electron.emitToRenderer(commandChannel, { not: 'a string' });
    expect(received).toEqual([['edit.undo']]);
    unsubscribe();
    electron.emitToRenderer(commandChannel, 'edit.redo');
    expect(received).toHaveLength(1);
  });

  it('invokes the named channel with the request and returns the Result', async () => {
    electron.setInvokeReply(async () => ({ ok: true, value: [] }));
    expect(await host.getRecentProjects()).toEqual({ ok: true, value: [] });
    await host.readDatasetFiles({ grantId: 'g1234567', paths: ['a.png'] });
    expect(electron.invoked.at(-1)).toEqual({
      channel: hostChannels.readDatasetFiles,
      args: [{ grantId: 'g1234567', paths: ['a.png'] }],
    });
  });

  it('turns a rejected invoke into an io-error Result instead of throwing', async () => {
    electron.setInvokeReply(async () => {
      throw new Error('main process gone');
    });
    expect(await host.getAppInfo()).toEqual({
      ok: false,
      error: { code: 'io-error', message: 'Error: main process gone' },
    });
  });

  it('grants a dropped folder by the path of the real item; a synthetic one is refused without IPC', async () => {
    electron.setInvokeReply(async () => ({
      ok: true,
      value: { grantId: 'g', name: 'cats', displayPath: '/data/cats' },
    }));
    const before = electron.invoked.length;
    expect(await host.grantDroppedFolder({ name: 'x' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(electron.invoked).toHaveLength(before);
    await host.grantDroppedFolder({ name: 'cats', path: '/data/cats' } as never);
    expect(electron.invoked.at(-1)).toEqual({
      channel: hostChannels.grantDroppedFolder,
      args: [{ path: '/data/cats' }],
    });
  });

  it('sends a pixel cache entry in parts, stopping at the first refused part', async () => {
    const part = 8 * 1024 * 1024;
    electron.setInvokeReply(async () => ({ ok: true, value: undefined }));
    const before = electron.invoked.length;
    const key = `${'c'.repeat(16)}-1`;
    await host.writePixelCache({ key, bytes: new Uint8Array(2 * part + 5) });
    const sent = electron.invoked.slice(before).map((call) => {
      const request = call.args[0] as { offset: number; total: number; bytes: Uint8Array };
      return [call.channel, request.offset, request.bytes.length, request.total];
    });
    expect(sent).toEqual([
      [hostChannels.writePixelCache, 0, part, 2 * part + 5],
      [hostChannels.writePixelCache, part, part, 2 * part + 5],
      [hostChannels.writePixelCache, 2 * part, 5, 2 * part + 5],
    ]);
    electron.setInvokeReply(async () => ({ ok: false, error: { code: 'io-error', message: 'x' } }));
    const at = electron.invoked.length;
    expect(await host.writePixelCache({ key, bytes: new Uint8Array(2 * part) })).toMatchObject({
      ok: false,
    });
    expect(electron.invoked.length - at).toBe(1);
  });

  it('sends window state as plain data', () => {
    host.setWindowState({ title: 't', dirty: true, progress: null });
    expect(electron.sent.at(-1)).toEqual({
      channel: windowStateChannel,
      args: [{ title: 't', dirty: true, progress: null }],
    });
  });
});
