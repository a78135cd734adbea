import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { commandSpec, commandSpecs, nativeMenu } from '../../../core/contract/commands';
import { buildMenuTemplate, menuCommandIds } from './menu';
import { menuLabels } from './menu-labels';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

describe('native menu', () => {
  const required = menuCommandIds();

  it("offers exactly the contract's native menu, every id a known, visible command", () => {
    expect(required).toEqual(
      Object.values(nativeMenu)
        .flat()
        .filter((id) => id !== 'separator'),
    );
    for (const id of required) {
      const spec = commandSpecs.find((candidate) => candidate.id === id);
      expect(spec, id).toBeDefined();
      expect(spec && 'hidden' in spec, id).toBe(false);
    }
    // The in-app menu bar lists every visible command; the native menu lists the same
    // ones, except Pause/Resume, which the Training panel's buttons offer.
    const visible = commandSpecs.filter((spec) => !('hidden' in spec)).map((spec) => spec.id);
    expect(visible.filter((id) => !(required as readonly string[]).includes(id))).toEqual([
      'train.pause',
      'train.resume',
    ]);
  });

  it('puts each command in its own group', () => {
    for (const [group, ids] of Object.entries(nativeMenu))
      for (const id of ids) if (id !== 'separator') expect(commandSpec(id).group, id).toBe(group);
  });

  it('sends the command id when an item is clicked, and nothing else', () => {
    const send = vi.fn();
    const items = flatten(buildMenuTemplate({ send, language: 'en', platform: 'linux' }));
    for (const id of required) {
      const item = items.find((candidate) => candidate.id === id);
      (item?.click as (() => void) | undefined)?.();
    }
    expect(send.mock.calls.map(([id]) => id as string)).toEqual(required);
  });

  it('gives the usual accelerators to the common commands, each used once', () => {
    const items = flatten(buildMenuTemplate({ send: vi.fn(), language: 'en', platform: 'linux' }));
    const accelerator = (id: string) => items.find((item) => item.id === id)?.accelerator;
    expect(accelerator('file.save')).toBe('CmdOrCtrl+S');
    expect(accelerator('edit.undo')).toBe('CmdOrCtrl+Z');
    expect(accelerator('edit.redo')).toBe('CmdOrCtrl+Shift+Z');
    expect(accelerator('file.close')).toBe('CmdOrCtrl+W');
    expect(accelerator('edit.delete')).toBe('Delete');
    expect(accelerator('train.stop')).toBe('Shift+F5');
    // The accelerator is the contract's first shortcut (the one the renderer shows), `Mod` spelt CmdOrCtrl.
    for (const id of required) {
      const spec = commandSpec(id);
      const first = spec.nativeShortcut ?? spec.shortcuts[0];
      expect(accelerator(id), id).toBe(first?.replace('Mod+', 'CmdOrCtrl+'));
    }
    const all = items.map((item) => item.accelerator).filter(Boolean);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(['zh-CN', 'en'] as const)('labels every command in %s', (language) => {
    const items = flatten(buildMenuTemplate({ send: vi.fn(), language, platform: 'win32' }));
    for (const id of required)
      expect(items.find((item) => item.id === id)?.label).toBe(menuLabels[language].commands[id]);
  });

  it('adds the app menu on macOS only', () => {
    expect(buildMenuTemplate({ send: vi.fn(), language: 'en', platform: 'darwin' })[0]?.role).toBe(
      'appMenu',
    );
    expect(
      buildMenuTemplate({ send: vi.fn(), language: 'en', platform: 'linux' })[0]?.role,
    ).toBeUndefined();
  });
});
