import type { ProjectSession } from '../session/project-session';
import { defineCommand, type CommandContext, type CommandDef } from './command-def';
import { copySelection, cutSelection, pasteClipboard } from './clipboard-ops';
import { deleteSelection, duplicateSelection, selectAll, tidyLayoutOp } from './graph-ops';
import { closeProject, newProject, saveProject } from './project-actions';
import { openDocument } from './open-document';
import { trainingCommands } from '../panels/training/training-commands';
import { togglePresentation } from '../app/presentation';

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

export type { CommandContext, CommandDef, FlowControls } from './command-def';
export { defineCommand } from './command-def';

/** The shell's commands, in menu order. */
const shellCommands: readonly CommandDef[] = [
  defineCommand('file.new', always, (ctx) => newProject(ctx)),
  defineCommand('file.open', always, (ctx) => openDocument(ctx, 'chooser')),
  defineCommand('file.save', whenOpen, (ctx) =>
    saveProject(ctx, { saveAs: false }).then(() => undefined),
  ),
  defineCommand('file.saveAs', whenOpen, (ctx) =>
    saveProject(ctx, { saveAs: true }).then(() => undefined),
  ),
  defineCommand('file.close', whenOpen, (ctx) => closeProject(ctx)),
  defineCommand('file.openLaunchProject', always, (ctx) => openDocument(ctx, 'launch')),

  defineCommand(
    'edit.undo',
    (s) => (editorOf(s)?.history.past.length ?? 0) > 0,
    (ctx) => onEditor(ctx, (store) => store.getState().undo()),
  ),
  defineCommand(
    'edit.redo',
    (s) => (editorOf(s)?.history.future.length ?? 0) > 0,
    (ctx) => onEditor(ctx, (store) => store.getState().redo()),
  ),
  defineCommand('edit.cut', hasSelection, (ctx) =>
    onEditor(ctx, (store) => cutSelection(store, ctx.clipboard)),
  ),
  defineCommand('edit.copy', hasSelection, (ctx) =>
    onEditor(ctx, (store) => copySelection(store, ctx.clipboard)),
  ),
  defineCommand('edit.paste', whenOpen, (ctx) =>
    onEditor(ctx, (store) => pasteClipboard(store, ctx.clipboard, ctx.flow?.viewCenter() ?? null)),
  ),
  defineCommand('edit.duplicate', hasSelection, (ctx) => onEditor(ctx, duplicateSelection)),
  defineCommand(
    'edit.delete',
    (s) => {
      const editor = editorOf(s);
      return (
        editor !== null &&
        (editor.session.selectedNodeIds.length > 0 || editor.session.selectedEdgeIds.length > 0)
      );
    },
    (ctx) => onEditor(ctx, deleteSelection),
  ),
  defineCommand('edit.selectAll', hasNodes, (ctx) => onEditor(ctx, selectAll)),

  defineCommand('view.fitView', whenOpen, (ctx) => ctx.flow?.fitView()),
  defineCommand('view.zoomIn', whenOpen, (ctx) => ctx.flow?.zoomIn()),
  defineCommand('view.zoomOut', whenOpen, (ctx) => ctx.flow?.zoomOut()),
  defineCommand('view.tidyLayout', hasNodes, (ctx) => {
    void onEditor(ctx, tidyLayoutOp);
    // Let React Flow see the new positions before framing them.
    requestAnimationFrame(() => ctx.flow?.fitView());
  }),
  // App-wide, like the theme: also on the start screen and in the labs.
  defineCommand('view.presentation', always, () => togglePresentation()),
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
