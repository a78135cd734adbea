import { isRunActive } from '@core';

import { defineCommand, registerCommand } from '../../state/commands';
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
 * F5 / Ctrl+Enter starts, Shift+F5 stops, as ecosystem-notes §4.1 suggests (the
 * shortcuts are in the contract's command list, core/contract/commands.ts).
 * Start is enabled exactly when the Train button is (same `startBlocker`).
 */
const status = () => useTrainingStore.getState().machine.status;

export function registerTrainingCommands(): void {
  registerCommand(
    defineCommand(
      'train.start',
      (state) =>
        state.isOpen &&
        startBlocker(state.doc, useTrainingDatasetStore.getState().dataset) === null,
      (ctx) => startTraining(ctx.store.getState().doc),
    ),
  );
  registerCommand(
    defineCommand(
      'train.pause',
      () => status() === 'training',
      () => pauseTraining(),
    ),
  );
  registerCommand(
    defineCommand(
      'train.resume',
      () => status() === 'paused',
      () => resumeTraining(),
    ),
  );
  registerCommand(
    defineCommand(
      'train.stop',
      () => isRunActive(status()),
      () => stopTraining(),
    ),
  );
}
