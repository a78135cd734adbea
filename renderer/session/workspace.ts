import { createStore, type StoreApi } from 'zustand';

import type { TrainingClient } from '../workers/training-client';
import {
  createProjectSession,
  type OpenedProject,
  type ProjectSession,
  type SessionDeps,
} from './project-session';

export interface WorkspaceState {
  /** The open project, or null while the start screen is shown. */
  readonly session: ProjectSession | null;
}

/**
 * The window's one slot for an open project. Opening a project disposes the
 * previous session before the new one is created (its worker reset is sent
 * first), so two projects never share the training worker, and nothing of the
 * closed one stays reachable.
 * Created once by the shell (renderer/main.tsx); tests create their own.
 */
export interface Workspace {
  readonly store: StoreApi<WorkspaceState>;
  current(): ProjectSession | null;
  /** Closes the open project (if any) and opens `project` in a new session. */
  open(project: OpenedProject): Promise<ProjectSession>;
  /** Closes the open project; resolves with the worker's live tensor count afterwards. */
  close(): Promise<number>;
  /**
   * How many closed sessions are still in memory. After a garbage collection
   * this is 0 unless something still holds a closed project (a leak): e2e and
   * `npm run bench:session` check it.
   */
  closedSessionsAlive(): number;
}

export interface WorkspaceDeps {
  readonly training: TrainingClient;
  /** A saved trained model could not be restored: the shell shows the reason. */
  readonly onRestoreFailed?: (error: {
    code: string;
    args: Readonly<Record<string, string | number>>;
  }) => void;
  /** The host's recovery store: each session keeps its unsaved work there (crash recovery). */
  readonly recovery?: SessionDeps['recovery'];
}

export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const store = createStore<WorkspaceState>()(() => ({ session: null }));
  let nextId = 1;
  // Weak references only: watching a closed session must not keep it alive.
  let closed: WeakRef<ProjectSession>[] = [];

  function dispose(session: ProjectSession): Promise<number> {
    closed = closed.filter((ref) => ref.deref() !== undefined);
    closed.push(new WeakRef(session));
    return session.dispose();
  }

  async function close(): Promise<number> {
    const session = store.getState().session;
    if (session === null) return 0;
    // Views unmount first, so no panel reads a store while it is being emptied.
    store.setState({ session: null });
    return dispose(session);
  }

  return {
    store,
    current: () => store.getState().session,
    async open(project) {
      // The old session tells the worker to reset before the new one can send it anything
      // (messages to the worker keep their order), so the new session is shown at once:
      // no start screen flashes between two projects.
      const previous = store.getState().session;
      const disposed = previous ? dispose(previous) : undefined;
      const session = createProjectSession(project, {
        id: nextId++,
        training: deps.training,
        ...(deps.onRestoreFailed ? { onRestoreFailed: deps.onRestoreFailed } : {}),
        ...(deps.recovery ? { recovery: deps.recovery } : {}),
      });
      store.setState({ session });
      await disposed;
      return session;
    },
    close,
    closedSessionsAlive: () => closed.filter((ref) => ref.deref() !== undefined).length,
  };
}
