import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppInfo, Host } from '@core';
import { InspectClientContext } from '../inspect/inspect-client';
import type { ExportClient } from '../panels/export/export-client';
import { useOpenSession } from '../session/open-session';
import { SessionContext } from '../session/session-context';
import type { Workspace } from '../session/workspace';
import { createClipboard } from '../state/clipboard';
import { runCommand, type CommandContext, type FlowControls } from '../state/commands';
import { rescueBundle } from '../state/project-actions';
import type { TrainingClient } from '../workers/training-client';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { showToast } from '../ui/toast-store';
import { Toasts } from '../ui/Toasts';
import { TopErrorBoundary } from '../ui/TopErrorBoundary';
import { AppServicesContext, type AppServices } from './app-context';
import { MainWindow } from './MainWindow';
import { MenuBar } from './MenuBar';
import { StartScreen } from './StartScreen';
import { StatusBar } from './StatusBar';
import { watchTrainingBackend } from './training-backend';
import { useClipboardEvents } from './use-clipboard-events';
import { useShortcuts } from './use-shortcuts';
import { useWindowState } from './use-window-state';
import { isMacPlatform } from '../state/shortcuts';
import { PackLabHost } from '../packs/PackLabHost';
import { PackPanel } from '../packs/PackPanel';
import { PackProvider } from '../packs/PackProvider';
import { AuthorLabHost } from '../packs/authoring/AuthorLabHost';
import { AuthorPanel } from '../packs/authoring/AuthorPanel';
import { AuthorProvider } from '../packs/authoring/AuthorProvider';
import { createAuthorStore, unsavedPackageOf } from '../packs/authoring/author-store';
import { packDocumentRouter } from '../packs/pack-documents';
import { createPackStore } from '../packs/pack-store';
import { SubmissionSummary } from '../packs/SubmissionSummary';
import { createSubmissionViewStore } from '../packs/submission-view';

export interface AppProps {
  readonly host: Host;
  readonly appInfo: AppInfo;
  /** The window's project slot; each open project is a session in it. */
  readonly workspace: Workspace;
  readonly training: TrainingClient;
  readonly exportClient: ExportClient;
}

/** The whole window: start screen or the open project's editor, status bar, menus, dialogs, toasts. */
export function App({ host, appInfo, workspace, training, exportClient }: AppProps) {
  const { t } = useTranslation();
  const session = useOpenSession(workspace);
  const flowRef = useRef<FlowControls | null>(null);
  const isMac = isMacPlatform(appInfo.mode === 'browser' ? null : appInfo.platform);
  // The window's lab package and opened submission: File → Open routes into them.
  const [packStore] = useState(createPackStore);
  const [submissionStore] = useState(createSubmissionViewStore);
  // Made here, not in its provider: the window's close prompt must also know about an unsaved package.
  const [authorStore] = useState(createAuthorStore);

  const services = useMemo<AppServices>(() => {
    const commandContext: CommandContext = {
      workspace,
      host,
      clipboard: createClipboard(),
      documents: packDocumentRouter(packStore, submissionStore),
      get flow() {
        return flowRef.current;
      },
    };
    return {
      workspace,
      appInfo,
      isMac,
      training,
      exportClient,
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
  }, [workspace, host, appInfo, isMac, training, exportClient, t, packStore, submissionStore]);

  const run = services.runCommand;
  useShortcuts(isMac, run, true);
  useClipboardEvents(services.commandContext);
  useEffect(() => host.onCommand(run), [host, run]);
  // Start the training worker now: it picks the TF.js backend and reports it
  // to the status bar, and the first Train press does not wait for TF.js to load.
  useEffect(() => {
    const stop = watchTrainingBackend(training);
    training.init('auto');
    return stop;
  }, [training]);
  // A project the app was launched with (file association, command line) opens at once.
  useEffect(() => {
    run('file.openLaunchProject');
  }, [run]);
  const unsavedPackage = useMemo(() => unsavedPackageOf(authorStore), [authorStore]);
  useWindowState(host, workspace, t('app:status.untitled'), unsavedPackage);

  // Browser mode: the tab close is the only guard we get.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (workspace.current()?.isDirty()) event.preventDefault();
    };
    // The page goes away after the user agreed (Leave, or the close prompt's Don't save):
    // a clean close, so its project is not offered for recovery next time. A crash sends nothing.
    const onPageHide = (): void => {
      void workspace.current()?.recovery?.discard();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [workspace]);

  return (
    <TopErrorBoundary
      getRescueBundle={() => {
        const open = workspace.current();
        return open ? rescueBundle(open.editor.getState().doc, appInfo.version) : '';
      }}
    >
      <AppServicesContext.Provider value={services}>
        <PackProvider workspace={workspace} store={packStore}>
          <AuthorProvider store={authorStore}>
            <div className="app-frame" data-mode={appInfo.mode}>
              {appInfo.mode !== 'electron' && <MenuBar />}
              {/* A lab package's steps (renderer/packs) sit beside the start screen or the editor. */}
              <div className="app-body">
                <div className="app-main">
                  {session ? (
                    <SessionContext.Provider value={session}>
                      <InspectClientContext.Provider value={session.inspect}>
                        {/* Keyed by session: a new project mounts fresh views, none keeps the last one's state. */}
                        <MainWindow key={session.id} />
                      </InspectClientContext.Provider>
                    </SessionContext.Provider>
                  ) : (
                    <StartScreen />
                  )}
                </div>
                <PackPanel />
                <AuthorPanel />
              </div>
              {/* Keyed too: React keeps a mounted component's previous props (its alternate fiber)
              until it renders twice more, which would hold a closed project in memory. */}
              <StatusBar key={session?.id ?? 0} session={session} />
            </div>
            <PackLabHost />
            <AuthorLabHost />
          </AuthorProvider>
        </PackProvider>
        <SubmissionSummary store={submissionStore} />
        <ConfirmDialog />
        <Toasts />
      </AppServicesContext.Provider>
    </TopErrorBoundary>
  );
}
