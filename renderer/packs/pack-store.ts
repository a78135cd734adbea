import { createStore, type StoreApi } from 'zustand';

import type { LabFile, LabPack, ProjectDoc, TrainedModelRecord } from '@core';

/** What a student has done in one step so far (kept while the package is open). */
export interface StepState {
  readonly openedAt: string | null;
  readonly updatedAt: string | null;
  /** Lab steps: the lab as the student left it. */
  readonly lab: LabFile | null;
  /** Project steps: the network as the student left it, and its trained model if it fits. */
  readonly project: {
    readonly doc: ProjectDoc;
    readonly trained: TrainedModelRecord | null;
    readonly stale: boolean;
  } | null;
  readonly answers: Readonly<Record<string, number | null>>;
  /** Reading steps: marked as read. */
  readonly done: boolean;
}

export interface PackState {
  readonly pack: LabPack | null;
  /** The package's file name, for the submission's name. */
  readonly fileName: string;
  readonly currentStepId: string | null;
  readonly steps: Readonly<Record<string, StepState>>;
  readonly student: string;
  /** The lab step shown full-window, if any. */
  readonly openLab: {
    readonly stepId: string;
    readonly file: LabFile;
    readonly key: number;
  } | null;
  /** The project step open in the editor: its session id, so edits are recorded for that step only. */
  readonly projectSession: { readonly stepId: string; readonly sessionId: number } | null;
  /** Teacher preview: the same views, answer keys still hidden; nothing to hand in. */
  readonly preview: boolean;
}

export type PackStore = StoreApi<PackState>;

const emptyStep: StepState = {
  openedAt: null,
  updatedAt: null,
  lab: null,
  project: null,
  answers: {},
  done: false,
};

export const noPack: PackState = {
  pack: null,
  fileName: '',
  currentStepId: null,
  steps: {},
  student: '',
  openLab: null,
  projectSession: null,
  preview: false,
};

/** One store per window (created by PackProvider; tests make their own). */
export function createPackStore(): PackStore {
  return createStore<PackState>()(() => noPack);
}

export function stepState(state: PackState, stepId: string): StepState {
  return state.steps[stepId] ?? emptyStep;
}

/** Changes one step's record, stamping when it was first opened and last changed. */
export function updateStep(
  store: PackStore,
  stepId: string,
  change: (step: StepState) => Partial<StepState>,
): void {
  const state = store.getState();
  const before = stepState(state, stepId);
  const now = new Date().toISOString();
  const next: StepState = {
    ...before,
    ...change(before),
    openedAt: before.openedAt ?? now,
    updatedAt: now,
  };
  store.setState({ steps: { ...state.steps, [stepId]: next } });
}
