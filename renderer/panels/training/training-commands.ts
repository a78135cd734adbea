import { isRunActive } from '@core';

import type { ProjectSession } from '../../session/project-session';
import type { CommandDef } from '../../state/commands';
import { parseShortcut } from '../../state/shortcuts';

/**
 * The Train menu's commands (native menu, in-app menu bar and keyboard):
 * F5 / Ctrl+Enter starts, Shift+F5 stops, as ecosystem-notes §4.1 suggests.
 * Start is enabled exactly when the Train button is (same blocker). Each acts
 * on the open project's session.
 */
const status = (s: ProjectSession | null) => s?.training.store.getState().machine.status ?? 'idle';

export const trainingCommands: readonly CommandDef[] = [
  {
    id: 'train.start',
    group: 'train',
    labelKey: 'training:commands.start',
    shortcuts: ['F5', 'Mod+Enter'].map(parseShortcut),
    isEnabled: (s) => s !== null && s.training.controller.blocker() === null,
    run: (ctx) => ctx.workspace.current()?.training.controller.start(),
  },
  {
    id: 'train.pause',
    group: 'train',
    labelKey: 'training:commands.pause',
    shortcuts: [],
    isEnabled: (s) => status(s) === 'training',
    run: (ctx) => ctx.workspace.current()?.training.controller.pause(),
  },
  {
    id: 'train.resume',
    group: 'train',
    labelKey: 'training:commands.resume',
    shortcuts: [],
    isEnabled: (s) => status(s) === 'paused',
    run: (ctx) => ctx.workspace.current()?.training.controller.resume(),
  },
  {
    id: 'train.stop',
    group: 'train',
    labelKey: 'training:commands.stop',
    shortcuts: ['Shift+F5'].map(parseShortcut),
    isEnabled: (s) => isRunActive(status(s)),
    run: (ctx) => ctx.workspace.current()?.training.controller.stop(),
  },
];
