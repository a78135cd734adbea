import type { Host } from '../host/Host';
import type { ProjectSession } from '../session/project-session';
import type { Workspace } from '../session/workspace';
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
import { trainingCommands } from '../panels/training/training-commands';

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
  /** The window's project slot: `workspace.current()` is the open project, or null. */
  readonly workspace: Workspace;
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
  /** Whether it can run now, given the open project (null on the start screen). */
  isEnabled(session: ProjectSession | null): boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

const always = (): boolean => true;
const whenOpen = (s: ProjectSession | null): boolean => s !== null;
const editorOf = (s: ProjectSession | null) => s?.editor.getState() ?? null;
const hasSelection = (s: ProjectSession | null): boolean =>
  (editorOf(s)?.session.selectedNodeIds.length ?? 0) > 0;
const hasNodes = (s: ProjectSession | null): boolean =>
  Object.keys(editorOf(s)?.doc.graph.nodes ?? {}).length > 0;

/** Runs `fn` on the open project's editor store, if a project is open. */
function onEditor(
  ctx: CommandContext,
  fn: (store: ProjectSession['editor']) => void | Promise<void>,
): void | Promise<void> {
  const session = ctx.workspace.current();
  return session ? fn(session.editor) : undefined;
}

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

/** The shell's commands, in menu order. */
const shellCommands: readonly CommandDef[] = [
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
    (s) => (editorOf(s)?.history.past.length ?? 0) > 0,
    (ctx) => onEditor(ctx, (store) => store.getState().undo()),
  ),
  def(
    'edit.redo',
    'edit',
    ['Mod+Shift+Z', 'Mod+Y'],
    (s) => (editorOf(s)?.history.future.length ?? 0) > 0,
    (ctx) => onEditor(ctx, (store) => store.getState().redo()),
  ),
  def('edit.cut', 'edit', ['Mod+X'], hasSelection, (ctx) =>
    onEditor(ctx, (store) => cutSelection(store, ctx.clipboard)),
  ),
  def('edit.copy', 'edit', ['Mod+C'], hasSelection, (ctx) =>
    onEditor(ctx, (store) => copySelection(store, ctx.clipboard)),
  ),
  def('edit.paste', 'edit', ['Mod+V'], whenOpen, (ctx) =>
    onEditor(ctx, (store) => pasteClipboard(store, ctx.clipboard, ctx.flow?.viewCenter() ?? null)),
  ),
  def('edit.duplicate', 'edit', ['Mod+D'], hasSelection, (ctx) =>
    onEditor(ctx, duplicateSelection),
  ),
  def(
    'edit.delete',
    'edit',
    ['Delete', 'Backspace'],
    (s) => {
      const editor = editorOf(s);
      return (
        editor !== null &&
        (editor.session.selectedNodeIds.length > 0 || editor.session.selectedEdgeIds.length > 0)
      );
    },
    (ctx) => onEditor(ctx, deleteSelection),
  ),
  def('edit.selectAll', 'edit', ['Mod+A'], hasNodes, (ctx) => onEditor(ctx, selectAll)),

  def('view.fitView', 'view', ['Shift+1'], whenOpen, (ctx) => ctx.flow?.fitView()),
  def('view.zoomIn', 'view', ['Mod+='], whenOpen, (ctx) => ctx.flow?.zoomIn()),
  def('view.zoomOut', 'view', ['Mod+-'], whenOpen, (ctx) => ctx.flow?.zoomOut()),
  def('view.tidyLayout', 'view', ['Mod+Shift+L'], hasNodes, (ctx) => {
    void onEditor(ctx, tidyLayoutOp);
    // Let React Flow see the new positions before framing them.
    requestAnimationFrame(() => ctx.flow?.fitView());
  }),
];

/** Every command of the app, in menu order: the shell's, then each feature area's. */
export const commands: readonly CommandDef[] = [...shellCommands, ...trainingCommands];

const byId = new Map(commands.map((c) => [c.id, c]));

export function getCommand(id: string): CommandDef | undefined {
  return byId.get(id);
}

/** Runs a command by id if it exists and is enabled; returns whether it ran. */
export async function runCommand(id: string, ctx: CommandContext): Promise<boolean> {
  const command = byId.get(id);
  if (!command || !command.isEnabled(ctx.workspace.current())) return false;
  await command.run(ctx);
  return true;
}
