import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';

import type { ProjectSession } from './project-session';
import type { Workspace } from './workspace';

/**
 * Calls `listener` whenever the open project changes (opened, closed,
 * replaced) or any of the open session's stores that commands, menus and the
 * window title read changes. Returns the unsubscribe function.
 */
export function subscribeOpenSession(workspace: Workspace, listener: () => void): () => void {
  let inner: (() => void) | null = null;
  const follow = (session: ProjectSession | null): void => {
    inner?.();
    inner = session === null ? null : subscribeSession(session, listener);
  };
  follow(workspace.current());
  const outer = workspace.store.subscribe((state, previous) => {
    if (state.session !== previous.session) follow(state.session);
    listener();
  });
  return () => {
    outer();
    inner?.();
  };
}

/** Calls `listener` on any change of the session's document, model, training or loaded dataset. */
export function subscribeSession(session: ProjectSession, listener: () => void): () => void {
  const stops = [
    session.editor.subscribe(listener),
    session.model.subscribe(listener),
    session.training.store.subscribe(listener),
    session.dataset.loaded.subscribe(listener),
  ];
  return () => stops.forEach((stop) => stop());
}

/** A value computed from one session, re-rendered when it changes (a primitive or stable value). */
export function useSessionValue<T>(session: ProjectSession, compute: (s: ProjectSession) => T): T {
  return useSyncExternalStore(
    (listener) => subscribeSession(session, listener),
    () => compute(session),
  );
}

/** The open project's session (null on the start screen); re-renders when another opens. */
export function useOpenSession(workspace: Workspace): ProjectSession | null {
  return useStore(workspace.store, (s) => s.session);
}

/**
 * A value computed from the open session that re-renders whenever that
 * session's state changes (for command enablement: `isEnabled(session)`).
 * `compute` must return a primitive or a stable value.
 */
export function useOpenSessionValue<T>(
  workspace: Workspace,
  compute: (session: ProjectSession | null) => T,
): T {
  return useSyncExternalStore(
    (listener) => subscribeOpenSession(workspace, listener),
    () => compute(workspace.current()),
  );
}
