import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import type { AppInfo, Host } from '@core';
import { createClipboard } from '../state/clipboard';
import { connectTraining } from '../panels/training/training-controller';
import { runCommand, type CommandContext, type FlowControls } from '../state/commands';
import { isDirty, type EditorStore } from '../state/editor-store';
import { rescueBundle } from '../state/project-actions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { showToast } from '../ui/toast-store';
import { Toasts } from '../ui/Toasts';
import { TopErrorBoundary } from '../ui/TopErrorBoundary';
import { AppServicesContext, type AppServices } from './app-context';
import { MainWindow } from './MainWindow';
import { MenuBar } from './MenuBar';
import { StartScreen } from './StartScreen';
import { StatusBar } from './StatusBar';
import { useClipboardEvents } from './use-clipboard-events';
import { useShortcuts } from './use-shortcuts';
import { useWindowState } from './use-window-state';
import { isMacPlatform } from '../state/shortcuts';

export interface AppProps {
  readonly host: Host;
  readonly appInfo: AppInfo;
  readonly store: EditorStore;
}

/** The whole window: start screen or editor, status bar, menus, dialogs, toasts. */
export function App({ host, appInfo, store }: AppProps) {
  const { t } = useTranslation();
  const isOpen = useStore(store, (s) => s.isOpen);
  const flowRef = useRef<FlowControls | null>(null);
  const isMac = isMacPlatform(appInfo.mode === 'browser' ? null : appInfo.platform);

  const services = useMemo<AppServices>(() => {
    const commandContext: CommandContext = {
      store,
      host,
      clipboard: createClipboard(),
      get flow() {
        return flowRef.current;
      },
    };
    return {
      store,
      appInfo,
      isMac,
      commandContext,
      setFlowControls: (flow) => {
        flowRef.current = flow;
      },
      runCommand: (id) => {
        runCommand(id, commandContext).catch((error: unknown) => {
          console.error(`[command ${id}]`, error);
          showToast({
            tone: 'error',
            messageKey: 'app:toast.commandFailed',
            values: { command: t(`app:commands.${id}`) },
          });
        });
      },
    };
  }, [store, host, appInfo, isMac, t]);

  const run = services.runCommand;
  useShortcuts(isMac, run, true);
  useClipboardEvents(services.commandContext);
  useEffect(() => host.onCommand(run), [host, run]);
  // Start the training worker now: it picks the TF.js backend and reports it
  // to the status bar, and the first Train press does not wait for TF.js to load.
  useEffect(() => {
    connectTraining().init('auto');
  }, []);
  // A project the app was launched with (file association, command line) opens at once.
  useEffect(() => {
    run('file.openLaunchProject');
  }, [run]);
  useWindowState(host, store, t('app:status.untitled'));

  // Browser mode: the tab close is the only guard we get.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      const state = store.getState();
      if (state.isOpen && isDirty(state)) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);

  return (
    <TopErrorBoundary getRescueBundle={() => rescueBundle(store.getState().doc, appInfo.version)}>
      <AppServicesContext.Provider value={services}>
        <div className="app-frame" data-mode={appInfo.mode}>
          {appInfo.mode !== 'electron' && <MenuBar />}
          {isOpen ? <MainWindow /> : <StartScreen />}
          <StatusBar store={store} />
        </div>
        <ConfirmDialog />
        <Toasts />
      </AppServicesContext.Provider>
    </TopErrorBoundary>
  );
}
