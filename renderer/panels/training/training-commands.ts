import { isRunActive } from '@core';

import { registerCommand } from '../../state/commands';
import { parseShortcut } from '../../state/shortcuts';
import {
  pauseTraining,
  resumeTraining,
  startBlocker,
  startTraining,
  stopTraining,
} from './training-controller';
import { useTrainingDatasetStore } from './training-dataset';
import { useTrainingStore } from './training-store';

/**
 * The Train menu's commands (native menu, in-app menu bar and keyboard):
 * F5 / Ctrl+Enter starts, Shift+F5 stops, as ecosystem-notes §4.1 suggests.
 * Start is enabled exactly when the Train button is (same `startBlocker`).
 */
const status = () => useTrainingStore.getState().machine.status;

export function registerTrainingCommands(): void {
  registerCommand({
    id: 'train.start',
    group: 'train',
    labelKey: 'training:commands.start',
    shortcuts: ['F5', 'Mod+Enter'].map(parseShortcut),
    isEnabled: (state) =>
      state.isOpen && startBlocker(state.doc, useTrainingDatasetStore.getState().dataset) === null,
    run: (ctx) => startTraining(ctx.store.getState().doc),
  });
  registerCommand({
    id: 'train.pause',
    group: 'train',
    labelKey: 'training:commands.pause',
    shortcuts: [],
    isEnabled: () => status() === 'training',
    run: () => pauseTraining(),
  });
  registerCommand({
    id: 'train.resume',
    group: 'train',
    labelKey: 'training:commands.resume',
    shortcuts: [],
    isEnabled: () => status() === 'paused',
    run: () => resumeTraining(),
  });
  registerCommand({
    id: 'train.stop',
    group: 'train',
    labelKey: 'training:commands.stop',
    shortcuts: ['Shift+F5'].map(parseShortcut),
    isEnabled: () => isRunActive(status()),
    run: () => stopTraining(),
  });
}
