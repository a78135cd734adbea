import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';

import type { DatasetRuntime, TestFolderRuntime } from '../panels/dataset/dataset-store';
import type { TestSetState } from '../panels/dataset/test-set';
import type { TrainingDataset } from '../panels/training/training-dataset';
import type { TrainingStoreState } from '../panels/training/training-store';
import type { EditorState } from '../state/editor-store';
import type { ModelState } from './model-store';
import type { ProjectSession } from './project-session';

/** The open project's session, provided by the shell around the editor. */
export const SessionContext = createContext<ProjectSession | null>(null);

/** The open project's session; panels are only mounted while a project is open. */
export function useSession(): ProjectSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an open project');
  return session;
}

/** A slice of the open project's editor state (document, selection, history). */
export function useEditorState<T>(selector: (state: EditorState) => T): T {
  return useStore(useSession().editor, selector);
}

/** A slice of the open project's training state (runs, progress, state machine). */
export function useTrainingState<T>(selector: (state: TrainingStoreState) => T): T {
  return useStore(useSession().training.store, selector);
}

/** The open project's decoded dataset for training, or null. */
export function useLoadedDataset(): TrainingDataset | null {
  return useStore(useSession().dataset.loaded, (s) => s.dataset);
}

/** The open project's Dataset panel state (status, progress, report). */
export function useDatasetRuntime(): DatasetRuntime {
  return useStore(useSession().dataset.runtime);
}

/** The open project's test folder section state. */
export function useTestFolderRuntime(): TestFolderRuntime {
  return useStore(useSession().dataset.testFolderRuntime);
}

const noTestSet = (): null => null;
const noSubscription = (): (() => void) => () => undefined;

/**
 * A slice of the open project's loaded test set. Views that also run without
 * a project (the inspection harness) see no test set there.
 */
export function useTestSet<T>(selector: (state: TestSetState | null) => T): T {
  const store = useContext(SessionContext)?.dataset.testSet ?? null;
  return useSyncExternalStore(
    store ? (listener) => store.subscribe(listener) : noSubscription,
    store ? () => selector(store.getState()) : () => selector(noTestSet()),
  );
}

/** A slice of what the open project knows of its trained model. */
export function useModelState<T>(selector: (state: ModelState) => T): T {
  return useStore(useSession().model, selector);
}
