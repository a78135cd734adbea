import { createContext, useContext } from 'react';

import type { AppInfo } from '@core';
import type { CommandContext, FlowControls } from '../state/commands';
import type { EditorStore } from '../state/editor-store';

/** What every part of the shell needs: the store, the command context, platform facts. */
export interface AppServices {
  readonly store: EditorStore;
  readonly appInfo: AppInfo;
  readonly isMac: boolean;
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
