import { createStore, type StoreApi } from 'zustand';

import {
  initialTrainingState,
  isRunActive,
  trainingReducer,
  type BatchMetrics,
  type EpochMetrics,
  type TrainingConfig,
  type TrainingEvent,
  type TrainingState,
  type SavedRun,
  type TrainOutcome,
} from '@core';

import type { FromWorker } from '../../workers/training-protocol';

/**
 * Runtime state of training (never undone): the run state machine (core's
 * `trainingReducer`), live progress and the metric series of every run of
 * this project session, append-only so charts draw incrementally. One store
 * per project session (renderer/session); a saved project keeps its runs'
 * epoch curves with its trained model.
 */
export interface RunSeries {
  readonly runId: number;
  /** "Run 2 · 14:05" */
  readonly label: string;
  /** Per batch: global step (epoch × batchesPerEpoch + batch), loss, accuracy, EMA-smoothed loss. */
  readonly steps: number[];
  readonly batchLoss: number[];
  readonly batchAccuracy: number[];
  readonly smoothLoss: number[];
  readonly smoothAccuracy: number[];
  readonly epochs: EpochMetrics[];
  bestEpoch: number | null;
  /** The settings the run trained with (null for runs of older saved projects). */
  readonly settings: TrainingConfig | null;
  /** How the run ended, once it has. */
  outcome: TrainOutcome | 'failed' | null;
}

export interface Progress {
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly examplesPerSecond: number;
  /** Seconds left at the current rate, null until measurable. */
  readonly secondsLeft: number | null;
  readonly validating: boolean;
}

export interface Notice {
  readonly code: 'backend-recovered' | 'completed-early';
  readonly args: Readonly<Record<string, string | number>>;
}

export interface TrainingStoreState {
  readonly machine: TrainingState;
  /** The worker's id of the current (or last) run. */
  readonly runId: number | null;
  readonly progress: Progress | null;
  readonly runs: readonly RunSeries[];
  /** Runs shown on the charts besides the current one (overlay). */
  readonly compareRunIds: readonly number[];
  readonly notice: Notice | null;
  /** Bumped on every appended point, so charts know to redraw. */
  readonly revision: number;
  /** When a run failed on a problem of the graph: which one (worded from core's message table). */
  readonly failureDiagnostic: {
    readonly code: string;
    readonly args: Readonly<Record<string, string | number>>;
  } | null;
}

export type TrainingStore = StoreApi<TrainingStoreState>;

/** A project session's training store; `runs` may start with the runs saved with the project. */
export function createTrainingStore(runs: readonly RunSeries[] = []): TrainingStore {
  return createStore<TrainingStoreState>()(() => ({
    machine: initialTrainingState,
    runId: null,
    progress: null,
    runs,
    compareRunIds: [],
    notice: null,
    revision: 0,
    failureDiagnostic: null,
  }));
}

const smoothing = 0.9;

export function dispatchTraining(store: TrainingStore, event: TrainingEvent): void {
  store.setState((s) => ({ machine: trainingReducer(s.machine, event) }));
}

/**
 * Starts bookkeeping for a new run (the worker's runId); the machine is already
 * `compiling`. `continues`: the run a crash-recovery checkpoint resumes.
 */
export function beginRun(
  store: TrainingStore,
  runId: number,
  settings: TrainingConfig,
  now: Date = new Date(),
  continues?: SavedRun,
): void {
  const epochs = settings.epochs;
  store.setState((s) => {
    const label = continues?.label ?? `${s.runs.length + 1} · ${now.toTimeString().slice(0, 5)}`;
    const run: RunSeries = {
      runId,
      label,
      steps: [],
      batchLoss: [],
      batchAccuracy: [],
      smoothLoss: [],
      smoothAccuracy: [],
      // A resumed run keeps the curve of the epochs it already finished.
      epochs: [...(continues?.epochs ?? [])],
      bestEpoch: continues?.bestEpoch ?? null,
      settings,
      outcome: null,
    };
    return {
      runId,
      // The saved copy of the run it continues gives way to the live one.
      runs: [
        ...s.runs.filter((r) => !(continues && r.runId < 0 && r.label === continues.label)),
        run,
      ],
      notice: null,
      failureDiagnostic: null,
      progress: {
        epoch: 0,
        epochs,
        batch: 0,
        batchesPerEpoch: 0,
        examplesPerSecond: 0,
        secondsLeft: null,
        validating: false,
      },
    };
  });
}

function appendBatch(run: RunSeries, m: BatchMetrics): void {
  const prevLoss = run.smoothLoss[run.smoothLoss.length - 1];
  const prevAcc = run.smoothAccuracy[run.smoothAccuracy.length - 1];
  run.steps.push(m.epoch * m.batchesPerEpoch + m.batch + 1);
  run.batchLoss.push(m.loss);
  run.batchAccuracy.push(m.accuracy);
  run.smoothLoss.push(
    prevLoss === undefined ? m.loss : smoothing * prevLoss + (1 - smoothing) * m.loss,
  );
  run.smoothAccuracy.push(
    prevAcc === undefined ? m.accuracy : smoothing * prevAcc + (1 - smoothing) * m.accuracy,
  );
}

function bestEpochOf(epochs: readonly EpochMetrics[]): number | null {
  let best: EpochMetrics | null = null;
  for (const e of epochs) {
    const v = e.valLoss ?? e.loss;
    if (best === null || v < (best.valLoss ?? best.loss)) best = e;
  }
  return best?.epoch ?? null;
}

/** Applies one worker message to the store (messages of other runs are ignored). */
export function applyWorkerMessage(store: TrainingStore, message: FromWorker): void {
  const s = store.getState();
  if ('runId' in message && message.runId !== null && message.runId !== s.runId) return;
  const generation = s.machine.generation;
  const run = s.runs.find((r) => r.runId === s.runId);
  switch (message.type) {
    case 'state':
      if (message.status === 'training')
        dispatchTraining(
          store,
          s.machine.status === 'paused'
            ? { type: 'resume', generation }
            : { type: 'compiled', generation },
        );
      else if (message.status === 'paused') dispatchTraining(store, { type: 'pause', generation });
      else if (message.status === 'completed') {
        dispatchTraining(store, {
          type: 'completed',
          generation,
          earlyStopped: message.outcome === 'early-stopped',
        });
        if (run && message.bestEpoch !== undefined) run.bestEpoch = message.bestEpoch;
        if (run) run.outcome = message.outcome ?? 'completed';
        store.setState((x) => ({
          revision: x.revision + 1,
          ...(message.outcome === 'early-stopped'
            ? { notice: { code: 'completed-early', args: { epoch: (message.bestEpoch ?? 0) + 1 } } }
            : {}),
        }));
      } else if (message.status === 'stopped') {
        if (run) run.outcome = 'stopped';
        dispatchTraining(store, { type: 'stopped', generation });
      }
      return;
    case 'batch': {
      if (!run) return;
      appendBatch(run, message.metrics);
      const m = message.metrics;
      const epochs = s.progress?.epochs ?? 1;
      const remainingBatches =
        (epochs - m.epoch - 1) * m.batchesPerEpoch + (m.batchesPerEpoch - m.batch - 1);
      const perBatch =
        m.examplesPerSecond > 0
          ? m.examplesSeen / (m.epoch * m.batchesPerEpoch + m.batch + 1) / m.examplesPerSecond
          : 0;
      store.setState((x) => ({
        revision: x.revision + 1,
        progress: {
          epoch: m.epoch,
          epochs,
          batch: m.batch,
          batchesPerEpoch: m.batchesPerEpoch,
          examplesPerSecond: m.examplesPerSecond,
          secondsLeft: perBatch > 0 ? remainingBatches * perBatch : null,
          validating: false,
        },
      }));
      return;
    }
    case 'validating':
      store.setState((x) => (x.progress ? { progress: { ...x.progress, validating: true } } : {}));
      return;
    case 'epoch':
      if (!run) return;
      run.epochs.push(message.metrics);
      run.bestEpoch = bestEpochOf(run.epochs);
      store.setState((x) => ({
        revision: x.revision + 1,
        ...(x.progress ? { progress: { ...x.progress, validating: false } } : {}),
      }));
      return;
    case 'error':
      if (run && message.runId !== null) run.outcome = 'failed';
      if (message.diagnostic) store.setState({ failureDiagnostic: message.diagnostic });
      if (isRunActive(s.machine.status))
        dispatchTraining(store, {
          type: 'failed',
          generation,
          code: message.code,
          message: message.message,
        });
      return;
    case 'notice':
      store.setState({
        notice: {
          code: message.code,
          args: { epoch: message.fromEpoch + 1, backend: message.backend },
        },
      });
      return;
    case 'backend-info':
    case 'inspect-result':
    case 'checkpoint':
      return;
  }
}

/** Toggles a past run in the chart overlay. */
export function toggleCompareRun(store: TrainingStore, runId: number): void {
  store.setState((s) => ({
    compareRunIds: s.compareRunIds.includes(runId)
      ? s.compareRunIds.filter((id) => id !== runId)
      : [...s.compareRunIds, runId],
    revision: s.revision + 1,
  }));
}

/**
 * Runs saved with a project come back with their epoch curves (batch curves
 * are not saved). They get negative ids so they never collide with the
 * worker's run ids.
 */
export function runSeriesFromSaved(saved: readonly SavedRun[]): RunSeries[] {
  return saved.map((run, i) => ({
    runId: -(i + 1),
    label: run.label,
    steps: [],
    batchLoss: [],
    batchAccuracy: [],
    smoothLoss: [],
    smoothAccuracy: [],
    epochs: [...run.epochs],
    bestEpoch: run.bestEpoch,
    settings: run.settings,
    outcome: run.outcome,
  }));
}

/** The record of every run that reached at least one epoch, for saving with the project. */
export function savedRunsOf(runs: readonly RunSeries[]): SavedRun[] {
  return runs
    .filter((run) => run.epochs.length > 0 && run.settings !== null)
    .map((run) => ({
      label: run.label,
      settings: run.settings as TrainingConfig,
      epochs: [...run.epochs],
      bestEpoch: run.bestEpoch,
      outcome: run.outcome,
    }));
}
