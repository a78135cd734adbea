import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { buildMenuTemplate, menuCommandIds } from './menu';
import { menuLabels } from './menu-labels';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

describe('native menu', () => {
  const required = [
    'file.new',
    'file.open',
    'file.save',
    'file.saveAs',
    'file.close',
    'edit.undo',
    'edit.redo',
    'edit.cut',
    'edit.copy',
    'edit.paste',
    'edit.duplicate',
    'edit.delete',
    'edit.selectAll',
    'view.fitView',
    'view.zoomIn',
    'view.zoomOut',
    'view.tidyLayout',
    'train.start',
    'train.stop',
  ];

  it('offers every command id the renderer registry knows', () => {
    expect(menuCommandIds().sort()).toEqual([...required].sort());
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
