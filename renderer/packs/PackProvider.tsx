import { useEffect, type ReactNode } from 'react';

import { modelAvailability } from '../session/model-store';
import type { Workspace } from '../session/workspace';
import { showToast } from '../ui/toast-store';
import { currentLanguage } from '../i18n/i18n';
import { formatPackMessage } from '@core';
import { PackStoreContext } from './pack-context';
import { updateStep, type PackStore } from './pack-store';

/**
 * Holds the window's lab package (one store per window, made by App so File →
 * Open can route a package into it) and keeps
 * the open project step's work in it: every edit and every trained model of
 * that step's session is recorded, so the work survives opening another step.
 */
export function PackProvider({
  workspace,
  store,
  children,
}: {
  readonly workspace: Workspace;
  readonly store: PackStore;
  readonly children: ReactNode;
}) {
  useRecordProjectStep(store, workspace);
  return <PackStoreContext.Provider value={store}>{children}</PackStoreContext.Provider>;
}

function useRecordProjectStep(store: PackStore, workspace: Workspace): void {
  useEffect(() => {
    let stopSession: (() => void) | null = null;
    const follow = (): void => {
      stopSession?.();
      stopSession = null;
      const session = workspace.current();
      const ours = store.getState().projectSession;
      if (!session || !ours || ours.sessionId !== session.id) {
        if (ours && session?.id !== ours.sessionId) store.setState({ projectSession: null });
        return;
      }
      const stepId = ours.stepId;
      const record = (): void => {
        const doc = session.editor.getState().doc;
        const availability = modelAvailability(session.model.getState(), doc.graph);
        void session.modelForSave().then((trained) => {
          if (store.getState().projectSession?.sessionId !== session.id) return;
          updateStep(store, stepId, (before) => ({
            project: {
              doc,
              trained:
                trained ?? (availability === 'stale' ? (before.project?.trained ?? null) : null),
              stale: availability === 'stale',
            },
          }));
        });
      };
      let lastDoc = session.editor.getState().doc;
      let lastRefusal = session.editor.getState().lockRefusal;
      const offEditor = session.editor.subscribe((state) => {
        if (state.lockRefusal !== lastRefusal && state.lockRefusal) {
          lastRefusal = state.lockRefusal;
          const d = state.lockRefusal.diagnostic;
          showToast({
            tone: 'warning',
            messageKey: '',
            text: formatPackMessage(
              d.code === 'locked-param' ? 'locked-param' : 'locked-layer',
              d.args,
              currentLanguage(),
            ),
          });
        }
        if (state.doc !== lastDoc) {
          lastDoc = state.doc;
          record();
        }
      });
      const offModel = session.model.subscribe(record);
      stopSession = () => {
        offEditor();
        offModel();
      };
    };
    const offWorkspace = workspace.store.subscribe(follow);
    const offPack = store.subscribe((state, previous) => {
      if (state.projectSession !== previous.projectSession) follow();
    });
    follow();
    return () => {
      offWorkspace();
      offPack();
      stopSession?.();
    };
  }, [store, workspace]);
}
