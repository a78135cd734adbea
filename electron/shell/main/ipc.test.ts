import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { HostResult, WindowState } from '../../../core/contract/host';
import { hostChannels, windowStateChannel } from '../../../core/contract/channels';
import { createHostServices, type ChoosePath } from '../../host/services/host-services';
import { createIpcMainFake } from '../../test-support/electron-mock';
import { isTrustedSender, registerHostHandlers } from './ipc';

const top = (url: string) => ({ url, parent: null });

describe('isTrustedSender (§8 B1)', () => {
  it('trusts the app page in the top frame', () => {
    expect(isTrustedSender(top('app://bundle/index.html'))).toBe(true);
    expect(isTrustedSender(top('app://bundle/index.html#/editor?x=1'))).toBe(true);
  });

  it.each([
    ['a look-alike host', top('app://bundle.evil/index.html')],
    ['another app host', top('app://evil/index.html')],
    ['https with the same host', top('https://bundle/index.html')],
    ['a file URL', top('file:///app/index.html')],
    ['about:blank', top('about:blank')],
    ['credentials in the URL', top('app://user@bundle/index.html')],
    ['a port', top('app://bundle:80/index.html')],
    ['a garbage URL', top('not a url')],
    [
      'a sub-frame of the app',
      { url: 'app://bundle/index.html', parent: { url: 'app://bundle/index.html' } },
    ],
  ])('refuses %s', (_why, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('refuses a null or missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('registerHostHandlers', () => {
  let userData: string;
  let ipcMain: ReturnType<typeof createIpcMainFake>;
  let choosePath: ReturnType<typeof vi.fn<ChoosePath>>;
  let states: WindowState[];

  beforeEach(async () => {
    userData = await mkdtemp(path.join(os.tmpdir(), 'layerlab-ipc-'));
    ipcMain = createIpcMainFake();
    choosePath = vi.fn<ChoosePath>(async () => userData);
    states = [];
    const services = createHostServices({
      userDataDir: userData,
      appInfo: {
        name: 'LayerLab',
        version: '0',
        mode: 'electron',
        platform: 'linux',
        locale: 'en',
        nativeDialogs: true,
      },
    });
    registerHostHandlers(ipcMain, {
      services,
      choosePath,
      onWindowState: (state) => states.push(state),
    });
  });
  afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  const trusted = { senderFrame: top('app://bundle/index.html') };
  const untrustedSenders = [
    { senderFrame: null },
    { senderFrame: top('app://bundle.evil/') },
    { senderFrame: { url: 'app://bundle/index.html', parent: {} } },
  ];

  it('registers one handler per host channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(hostChannels).sort());
  });

  it('refuses every channel from every untrusted sender, without calling a dialog or writing', async () => {
    for (const [channel, handler] of ipcMain.handlers) {
      for (const event of untrustedSenders) {
        const result = (await handler(event, {
          fileId: null,
          suggestedName: 'x',
          contents: '{}',
          saveAs: true,
        })) as HostResult<unknown>;
        expect(result, channel).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'untrusted-sender' }) as object,
        });
      }
    }
    expect(choosePath).not.toHaveBeenCalled();
    expect(await readdir(userData)).toEqual([]);
  });

  it('answers a trusted sender with a Result envelope', async () => {
    const result = (await ipcMain.handlers.get(hostChannels.getAppInfo)?.(
      trusted,
      {},
    )) as HostResult<{ mode: string }>;
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ mode: 'electron' }) as object,
    });
  });

  it.each([
    ['wrong types', { fileId: 1, suggestedName: 2, contents: 3, saveAs: 4 }],
    [
      'a __proto__ key',
      JSON.parse(
        '{"fileId":null,"suggestedName":"a","contents":"{}","saveAs":true,"__proto__":{"x":1}}',
      ),
    ],
    [
      'a constructor key',
      { fileId: null, suggestedName: 'a', contents: '{}', saveAs: true, constructor: {} },
    ],
    [
      'a 100 MB string',
      { fileId: null, suggestedName: 'a', contents: 'x'.repeat(100 * 1024 * 1024), saveAs: true },
    ],
    ['NaN as a flag', { fileId: null, suggestedName: 'a', contents: '{}', saveAs: Number.NaN }],
    ['nothing at all', undefined],
  ])('refuses %s on saveProject with invalid-argument (§8 B2)', async (_why, payload) => {
    const result = (await ipcMain.handlers.get(hostChannels.saveProject)?.(
      trusted,
      payload,
    )) as HostResult<unknown>;
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument');
    expect(choosePath).not.toHaveBeenCalled();
  });

  it('applies valid window state from the app page only', () => {
    const listener = ipcMain.listeners.get(windowStateChannel);
    listener?.(trusted, { title: 'mnist', dirty: true, progress: 0.5 });
    listener?.(
      { senderFrame: top('https://evil.example/') },
      { title: 'evil', dirty: false, progress: null },
    );
    listener?.(trusted, { title: 'x', dirty: 'yes', progress: 2 });
    listener?.(trusted, JSON.parse('{"title":"x","dirty":false,"progress":null,"__proto__":{}}'));
    expect(states).toEqual([{ title: 'mnist', dirty: true, progress: 0.5 }]);
  });
});
