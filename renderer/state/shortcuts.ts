/**
 * Keyboard shortcuts as data: `Mod` is Ctrl (⌘ on macOS). One command may
 * have several (`Mod+Shift+Z` and `Mod+Y` for redo); the first is shown.
 */
export interface Shortcut {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

/** Parses `'Mod+Shift+Z'` → `{ key: 'z', mod: true, shift: true }`. */
export function parseShortcut(text: string): Shortcut {
  const parts = text.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  return {
    key,
    ...(parts.includes('Mod') ? { mod: true } : {}),
    ...(parts.includes('Shift') ? { shift: true } : {}),
    ...(parts.includes('Alt') ? { alt: true } : {}),
  };
}

export interface KeyLike {
  readonly key: string;
  /** Physical key (`Digit1`); used for digits, whose `key` changes with Shift (`!`). */
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** True when a keydown matches a shortcut on this platform. */
export function matchesShortcut(event: KeyLike, shortcut: Shortcut, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const key =
    event.code !== undefined && /^Digit\d$/.test(event.code)
      ? event.code.slice(5)
      : event.key.toLowerCase();
  return (
    key === shortcut.key &&
    mod === (shortcut.mod ?? false) &&
    event.shiftKey === (shortcut.shift ?? false) &&
    event.altKey === (shortcut.alt ?? false)
  );
}

const keyNames: Record<string, string> = {
  delete: 'Del',
  backspace: '⌫',
  '=': '+',
  '-': '−',
  enter: 'Enter',
  escape: 'Esc',
};

/** Human text for menus and tooltips: `Ctrl+Shift+Z` / `⌘⇧Z`. */
export function formatShortcut(shortcut: Shortcut, isMac: boolean): string {
  const key = keyNames[shortcut.key] ?? shortcut.key.toUpperCase();
  if (isMac)
    return `${shortcut.mod ? '⌘' : ''}${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${key}`;
  return [
    shortcut.mod ? 'Ctrl' : null,
    shortcut.alt ? 'Alt' : null,
    shortcut.shift ? 'Shift' : null,
    key,
  ]
    .filter((p) => p !== null)
    .join('+');
}

/** Guesses macOS from the host platform (`darwin`) or the browser. */
export function isMacPlatform(platform: string | null): boolean {
  if (platform !== null) return platform === 'darwin';
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
