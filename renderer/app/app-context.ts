import { createContext, useContext } from 'react';

import type { AppInfo } from '@core';
import type { ExportClient } from '../panels/export/export-client';
import type { Workspace } from '../session/workspace';
import type { CommandContext, FlowControls } from '../state/commands';
import type { TrainingClient } from '../workers/training-client';

/**
 * What every part of the shell needs, for the life of the window: the
 * project slot, the command context, platform facts and the app-wide
 * workers. Per-project state is not here: it is in the open project's
 * session (renderer/session, `useSession`).
 */
export interface AppServices {
  readonly workspace: Workspace;
  readonly appInfo: AppInfo;
  readonly isMac: boolean;
  /** The training worker: one per window (starting TF.js takes seconds); each session resets it. */
  readonly training: TrainingClient;
  readonly exportClient: ExportClient;
  /** The context commands run with; `flow` is filled in when the canvas mounts. */
  readonly commandContext: CommandContext;
  /** Called by the canvas on mount (and with null on unmount). */
  setFlowControls(flow: FlowControls | null): void;
  /** Runs a command by id (toolbar, menus, keyboard, host menu). */
  runCommand(id: string): void;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesContext');
  return services;
}
