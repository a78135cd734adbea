import { createStore } from 'zustand';

import {
  lockViolation,
  type Diagnostic,
  type EdgeId,
  type EditorLocks,
  type NodeId,
  type ProjectDoc,
  type Result,
} from '@core';

import { createEmptyProject } from './project-doc';

/**
 * The editor store: the document, the session and the undo history, kept apart
 * (style guide §3.6). Only `apply` changes the document; `history: 'record'`
 * makes an undo step, `'ignore'` does not (drag frames). Selection lives in
 * the session and never touches the history.
 */

/** A pure edit: the new document, or a refusal that explains why (connect). */
export type DocCommand<A> = (
  doc: ProjectDoc,
  args: A,
) => ProjectDoc | Result<ProjectDoc, Diagnostic>;

export interface ApplyOptions {
  /**
   * `record` (default): a user edit, one undo step, clears redo.
   * `ignore`: an intermediate frame of a gesture (drag); no history entry.
   */
  readonly history?: 'record' | 'ignore';
}

export type ApplyOutcome =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export interface Session {
  readonly selectedNodeIds: readonly NodeId[];
  readonly selectedEdgeIds: readonly EdgeId[];
  /** The side panel tab shown (`inspector`, `problems`, or a registered panel's id). */
  readonly activePanel: string;
}

/** A stop point of a gesture: the document as it was when the gesture began. */
export interface HistoryMark {
  readonly label: string;
  readonly doc: ProjectDoc;
}

export interface History {
  readonly past: readonly ProjectDoc[];
  readonly future: readonly ProjectDoc[];
  readonly mark: HistoryMark | null;
}

/** Where the document came from and what was last saved there. */
export interface FileState {
  readonly fileId: string | null;
  readonly name: string | null;
  readonly displayPath: string | null;
  /** The document as last saved or opened; `doc !== savedDoc` means unsaved changes. */
  readonly savedDoc: ProjectDoc;
}

export interface EditorState {
  readonly doc: ProjectDoc;
  readonly session: Session;
  readonly history: History;
  readonly file: FileState;
  /** Counts documents loaded into this store: the canvas frames each new one. */
  readonly loadCount: number;
  /** What a lab package locks here (renderer/packs); `apply` refuses any edit that breaks it. */
  readonly locks: EditorLocks | null;
  /** The last edit a lock refused (a diagnostic with code `locked-layer`/`locked-param`), for the UI to say so. */
  readonly lockRefusal: { readonly diagnostic: Diagnostic; readonly count: number } | null;
  setLocks(locks: EditorLocks | null): void;
  apply<A>(command: DocCommand<A>, args: A, options?: ApplyOptions): ApplyOutcome;
  /** Starts a gesture: remembers the document so it can be committed as one step or bailed. */
  mark(label: string): void;
  /** Ends a gesture: one history entry from the marked document to the current one. */
  squashToMark(): void;
  /** Cancels a gesture: back to the marked document, nothing recorded. */
  bail(): void;
  undo(): void;
  redo(): void;
  select(nodeIds: readonly NodeId[], edgeIds?: readonly EdgeId[]): void;
  /** Shows a side panel tab (session only). */
  showPanel(id: string): void;
  /** Replaces the document as if it had just been opened; clears history. */
  load(doc: ProjectDoc, file: Omit<FileState, 'savedDoc'>): void;
  /** Records a successful save of `doc` to a file. */
  markSaved(doc: ProjectDoc, file: Omit<FileState, 'savedDoc'>): void;
}

/** Where a document came from: nowhere yet (new, template) until it is saved. */
export const unsavedFile: Omit<FileState, 'savedDoc'> = {
  fileId: null,
  name: null,
  displayPath: null,
};

const historyLimit = 200;
const emptySession: Session = {
  selectedNodeIds: [],
  selectedEdgeIds: [],
  activePanel: 'inspector',
};
const emptyHistory: History = { past: [], future: [], mark: null };

function isResult(value: unknown): value is Result<ProjectDoc, Diagnostic> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof (value as { ok: unknown }).ok === 'boolean'
  );
}

/** Drops selected ids that no longer exist (after delete, undo of an add…). */
function pruneSelection(session: Session, doc: ProjectDoc): Session {
  const nodes = session.selectedNodeIds.filter((id) => id in doc.graph.nodes);
  const edges = session.selectedEdgeIds.filter((id) => id in doc.graph.edges);
  if (
    nodes.length === session.selectedNodeIds.length &&
    edges.length === session.selectedEdgeIds.length
  )
    return session;
  return { ...session, selectedNodeIds: nodes, selectedEdgeIds: edges };
}

function pushPast(past: readonly ProjectDoc[], doc: ProjectDoc): readonly ProjectDoc[] {
  const next = [...past, doc];
  return next.length > historyLimit ? next.slice(next.length - historyLimit) : next;
}

/**
 * Creates the editor store of one open project: each project session
 * (renderer/session) has its own, so undo never crosses projects. Tests make
 * their own too.
 */
export function createEditorStore(
  initial: ProjectDoc = createEmptyProject(),
  file: Omit<FileState, 'savedDoc'> = unsavedFile,
) {
  return createStore<EditorState>()((set, get) => ({
    doc: initial,
    session: emptySession,
    history: emptyHistory,
    file: { ...file, savedDoc: initial },
    loadCount: 1,
    locks: null,
    lockRefusal: null,

    setLocks(locks) {
      set({ locks });
    },

    apply(command, args, options = {}) {
      const before = get().doc;
      const produced = command(before, args);
      let next: ProjectDoc;
      if (isResult(produced)) {
        if (!produced.ok) return { ok: false, diagnostic: produced.error };
        next = produced.value;
      } else {
        next = produced;
      }
      if (next === before) return { ok: true, changed: false };
      const { locks } = get();
      const broken = locks === null ? null : lockViolation(locks, before.graph, next.graph);
      if (broken !== null) {
        const diagnostic: Diagnostic = { code: broken.code, severity: 'error', args: broken.args };
        set({ lockRefusal: { diagnostic, count: (get().lockRefusal?.count ?? 0) + 1 } });
        return { ok: false, diagnostic };
      }
      const { history, session } = get();
      // Inside a gesture every change is a frame: the mark holds the "before".
      const record = (options.history ?? 'record') === 'record' && history.mark === null;
      set({
        doc: next,
        session: pruneSelection(session, next),
        history: record
          ? { past: pushPast(history.past, before), future: [], mark: null }
          : history,
      });
      return { ok: true, changed: true };
    },

    mark(label) {
      const { history, doc } = get();
      if (history.mark !== null) return;
      set({ history: { ...history, mark: { label, doc } } });
    },

    squashToMark() {
      const { history, doc } = get();
      if (history.mark === null) return;
      const changed = history.mark.doc !== doc;
      set({
        history: changed
          ? { past: pushPast(history.past, history.mark.doc), future: [], mark: null }
          : { ...history, mark: null },
      });
    },

    bail() {
      const { history, session } = get();
      if (history.mark === null) return;
      const doc = history.mark.doc;
      set({ doc, session: pruneSelection(session, doc), history: { ...history, mark: null } });
    },

    undo() {
      // Undo in the middle of a gesture first closes the gesture as one step.
      if (get().history.mark !== null) get().squashToMark();
      const { history, doc, session } = get();
      const previous = history.past[history.past.length - 1];
      if (previous === undefined) return;
      set({
        doc: previous,
        session: pruneSelection(session, previous),
        history: { past: history.past.slice(0, -1), future: [doc, ...history.future], mark: null },
      });
    },

    redo() {
      const { history, session } = get();
      const next = history.future[0];
      if (next === undefined || history.mark !== null) return;
      set({
        doc: next,
        session: pruneSelection(session, next),
        history: {
          past: pushPast(history.past, get().doc),
          future: history.future.slice(1),
          mark: null,
        },
      });
    },

    select(nodeIds, edgeIds = []) {
      const { session } = get();
      if (sameIds(session.selectedNodeIds, nodeIds) && sameIds(session.selectedEdgeIds, edgeIds))
        return;
      set({
        session: { ...session, selectedNodeIds: [...nodeIds], selectedEdgeIds: [...edgeIds] },
      });
    },

    showPanel(id) {
      const { session } = get();
      if (session.activePanel !== id) set({ session: { ...session, activePanel: id } });
    },

    load(doc, file) {
      const activePanel = get().session.activePanel;
      set({
        doc,
        session: { ...emptySession, activePanel },
        history: emptyHistory,
        file: { ...file, savedDoc: doc },
        loadCount: get().loadCount + 1,
      });
    },

    markSaved(doc, file) {
      set({ file: { ...file, savedDoc: doc } });
    },
  }));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** True when the document differs from what was last saved or opened. */
export function isDirty(state: Pick<EditorState, 'doc' | 'file'>): boolean {
  return state.doc !== state.file.savedDoc;
}
