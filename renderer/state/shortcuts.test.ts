import { describe, expect, it } from 'vitest';

import { commands } from './commands';
import { formatShortcut, matchesShortcut, parseShortcut } from './shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('shortcuts', () => {
  it('parses modifiers and key', () => {
    expect(parseShortcut('Mod+Shift+Z')).toEqual({ key: 'z', mod: true, shift: true });
    expect(parseShortcut('Delete')).toEqual({ key: 'delete' });
  });

  it('matches Ctrl on Windows/Linux and ⌘ on macOS', () => {
    const undo = parseShortcut('Mod+Z');
    expect(matchesShortcut(key('z', { ctrl: true }), undo, false)).toBe(true);
    expect(matchesShortcut(key('z', { meta: true }), undo, false)).toBe(false);
    expect(matchesShortcut(key('z', { meta: true }), undo, true)).toBe(true);
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), undo, false)).toBe(false);
  });

  it('matches digits by physical key, so Shift+1 works although key is "!"', () => {
    const fit = parseShortcut('Shift+1');
    expect(matchesShortcut({ ...key('!', { shift: true }), code: 'Digit1' }, fit, false)).toBe(
      true,
    );
    expect(matchesShortcut({ ...key('1'), code: 'Digit1' }, fit, false)).toBe(false);
  });

  it('formats for menus per platform', () => {
    expect(formatShortcut(parseShortcut('Mod+Shift+S'), false)).toBe('Ctrl+Shift+S');
    expect(formatShortcut(parseShortcut('Mod+Shift+S'), true)).toBe('⌘⇧S');
    expect(formatShortcut(parseShortcut('Delete'), false)).toBe('Del');
  });
});

describe('command registry', () => {
  it('has unique ids named area.verbObject', () => {
    const ids = commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(file|edit|view|train)\.[a-z][a-zA-Z]*$/);
  });

  it('has the shortcuts users expect', () => {
    const shown = (id: string): string[] =>
      (commands.find((c) => c.id === id)?.shortcuts ?? []).map((s) => formatShortcut(s, false));
    expect(shown('file.new')).toEqual(['Ctrl+N']);
    expect(shown('file.open')).toEqual(['Ctrl+O']);
    expect(shown('file.save')).toEqual(['Ctrl+S']);
    expect(shown('file.saveAs')).toEqual(['Ctrl+Shift+S']);
    expect(shown('edit.undo')).toEqual(['Ctrl+Z']);
    expect(shown('edit.redo')).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(shown('edit.copy')).toEqual(['Ctrl+C']);
    expect(shown('edit.cut')).toEqual(['Ctrl+X']);
    expect(shown('edit.paste')).toEqual(['Ctrl+V']);
    expect(shown('edit.duplicate')).toEqual(['Ctrl+D']);
    expect(shown('edit.delete')).toEqual(['Del', '⌫']);
    expect(shown('view.fitView')).toEqual(['Shift+1']);
  });

  it('binds no shortcut to two commands', () => {
    const all = commands.flatMap((c) => c.shortcuts.map((s) => formatShortcut(s, false)));
    expect(new Set(all).size).toBe(all.length);
  });
});
