import { createStore, type StoreApi } from 'zustand';

import type { Submission } from '@core';

/** The submission shown by File → Open (one at a time; null when none). */
export interface SubmissionViewState {
  readonly viewed: { readonly fileName: string; readonly submission: Submission } | null;
}

export type SubmissionViewStore = StoreApi<SubmissionViewState>;

/** One per window (made by App, like the package store). */
export function createSubmissionViewStore(): SubmissionViewStore {
  return createStore<SubmissionViewState>()(() => ({ viewed: null }));
}
