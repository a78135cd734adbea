import type { CommandGroup, Host, KnownCommandId } from '@core';
import { commandSpec } from '@core';
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

/**
 * One user command, shared by toolbar, menus (native and in-app), keyboard
 * and `host.onCommand`. Its id, group, label key and shortcuts come from the
 * contract's command list (core/contract/commands.ts, also read by the native
 * menu); the registry adds what it does. Build one with `defineCommand`.
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

/** A command of the contract's list with its behaviour. */
export function defineCommand(
  id: KnownCommandId,
  isEnabled: CommandDef['isEnabled'],
  run: CommandDef['run'],
): CommandDef {
  const spec = commandSpec(id);
  return {
    id,
    group: spec.group,
    labelKey: spec.labelKey,
    shortcuts: spec.shortcuts.map(parseShortcut),
    ...(spec.hidden === true ? { hidden: true } : {}),
    isEnabled,
    run,
  };
}

/** The command registry, in menu order. Feature areas add theirs with `registerCommand`. */
export const commands: CommandDef[] = [
  defineCommand('file.new', always, (ctx) => newProject(ctx)),
  defineCommand('file.open', always, (ctx) => openProject(ctx)),
  defineCommand('file.save', whenOpen, (ctx) =>
    saveProject(ctx, { saveAs: false }).then(() => undefined),
  ),
  defineCommand('file.saveAs', whenOpen, (ctx) =>
    saveProject(ctx, { saveAs: true }).then(() => undefined),
  ),
  defineCommand('file.close', whenOpen, (ctx) => closeProject(ctx)),
  defineCommand('file.openLaunchProject', always, (ctx) => openLaunchProject(ctx)),

  defineCommand(
    'edit.undo',
    (s) => s.isOpen && s.history.past.length > 0,
    (ctx) => ctx.store.getState().undo(),
  ),
  defineCommand(
    'edit.redo',
    (s) => s.isOpen && s.history.future.length > 0,
    (ctx) => ctx.store.getState().redo(),
  ),
  defineCommand('edit.cut', hasSelection, (ctx) => cutSelection(ctx.store, ctx.clipboard)),
  defineCommand('edit.copy', hasSelection, (ctx) => copySelection(ctx.store, ctx.clipboard)),
  defineCommand('edit.paste', whenOpen, (ctx) =>
    pasteClipboard(ctx.store, ctx.clipboard, ctx.flow?.viewCenter() ?? null),
  ),
  defineCommand('edit.duplicate', hasSelection, (ctx) => duplicateSelection(ctx.store)),
  defineCommand(
    'edit.delete',
    (s) =>
      s.isOpen && (s.session.selectedNodeIds.length > 0 || s.session.selectedEdgeIds.length > 0),
    (ctx) => deleteSelection(ctx.store),
  ),
  defineCommand('edit.selectAll', hasNodes, (ctx) => selectAll(ctx.store)),

  defineCommand('view.fitView', whenOpen, (ctx) => ctx.flow?.fitView()),
  defineCommand('view.zoomIn', whenOpen, (ctx) => ctx.flow?.zoomIn()),
  defineCommand('view.zoomOut', whenOpen, (ctx) => ctx.flow?.zoomOut()),
  defineCommand('view.tidyLayout', hasNodes, (ctx) => {
    tidyLayoutOp(ctx.store);
    // Let React Flow see the new positions before framing them.
    requestAnimationFrame(() => ctx.flow?.fitView());
  }),
];

const byId = new Map(commands.map((c) => [c.id, c]));

/**
 * Adds a feature area's command (e.g. `train.start` from the native menu's
 * Train menu), built with `defineCommand` so its id, label key and shortcuts
 * are the contract's; `isEnabled` may read the area's own store. Registering
 * an id twice replaces the first.
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
