import { isRunActive } from '@core';

import type { ProjectSession } from '../../session/project-session';
import { defineCommand, type CommandDef } from '../../state/command-def';

/**
 * The Train menu's commands (native menu, in-app menu bar and keyboard):
 * F5 / Ctrl+Enter starts, Shift+F5 stops, as ecosystem-notes §4.1 suggests (the
 * shortcuts are in the contract's command list, core/contract/commands.ts).
 * Start is enabled exactly when the Train button is (same blocker). Each acts
 * on the open project's session.
 */
const status = (s: ProjectSession | null) => s?.training.store.getState().machine.status ?? 'idle';

export const trainingCommands: readonly CommandDef[] = [
  defineCommand(
    'train.start',
    (s) => s !== null && s.training.controller.blocker() === null,
    (ctx) => ctx.workspace.current()?.training.controller.start(),
  ),
  defineCommand(
    'train.pause',
    (s) => status(s) === 'training',
    (ctx) => ctx.workspace.current()?.training.controller.pause(),
  ),
  defineCommand(
    'train.resume',
    (s) => status(s) === 'paused',
    (ctx) => ctx.workspace.current()?.training.controller.resume(),
  ),
  defineCommand(
    'train.stop',
    (s) => isRunActive(status(s)),
    (ctx) => ctx.workspace.current()?.training.controller.stop(),
  ),
];
