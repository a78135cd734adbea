/**
 * The command list: every user command's id, menu group, label key and
 * shortcuts, read by the renderer's registry (toolbar, in-app menu bar,
 * keyboard, `host.onCommand`) and by the Electron shell's native menu. What a
 * command does (`isEnabled`, `run`) stays in the renderer
 * (renderer/state/commands.ts, feature areas via `registerCommand`).
 */

export type CommandGroup = 'file' | 'edit' | 'view' | 'train';

export interface CommandSpec {
  /** `area.verbObject`; what `host.onCommand` delivers. */
  readonly id: string;
  readonly group: CommandGroup;
  /** i18n key in the renderer's catalogs (`namespace:path`). */
  readonly labelKey: string;
  /**
   * Keyboard shortcuts, `Mod+Shift+Z` style (`Mod` is Ctrl, ⌘ on macOS). The
   * first is the one shown in menus and tooltips and the native menu's accelerator.
   */
  readonly shortcuts: readonly string[];
  /** A shortcut only the native menu binds, because a browser keeps the key for itself (Ctrl+W closes the tab). */
  readonly nativeShortcut?: string;
  /** Sent only by the host (e.g. a project file opened from the OS): listed in no menu. */
  readonly hidden?: boolean;
}

const spec = <const I extends string>(
  id: I,
  group: CommandGroup,
  labelKey: string,
  shortcuts: readonly string[],
  extra: Pick<CommandSpec, 'nativeShortcut' | 'hidden'> = {},
) => ({ id, group, labelKey, shortcuts, ...extra });

/** Every command, in menu order. */
export const commandSpecs = [
  spec('file.new', 'file', 'app:commands.file.new', ['Mod+N']),
  spec('file.open', 'file', 'app:commands.file.open', ['Mod+O']),
  spec('file.save', 'file', 'app:commands.file.save', ['Mod+S']),
  spec('file.saveAs', 'file', 'app:commands.file.saveAs', ['Mod+Shift+S']),
  spec('file.close', 'file', 'app:commands.file.close', [], { nativeShortcut: 'Mod+W' }),
  spec('file.openLaunchProject', 'file', 'app:commands.file.openLaunchProject', [], {
    hidden: true,
  }),
  spec('edit.undo', 'edit', 'app:commands.edit.undo', ['Mod+Z']),
  spec('edit.redo', 'edit', 'app:commands.edit.redo', ['Mod+Shift+Z', 'Mod+Y']),
  spec('edit.cut', 'edit', 'app:commands.edit.cut', ['Mod+X']),
  spec('edit.copy', 'edit', 'app:commands.edit.copy', ['Mod+C']),
  spec('edit.paste', 'edit', 'app:commands.edit.paste', ['Mod+V']),
  spec('edit.duplicate', 'edit', 'app:commands.edit.duplicate', ['Mod+D']),
  spec('edit.delete', 'edit', 'app:commands.edit.delete', ['Delete', 'Backspace']),
  spec('edit.selectAll', 'edit', 'app:commands.edit.selectAll', ['Mod+A']),
  spec('view.fitView', 'view', 'app:commands.view.fitView', ['Shift+1']),
  spec('view.zoomIn', 'view', 'app:commands.view.zoomIn', ['Mod+=']),
  spec('view.zoomOut', 'view', 'app:commands.view.zoomOut', ['Mod+-']),
  spec('view.tidyLayout', 'view', 'app:commands.view.tidyLayout', ['Mod+Shift+L']),
  spec('view.presentation', 'view', 'app:commands.view.presentation', ['Mod+Shift+P']),
  spec('train.start', 'train', 'training:commands.start', ['F5', 'Mod+Enter']),
  spec('train.pause', 'train', 'training:commands.pause', []),
  spec('train.resume', 'train', 'training:commands.resume', []),
  spec('train.stop', 'train', 'training:commands.stop', ['Shift+F5']),
] as const satisfies readonly CommandSpec[];

export type KnownCommandId = (typeof commandSpecs)[number]['id'];

const specById = new Map<string, CommandSpec>(commandSpecs.map((s) => [s.id, s]));

/** The spec of a known command. */
export function commandSpec(id: KnownCommandId): CommandSpec {
  return specById.get(id) as CommandSpec;
}

/** True for an id in the command list (what a host may send). */
export function isKnownCommandId(id: string): id is KnownCommandId {
  return specById.has(id);
}

/**
 * The native menu (Electron), by group, with separators. The in-app menu bar
 * of browser mode lists every command of a group that is not hidden.
 */
export const nativeMenu = {
  file: [
    'file.new',
    'file.open',
    'separator',
    'file.save',
    'file.saveAs',
    'separator',
    'file.close',
  ],
  edit: [
    'edit.undo',
    'edit.redo',
    'separator',
    'edit.cut',
    'edit.copy',
    'edit.paste',
    'edit.duplicate',
    'edit.delete',
    'separator',
    'edit.selectAll',
  ],
  view: [
    'view.fitView',
    'view.zoomIn',
    'view.zoomOut',
    'view.tidyLayout',
    'separator',
    'view.presentation',
  ],
  train: ['train.start', 'train.stop'],
} as const satisfies Readonly<Record<CommandGroup, readonly (KnownCommandId | 'separator')[]>>;

/** A command id the native menu sends. */
export type NativeMenuCommandId = Exclude<(typeof nativeMenu)[CommandGroup][number], 'separator'>;

/** Electron's accelerator for a command (`Mod` → `CmdOrCtrl`), or undefined when it has no shortcut. */
export function acceleratorFor(command: CommandSpec): string | undefined {
  const shortcut = command.nativeShortcut ?? command.shortcuts[0];
  return shortcut?.replace(/^Mod\+/, 'CmdOrCtrl+');
}
