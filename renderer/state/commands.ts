import type { Host } from '@core';
import type { EditorState, EditorStore } from './editor-store';
import type { ClipboardPort } from './clipboard';
import { copySelection, cutSelection, pasteClipboard } from './clipboard-ops';
import { deleteSelection, duplicateSelection, selectAll, tidyLayoutOp } from './graph-ops';
import {
  closeProject,
  newProject,
  openLaunchProject,
  openProject,
  saveProject,
} from './project-actions';
import { parseShortcut, type Shortcut } from './shortcuts';

/** What the canvas offers to commands (set once React Flow is mounted). */
export interface FlowControls {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Selects nothing; frames the given nodes. */
  fitNodes(ids: readonly string[]): void;
  /** The flow position at the centre of the visible canvas. */
  viewCenter(): { x: number; y: number };
}

/** Everything a command may touch. Built by the shell; tests build their own. */
export interface CommandContext {
  readonly store: EditorStore;
  readonly host: Host;
  readonly flow: FlowControls | null;
  readonly clipboard: ClipboardPort;
}

export type CommandGroup = 'file' | 'edit' | 'view' | 'train';

/**
 * One user command, shared by toolbar, menus (native and in-app), keyboard
 * and `host.onCommand`. `id` is `area.verbObject`; `labelKey` is an i18n key.
 */
export interface CommandDef {
  readonly id: string;
  readonly group: CommandGroup;
  readonly labelKey: string;
  /** Shortcuts; the first is the one shown in menus and tooltips. */
  readonly shortcuts: readonly Shortcut[];
  /** Not listed in menus: sent only by the host (e.g. a file opened from the OS). */
  readonly hidden?: boolean;
  isEnabled(state: EditorState): boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

const always = (): boolean => true;
const whenOpen = (s: EditorState): boolean => s.isOpen;
const hasSelection = (s: EditorState): boolean => s.isOpen && s.session.selectedNodeIds.length > 0;
const hasNodes = (s: EditorState): boolean => s.isOpen && Object.keys(s.doc.graph.nodes).length > 0;

function def(
  id: string,
  group: CommandGroup,
  shortcuts: readonly string[],
  isEnabled: CommandDef['isEnabled'],
  run: CommandDef['run'],
): CommandDef {
  return {
    id,
    group,
    labelKey: `app:commands.${id}`,
    shortcuts: shortcuts.map(parseShortcut),
    isEnabled,
    run,
  };
}

/** The command registry, in menu order. Feature areas add theirs with `registerCommand`. */
export const commands: CommandDef[] = [
  def('file.new', 'file', ['Mod+N'], always, (ctx) => newProject(ctx)),
  def('file.open', 'file', ['Mod+O'], always, (ctx) => openProject(ctx)),
  def('file.save', 'file', ['Mod+S'], whenOpen, (ctx) =>
    saveProject(ctx, { saveAs: false }).then(() => undefined),
  ),
  def('file.saveAs', 'file', ['Mod+Shift+S'], whenOpen, (ctx) =>
    saveProject(ctx, { saveAs: true }).then(() => undefined),
  ),
  def('file.close', 'file', [], whenOpen, (ctx) => closeProject(ctx)),
  {
    ...def('file.openLaunchProject', 'file', [], always, (ctx) => openLaunchProject(ctx)),
    hidden: true,
  },

  def(
    'edit.undo',
    'edit',
    ['Mod+Z'],
    (s) => s.isOpen && s.history.past.length > 0,
    (ctx) => ctx.store.getState().undo(),
  ),
  def(
    'edit.redo',
    'edit',
    ['Mod+Shift+Z', 'Mod+Y'],
    (s) => s.isOpen && s.history.future.length > 0,
    (ctx) => ctx.store.getState().redo(),
  ),
  def('edit.cut', 'edit', ['Mod+X'], hasSelection, (ctx) => cutSelection(ctx.store, ctx.clipboard)),
  def('edit.copy', 'edit', ['Mod+C'], hasSelection, (ctx) =>
    copySelection(ctx.store, ctx.clipboard),
  ),
  def('edit.paste', 'edit', ['Mod+V'], whenOpen, (ctx) =>
    pasteClipboard(ctx.store, ctx.clipboard, ctx.flow?.viewCenter() ?? null),
  ),
  def('edit.duplicate', 'edit', ['Mod+D'], hasSelection, (ctx) => duplicateSelection(ctx.store)),
  def(
    'edit.delete',
    'edit',
    ['Delete', 'Backspace'],
    (s) =>
      s.isOpen && (s.session.selectedNodeIds.length > 0 || s.session.selectedEdgeIds.length > 0),
    (ctx) => deleteSelection(ctx.store),
  ),
  def('edit.selectAll', 'edit', ['Mod+A'], hasNodes, (ctx) => selectAll(ctx.store)),

  def('view.fitView', 'view', ['Shift+1'], whenOpen, (ctx) => ctx.flow?.fitView()),
  def('view.zoomIn', 'view', ['Mod+='], whenOpen, (ctx) => ctx.flow?.zoomIn()),
  def('view.zoomOut', 'view', ['Mod+-'], whenOpen, (ctx) => ctx.flow?.zoomOut()),
  def('view.tidyLayout', 'view', ['Mod+Shift+L'], hasNodes, (ctx) => {
    tidyLayoutOp(ctx.store);
    // Let React Flow see the new positions before framing them.
    requestAnimationFrame(() => ctx.flow?.fitView());
  }),
];

const byId = new Map(commands.map((c) => [c.id, c]));

/**
 * Adds a feature area's command (e.g. `train.start` from the native menu's
 * Train menu). Its `labelKey` is that area's i18n key; `isEnabled` may read
 * the area's own store. Registering an id twice replaces the first.
 */
export function registerCommand(command: CommandDef): void {
  const existing = commands.findIndex((c) => c.id === command.id);
  if (existing === -1) commands.push(command);
  else commands[existing] = command;
  byId.set(command.id, command);
}

export function getCommand(id: string): CommandDef | undefined {
  return byId.get(id);
}

/** Runs a command by id if it exists and is enabled; returns whether it ran. */
export async function runCommand(id: string, ctx: CommandContext): Promise<boolean> {
  const command = byId.get(id);
  if (!command || !command.isEnabled(ctx.store.getState())) return false;
  await command.run(ctx);
  return true;
}
