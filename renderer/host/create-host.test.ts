import { describe, expect, it } from 'vitest';

import { ChooserController, parentOf } from './chooser-controller';
import { createHost } from './create-host';
import { createMemoryHost } from './memory-host';

const tokenDocument = { querySelector: () => ({ getAttribute: () => 'page-token' }) };
const plainDocument = { querySelector: () => null };

describe('createHost', () => {
  it('uses the Electron preload host when present', () => {
    const preload = createMemoryHost();
    expect(
      createHost(new ChooserController(), { host: preload, document: tokenDocument as never }).host,
    ).toBe(preload);
  });

  it('uses the HTTP host when the page carries a token, and lets the chooser browse', async () => {
    const chooser = new ChooserController();
    const { host, connection } = createHost(chooser, { document: tokenDocument as never });
    expect(host).toHaveProperty('browse');
    expect(chooser.browse).not.toBeNull();
    expect(chooser.createFolder).not.toBeNull();
    expect(connection?.state()).toBe('connected');
  });

  it('falls back to the memory host', async () => {
    const { host } = createHost(new ChooserController(), { document: plainDocument as never });
    expect(await host.getAppInfo()).toMatchObject({ ok: true, value: { mode: 'memory' } });
  });
});

describe('ChooserController', () => {
  it('holds one pending request and resolves it with the answer', async () => {
    const controller = new ChooserController();
    let changes = 0;
    controller.subscribe(() => changes++);
    const answer = controller.choose({ purpose: 'dataset-folder' });
    expect(controller.current()?.request).toEqual({ purpose: 'dataset-folder' });
    controller.current()?.resolve('/data');
    expect(await answer).toBe('/data');
    expect(controller.current()).toBeNull();
    expect(changes).toBe(2);
  });

  it('remembers the folder of the last choice as the next start folder', async () => {
    const controller = new ChooserController();
    expect(controller.startFolder()).toBeUndefined();
    const answer = controller.choose({ purpose: 'save-project', suggestedName: 'a' });
    controller.current()?.resolve('/home/t/lessons/a.layerlab');
    await answer;
    expect(controller.startFolder()).toBe('/home/t/lessons');
  });

  it.each([
    ['/home/t/a.layerlab', '/home/t'],
    ['/home/t/data/', '/home/t'],
    ['/a', '/'],
    ['/', '/'],
    ['C:\\Users\\t\\a.layerlab', 'C:\\Users\\t'],
    ['C:\\data', 'C:\\'],
  ])('parentOf(%s) is %s', (path, parent) => {
    expect(parentOf(path)).toBe(parent);
  });

  it('cancels the first request when a second one arrives', async () => {
    const controller = new ChooserController();
    const first = controller.choose({ purpose: 'open-project' });
    const second = controller.choose({ purpose: 'export-parent' });
    expect(await first).toBeNull();
    controller.current()?.resolve('/out');
    expect(await second).toBe('/out');
  });
});
