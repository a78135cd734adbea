import { describe, expect, it } from 'vitest';

import { addStep, newDraftStep, newPackDraft, type PackDraft } from '@core';

import {
  createAuthorStore,
  editDraft,
  hasUnsavedWork,
  markUndoPoint,
  undo,
  type AuthorStore,
} from './author-store';

const both = (text: string) => ({ en: text, 'zh-CN': text });
const addReading = (draft: PackDraft) =>
  addStep(draft, newDraftStep(draft, { kind: 'reading', title: both('Read') }));

function started(): AuthorStore {
  const store = createAuthorStore();
  store.setState({ draft: newPackDraft('pack-test-0001') });
  return store;
}

describe('the package draft store', () => {
  it('undoes the last step change, one at a time', () => {
    const store = started();
    editDraft(store, addReading);
    editDraft(store, addReading);
    expect(store.getState().draft?.steps).toHaveLength(2);
    undo(store);
    expect(store.getState().draft?.steps).toHaveLength(1);
    undo(store);
    expect(store.getState().draft?.steps).toHaveLength(0);
    expect(store.getState().past).toHaveLength(0);
  });

  it('makes one Undo entry for a run of typing, and none for a field left unchanged', () => {
    const store = started();
    markUndoPoint(store);
    for (const title of ['S', 'Se', 'Ses'])
      editDraft(store, (d) => ({ ...d, title: both(title) }), 'merge');
    expect(store.getState().past).toHaveLength(1);
    markUndoPoint(store);
    editDraft(store, (d) => d, 'merge');
    expect(store.getState().past).toHaveLength(1);
    undo(store);
    expect(store.getState().draft?.title).toEqual(both(''));
  });

  it('knows when work is unsaved: after any change, until it is saved, and again after a later change', () => {
    const store = started();
    expect(hasUnsavedWork(store.getState())).toBe(false);
    editDraft(store, addReading);
    expect(hasUnsavedWork(store.getState())).toBe(true);
    store.setState({ saved: store.getState().draft, savedPath: '/x' });
    expect(hasUnsavedWork(store.getState())).toBe(false);
    editDraft(store, addReading);
    expect(hasUnsavedWork(store.getState())).toBe(true);
    // Undo back to the saved draft is saved work again.
    undo(store);
    expect(hasUnsavedWork(store.getState())).toBe(false);
  });
});
