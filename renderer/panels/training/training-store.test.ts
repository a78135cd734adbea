import { beforeEach, describe, expect, it } from 'vitest';

import { defaultTrainingConfig, type BatchMetrics, type EpochMetrics } from '@core';

import { chartColumns } from './chart-data';
import {
  applyWorkerMessage as apply,
  beginRun,
  createTrainingStore,
  dispatchTraining,
  runSeriesFromSaved,
  savedRunsOf,
  type TrainingStore,
} from './training-store';

const batch = (epoch: number, b: number, loss: number): BatchMetrics => ({
  epoch,
  batch: b,
  batchesPerEpoch: 2,
  loss,
  accuracy: 0.5,
  examplesSeen: (epoch * 2 + b + 1) * 10,
  examplesPerSecond: 100,
});
const epoch = (e: number, loss: number, valLoss: number): EpochMetrics => ({
  epoch: e,
  loss,
  accuracy: 0.5,
  valLoss,
  valAccuracy: 0.6,
  learningRate: 0.001,
  seconds: 1,
});

let store: TrainingStore;
beforeEach(() => {
  store = createTrainingStore();
});

const useTrainingStore = { getState: () => store.getState() };
const applyWorkerMessage = (message: Parameters<typeof apply>[1]) => apply(store, message);

function startRun(runId: number): void {
  dispatchTraining(store, { type: 'start' });
  beginRun(store, runId, { ...defaultTrainingConfig, epochs: 2 });
}

describe('training store', () => {
  it('follows the worker through a run and keeps its series', () => {
    startRun(1);
    applyWorkerMessage({ type: 'state', runId: 1, status: 'compiling' });
    applyWorkerMessage({ type: 'state', runId: 1, status: 'training' });
    expect(useTrainingStore.getState().machine.status).toBe('training');
    applyWorkerMessage({ type: 'batch', runId: 1, metrics: batch(0, 0, 2) });
    applyWorkerMessage({ type: 'batch', runId: 1, metrics: batch(0, 1, 1) });
    applyWorkerMessage({ type: 'epoch', runId: 1, metrics: epoch(0, 1.5, 1.4), tensors: 10 });
    applyWorkerMessage({ type: 'batch', runId: 1, metrics: batch(1, 0, 0.8) });
    expect(useTrainingStore.getState().progress).toMatchObject({
      epoch: 1,
      batch: 0,
      batchesPerEpoch: 2,
      examplesPerSecond: 100,
    });
    expect(useTrainingStore.getState().progress?.secondsLeft).toBeCloseTo(0.1, 5);
    applyWorkerMessage({ type: 'state', runId: 1, status: 'paused' });
    expect(useTrainingStore.getState().machine.status).toBe('paused');
    applyWorkerMessage({ type: 'state', runId: 1, status: 'training' });
    applyWorkerMessage({
      type: 'state',
      runId: 1,
      status: 'completed',
      outcome: 'completed',
      bestEpoch: 0,
    });
    const s = useTrainingStore.getState();
    expect(s.machine.status).toBe('completed');
    const run = s.runs[0]!;
    expect(run.steps).toEqual([1, 2, 3]);
    expect(run.batchLoss).toEqual([2, 1, 0.8]);
    expect(run.smoothLoss[1]).toBeCloseTo(0.9 * 2 + 0.1 * 1, 10);
    expect(run.bestEpoch).toBe(0);
  });

  it('ignores messages of another run and reports failures with their code', () => {
    startRun(5);
    applyWorkerMessage({ type: 'state', runId: 5, status: 'training' });
    applyWorkerMessage({ type: 'batch', runId: 4, metrics: batch(0, 0, 9) });
    expect(useTrainingStore.getState().runs[0]!.steps).toEqual([]);
    applyWorkerMessage({ type: 'error', runId: 5, code: 'non-finite-loss', message: 'NaN' });
    expect(useTrainingStore.getState().machine).toMatchObject({
      status: 'failed',
      error: { code: 'non-finite-loss' },
    });
  });

  it('aligns two runs on one epoch axis, epoch points on their last batch', () => {
    startRun(1);
    for (const [b, l] of [
      [0, 2],
      [1, 1],
    ] as const)
      applyWorkerMessage({ type: 'batch', runId: 1, metrics: batch(0, b, l) });
    applyWorkerMessage({ type: 'epoch', runId: 1, metrics: epoch(0, 1.5, 1.4), tensors: 0 });
    const runs = useTrainingStore.getState().runs;
    const cols = chartColumns(runs, 'loss');
    expect(cols.x).toEqual([0.5, 1]);
    expect(cols.series[0]!.epoch).toEqual([null, 1.5]);
    expect(cols.series[0]!.validation).toEqual([null, 1.4]);
  });

  it('keeps the epoch record of finished runs for the project file, and reads it back', () => {
    startRun(1);
    applyWorkerMessage({ type: 'state', runId: 1, status: 'training' });
    applyWorkerMessage({ type: 'epoch', runId: 1, metrics: epoch(0, 1.5, 1.4), tensors: 0 });
    applyWorkerMessage({ type: 'state', runId: 1, status: 'completed', outcome: 'completed' });
    startRun(2); // never reached an epoch: nothing to keep
    const saved = savedRunsOf(store.getState().runs);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ outcome: 'completed', bestEpoch: 0 });
    expect(saved[0]!.settings.epochs).toBe(2);
    const back = runSeriesFromSaved(saved);
    expect(back[0]).toMatchObject({ runId: -1, label: saved[0]!.label, outcome: 'completed' });
    expect(back[0]!.epochs).toEqual([epoch(0, 1.5, 1.4)]);
  });
});
