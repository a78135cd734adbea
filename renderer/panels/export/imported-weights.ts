import type { GraphDoc, WeightSet } from '@core';
import { createStore, type StoreApi } from 'zustand';

/**
 * Trained weights of the last imported model, waiting to be used: runtime
 * state (never saved). The training area applies them with core's
 * `applyWeightSet(model, weights)` right after `compileGraph`, while the
 * document's graph is still the imported one (`graph === doc.graph`), so
 * fine-tuning starts from the imported model instead of random weights.
 */
export interface ImportedWeightsState {
  readonly graph: GraphDoc | null;
  readonly weights: WeightSet | null;
}

export type ImportedWeightsStore = StoreApi<ImportedWeightsState>;

/** One per project session: imported weights never reach another project. */
export function createImportedWeightsStore(): ImportedWeightsStore {
  return createStore<ImportedWeightsState>()(() => ({ graph: null, weights: null }));
}

/** The imported weights if `graph` is still the imported graph (unchanged), else null. */
export function importedWeightsFor(store: ImportedWeightsStore, graph: GraphDoc): WeightSet | null {
  const state = store.getState();
  return state.graph === graph ? state.weights : null;
}
