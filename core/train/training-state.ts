/**
 * The training run's lifecycle as a pure reducer:
 * idle → compiling → training ⇄ paused → completed | stopped | failed,
 * and from any finished state back to compiling on the next Start.
 *
 * Every run gets a new `generation`; events carry the generation they belong
 * to and events from an older run are ignored, so a late "epoch done" from a
 * stopped run cannot revive it.
 */
export type TrainingStatus =
  'idle' | 'compiling' | 'training' | 'paused' | 'completed' | 'stopped' | 'failed';

export interface TrainingState {
  readonly status: TrainingStatus;
  readonly generation: number;
  /** Set in `failed`. */
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Stop was asked for and the run has not confirmed yet (UI shows "stopping…"). */
  readonly stopRequested: boolean;
  /** The run ended early because validation stopped improving. */
  readonly earlyStopped: boolean;
}

export type TrainingEvent =
  | { readonly type: 'start' }
  | { readonly type: 'compiled'; readonly generation: number }
  | { readonly type: 'pause'; readonly generation: number }
  | { readonly type: 'resume'; readonly generation: number }
  | { readonly type: 'stop-requested'; readonly generation: number }
  | { readonly type: 'completed'; readonly generation: number; readonly earlyStopped: boolean }
  | { readonly type: 'stopped'; readonly generation: number }
  | {
      readonly type: 'failed';
      readonly generation: number;
      readonly code: string;
      readonly message: string;
    }
  | { readonly type: 'reset' };

export const initialTrainingState: TrainingState = {
  status: 'idle',
  generation: 0,
  error: null,
  stopRequested: false,
  earlyStopped: false,
};

/** True while a run owns the model (Start disabled, Stop enabled). */
export function isRunActive(status: TrainingStatus): boolean {
  return status === 'compiling' || status === 'training' || status === 'paused';
}

/** Applies an event; an event that does not fit the current state returns the state unchanged. */
export function trainingReducer(state: TrainingState, event: TrainingEvent): TrainingState {
  if (event.type === 'start') {
    if (isRunActive(state.status)) return state;
    return {
      status: 'compiling',
      generation: state.generation + 1,
      error: null,
      stopRequested: false,
      earlyStopped: false,
    };
  }
  if (event.type === 'reset')
    return isRunActive(state.status)
      ? state
      : { ...initialTrainingState, generation: state.generation };
  if (event.generation !== state.generation) return state;
  switch (event.type) {
    case 'compiled':
      return state.status === 'compiling' ? { ...state, status: 'training' } : state;
    case 'pause':
      return state.status === 'training' && !state.stopRequested
        ? { ...state, status: 'paused' }
        : state;
    case 'resume':
      return state.status === 'paused' ? { ...state, status: 'training' } : state;
    case 'stop-requested':
      return isRunActive(state.status) ? { ...state, stopRequested: true } : state;
    case 'completed':
      return isRunActive(state.status)
        ? { ...state, status: 'completed', stopRequested: false, earlyStopped: event.earlyStopped }
        : state;
    case 'stopped':
      return isRunActive(state.status)
        ? { ...state, status: 'stopped', stopRequested: false }
        : state;
    case 'failed':
      return isRunActive(state.status)
        ? {
            ...state,
            status: 'failed',
            stopRequested: false,
            error: { code: event.code, message: event.message },
          }
        : state;
  }
}
