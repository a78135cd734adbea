import { create } from 'zustand';

import {
  initialTrainingState,
  isRunActive,
  trainingReducer,
  type BatchMetrics,
  type EpochMetrics,
  type TrainingEvent,
  type TrainingState,
} from '@core';

import type { FromWorker } from '../../workers/training-protocol';

/**
 * Runtime state of training (never saved, never undone): the run state
 * machine (core's `trainingReducer`), live progress and the metric series of
 * every run of this session, append-only so charts draw incrementally.
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
}

export const useTrainingStore = create<TrainingStoreState>()(() => ({
  machine: initialTrainingState,
  runId: null,
  progress: null,
  runs: [],
  compareRunIds: [],
  notice: null,
  revision: 0,
}));

const smoothing = 0.9;

export function dispatchTraining(event: TrainingEvent): void {
  useTrainingStore.setState((s) => ({ machine: trainingReducer(s.machine, event) }));
}

/** Starts bookkeeping for a new run (the worker's runId); the machine is already `compiling`. */
export function beginRun(runId: number, epochs: number, now: Date = new Date()): void {
  useTrainingStore.setState((s) => {
    const label = `${s.runs.length + 1} · ${now.toTimeString().slice(0, 5)}`;
    const run: RunSeries = {
      runId,
      label,
      steps: [],
      batchLoss: [],
      batchAccuracy: [],
      smoothLoss: [],
      smoothAccuracy: [],
      epochs: [],
      bestEpoch: null,
    };
    return {
      runId,
      runs: [...s.runs, run],
      notice: null,
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
export function applyWorkerMessage(message: FromWorker): void {
  const s = useTrainingStore.getState();
  if ('runId' in message && message.runId !== null && message.runId !== s.runId) return;
  const generation = s.machine.generation;
  const run = s.runs.find((r) => r.runId === s.runId);
  switch (message.type) {
    case 'state':
      if (message.status === 'training')
        dispatchTraining(
          s.machine.status === 'paused'
            ? { type: 'resume', generation }
            : { type: 'compiled', generation },
        );
      else if (message.status === 'paused') dispatchTraining({ type: 'pause', generation });
      else if (message.status === 'completed') {
        dispatchTraining({
          type: 'completed',
          generation,
          earlyStopped: message.outcome === 'early-stopped',
        });
        if (run && message.bestEpoch !== undefined) run.bestEpoch = message.bestEpoch;
        useTrainingStore.setState((x) => ({
          revision: x.revision + 1,
          ...(message.outcome === 'early-stopped'
            ? { notice: { code: 'completed-early', args: { epoch: (message.bestEpoch ?? 0) + 1 } } }
            : {}),
        }));
      } else if (message.status === 'stopped') dispatchTraining({ type: 'stopped', generation });
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
      useTrainingStore.setState((x) => ({
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
      useTrainingStore.setState((x) =>
        x.progress ? { progress: { ...x.progress, validating: true } } : {},
      );
      return;
    case 'epoch':
      if (!run) return;
      run.epochs.push(message.metrics);
      run.bestEpoch = bestEpochOf(run.epochs);
      useTrainingStore.setState((x) => ({
        revision: x.revision + 1,
        ...(x.progress ? { progress: { ...x.progress, validating: false } } : {}),
      }));
      return;
    case 'error':
      if (isRunActive(s.machine.status))
        dispatchTraining({
          type: 'failed',
          generation,
          code: message.code,
          message: message.message,
        });
      return;
    case 'notice':
      useTrainingStore.setState({
        notice: {
          code: message.code,
          args: { epoch: message.fromEpoch + 1, backend: message.backend },
        },
      });
      return;
    case 'backend-info':
    case 'inspect-result':
      return;
  }
}

/** Toggles a past run in the chart overlay. */
export function toggleCompareRun(runId: number): void {
  useTrainingStore.setState((s) => ({
    compareRunIds: s.compareRunIds.includes(runId)
      ? s.compareRunIds.filter((id) => id !== runId)
      : [...s.compareRunIds, runId],
    revision: s.revision + 1,
  }));
}
