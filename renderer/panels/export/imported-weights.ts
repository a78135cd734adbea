import type { GraphDoc, WeightSet } from '@core';
import { create } from 'zustand';

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

export const useImportedWeightsStore = create<ImportedWeightsState>()(() => ({
  graph: null,
  weights: null,
}));

export function setImportedWeights(graph: GraphDoc, weights: WeightSet): void {
  useImportedWeightsStore.setState({ graph, weights });
}

/** The imported weights if `graph` is still the imported graph (unchanged), else null. */
export function importedWeightsFor(graph: GraphDoc): WeightSet | null {
  const state = useImportedWeightsStore.getState();
  return state.graph === graph ? state.weights : null;
}
