import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/start-screen.css';
import './styles/palette.css';
import './styles/canvas.css';
import './styles/panels.css';
import './styles/feedback.css';
import './styles/presentation.css';

import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

import type { AppInfo } from '@core';
import { ChooserController } from './host/chooser-controller';
import { hostPixelCache, setPersistentSampleCache } from './data/persistent-sample-cache';
import { createHost } from './host/create-host';
import { HostProvider } from './host/HostProvider';
import { App } from './app/App';
import { readGpuRenderer } from './app/gpu-renderer';
import { startThemeSync } from './app/theme';
import { startPresentationSync } from './app/presentation';
import { initI18n } from './i18n/i18n';
import { createExportClient } from './panels/export/export-client';
import { createWorkspace } from './session/workspace';
import { reportRecoveryFailure, reportRestoreFailure } from './state/project-actions';
import { setRuntimeInfo } from './state/runtime-store';
import { createTrainingClient } from './workers/training-client';

const rootElement = document.getElementById('root') as HTMLElement;

/** Marks the root ready once React has committed the first screen (e2e waits on it). */
function ReadyMarker() {
  useEffect(() => {
    rootElement.dataset.appState = 'ready';
  }, []);
  return null;
}

const fallbackInfo: AppInfo = {
  name: 'LayerLab',
  version: '0.0.0',
  mode: 'browser',
  platform: 'unknown',
  locale: navigator.language,
  nativeDialogs: false,
};

async function start(): Promise<void> {
  const chooser = new ChooserController();
  const { host, connection } = createHost(chooser);
  connection?.start();
  const info = await host.getAppInfo();
  const appInfo = info.ok ? info.value : fallbackInfo;
  const lng = await initI18n(appInfo.locale);
  rootElement.lang = lng;
  startThemeSync();
  startPresentationSync();
  setRuntimeInfo({ gpuRenderer: readGpuRenderer() });
  setPersistentSampleCache(hostPixelCache(host)); // decoded datasets survive a restart
  // The window's workers and its one project slot; everything of a project lives in its session.
  const training = createTrainingClient();
  const exportClient = createExportClient();
  const workspace = createWorkspace({
    training,
    onRestoreFailed: reportRestoreFailure,
    // Unsaved work goes to the host's recovery store within a second of an edit (crash recovery).
    recovery: { host, onError: reportRecoveryFailure },
  });
  // Probes for `npm run bench:session` and e2e: the training worker's live tensors, read
  // (by a reset, which is harmless then) only while no project is open, and how many
  // closed projects are still in memory.
  Object.assign(globalThis, {
    __layerlabWorkerTensors: () =>
      workspace.current() === null ? training.reset() : Promise.resolve(null),
    __layerlabClosedSessionsAlive: () => workspace.closedSessionsAlive(),
  });
  createRoot(rootElement).render(
    <StrictMode>
      <HostProvider host={host} chooser={chooser} connection={connection}>
        <App
          host={host}
          appInfo={appInfo}
          workspace={workspace}
          training={training}
          exportClient={exportClient}
        />
        <ReadyMarker />
      </HostProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  console.error('[startup]', error);
  rootElement.dataset.appState = 'failed';
  rootElement.textContent = 'LayerLab could not start. / LayerLab 无法启动。';
});
