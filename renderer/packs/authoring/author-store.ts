import { createStore, type StoreApi } from 'zustand';

import type { UnsavedElsewhere } from '../../app/use-window-state';

import type { LabFile, PackDraft } from '@core';

/** How many earlier drafts Undo can go back to. */
const undoDepth = 50;

export interface AuthorState {
  /** The package being built; null when the teacher is not building one. */
  readonly draft: PackDraft | null;
  /** Earlier drafts, newest last (Undo). */
  readonly past: readonly PackDraft[];
  /** The draft as last saved (null: never saved); anything else is unsaved work. */
  readonly saved: PackDraft | null;
  /** Where it was last saved, for the panel. */
  readonly savedPath: string | null;
  /** Problems are shown once the teacher first tried to save or preview, then kept up to date. */
  readonly showProblems: boolean;
  /** A merged run of changes was marked (markUndoPoint): its first change adds the Undo entry. */
  readonly markPending: boolean;
  /** Counts Undo presses: uncontrolled number fields are keyed by it, so they show the undone value. */
  readonly undoCount: number;
  /** The lab step whose numbers are open full-window. */
  readonly openLab: {
    readonly stepId: string;
    /** The numbers it opened with (the lab keeps its own state from there). */
    readonly file: LabFile;
    readonly key: number;
  } | null;
}

export type AuthorStore = StoreApi<AuthorState>;

export const noDraft: AuthorState = {
  draft: null,
  past: [],
  saved: null,
  savedPath: null,
  showProblems: false,
  markPending: false,
  undoCount: 0,
  openLab: null,
};

/** One store per window (created by AuthorProvider; tests make their own). */
export function createAuthorStore(): AuthorStore {
  return createStore<AuthorState>()(() => noDraft);
}

/**
 * Changes the draft. `record` adds an Undo entry (a teacher's edit); `merge`
 * changes the draft without one, for a run of changes that Undo treats as
 * one (the numbers typed into an open lab, marked once when it opened).
 */
export function editDraft(
  store: AuthorStore,
  change: (draft: PackDraft) => PackDraft,
  capture: 'record' | 'merge' = 'record',
): void {
  const { draft, past, markPending } = store.getState();
  if (!draft) return;
  const next = change(draft);
  if (next === draft) return;
  const push = capture === 'record' || markPending;
  store.setState({
    draft: next,
    past: push ? [...past, draft].slice(-undoDepth) : past,
    markPending: false,
  });
}

/**
 * Starts a run of changes Undo treats as one (typing into a field, the
 * numbers of an open lab): the run's first change adds the Undo entry, so a
 * field focused and left unchanged adds none.
 */
export function markUndoPoint(store: AuthorStore): void {
  store.setState({ markPending: true });
}

export function undo(store: AuthorStore): void {
  const { past, undoCount } = store.getState();
  const previous = past[past.length - 1];
  if (previous)
    store.setState({
      draft: previous,
      past: past.slice(0, -1),
      markPending: false,
      undoCount: undoCount + 1,
    });
}

/** True when the draft holds work that is not in a saved file. */
export function hasUnsavedWork(state: AuthorState): boolean {
  if (!state.draft) return false;
  if (state.saved) return state.saved !== state.draft;
  return state.draft.steps.length > 0 || state.past.length > 0;
}

/** The draft's unsaved state as the window sees it (title bullet, close prompt). */
export function unsavedPackageOf(store: AuthorStore): UnsavedElsewhere {
  return {
    isUnsaved: () => hasUnsavedWork(store.getState()),
    subscribe: (listener) => store.subscribe(listener),
  };
}
