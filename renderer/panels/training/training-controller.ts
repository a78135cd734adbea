import {
  firstBlockingDiagnostic,
  isRunActive,
  validateGraph,
  inferShapes,
  type Diagnostic,
  type ProjectDoc,
  type TrainingCheckpoint,
  type TrainingConfig,
  type TrainingStatus,
} from '@core';

import type { DocCommand, EditorStore } from '../../state/editor-store';
import { analyze, inferenceContextOf } from '../../state/analysis';
import type { TrainingClient } from '../../workers/training-client';
import type { FromWorker } from '../../workers/training-protocol';
import {
  toDatasetPayload,
  type LoadedDatasetStore,
  type TrainingDataset,
} from './training-dataset';
import {
  applyWorkerMessage,
  beginRun,
  dispatchTraining,
  type TrainingStore,
} from './training-store';

/** Why Train is disabled, as an i18n key + args, or null when it can start. */
export type StartBlocker =
  | {
      readonly kind: 'diagnostic';
      readonly code: string;
      readonly args: Readonly<Record<string, string | number>>;
    }
  | { readonly kind: 'no-dataset' }
  | { readonly kind: 'running' };

/**
 * What the worker is told about the dataset when it validates and compiles
 * the graph: exactly what the Train button checks, so the button and the
 * worker never disagree (a refusal after pressing Train is a dead end).
 */
export function inferenceFor(doc: ProjectDoc, dataset: TrainingDataset | null) {
  if (dataset === null) return inferenceContextOf(doc);
  return {
    ...inferenceContextOf(doc),
    datasetClassCount: dataset.plan.classNames.length,
    ...(dataset.kind === 'text'
      ? {
          vocabularySize: dataset.vocabulary.length,
          sequenceLength: dataset.options.sequenceLength,
        }
      : {}),
  };
}

/** The diagnostics of the graph against the loaded dataset, as the training worker will see them. */
export function trainingDiagnostics(
  doc: ProjectDoc,
  dataset: TrainingDataset | null,
): readonly Diagnostic[] {
  if (dataset === null) return analyze(doc).diagnostics;
  const inference = inferenceFor(doc, dataset);
  return validateGraph(doc.graph, {
    shapes: inferShapes(doc.graph, inference),
    training: doc.training,
    dataset: { classCount: dataset.plan.classNames.length },
  });
}

export function startBlocker(
  doc: ProjectDoc,
  dataset: TrainingDataset | null,
  status: TrainingStatus,
): StartBlocker | null {
  if (isRunActive(status)) return { kind: 'running' };
  const first = firstBlockingDiagnostic(trainingDiagnostics(doc, dataset));
  if (first) return { kind: 'diagnostic', code: first.code, args: first.args };
  if (!dataset) return { kind: 'no-dataset' };
  return null;
}

/** Train / Pause / Resume / Stop of one project session. */
export interface TrainingController {
  /** Why Train cannot start now, or null. */
  blocker(): StartBlocker | null;
  /**
   * Compiles and starts a run of the current document on the loaded dataset;
   * with `resumeFrom`, continues a run killed mid-way from its checkpoint
   * (its weights, from the epoch after the last one it finished).
   */
  start(options?: { readonly resumeFrom?: TrainingCheckpoint }): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Stops a run in progress and stops listening to the worker (the session is closing). */
  dispose(): void;
}

export interface TrainingControllerDeps {
  readonly editor: EditorStore;
  readonly store: TrainingStore;
  readonly loaded: LoadedDatasetStore;
  readonly client: TrainingClient;
  /** Every worker message of this session's runs, after the store applied it. */
  readonly onRunMessage?: (message: FromWorker, doc: ProjectDoc) => void;
  /** Ask the worker for each epoch's weights (`checkpoint` messages), for crash recovery. */
  readonly checkpoints?: boolean;
}

export function createTrainingController(deps: TrainingControllerDeps): TrainingController {
  const { editor, store, loaded, client } = deps;
  /** The runs this session started: the worker's messages of any other run are not ours. */
  const ours = new Set<number>();
  /** The document each run was started with (its graph is what the run's model is). */
  const startedWith = new Map<number, ProjectDoc>();
  const unsubscribe = client.subscribe((message) => {
    if (!('runId' in message) || message.runId === null || !ours.has(message.runId)) return;
    applyWorkerMessage(store, message);
    const doc = startedWith.get(message.runId);
    if (doc) deps.onRunMessage?.(message, doc);
  });

  const blocker = (): StartBlocker | null =>
    startBlocker(editor.getState().doc, loaded.getState().dataset, store.getState().machine.status);

  const currentRun = (): number | null => store.getState().runId;

  return {
    blocker,
    async start(options = {}) {
      const { resumeFrom } = options;
      const doc = editor.getState().doc;
      const dataset = loaded.getState().dataset;
      if (blocker() !== null || !dataset) return;
      dispatchTraining(store, { type: 'start' });
      const generation = store.getState().machine.generation;
      try {
        const payload = await toDatasetPayload(dataset);
        const runId = client.start({
          graph: doc.graph,
          training: doc.training,
          inference: inferenceFor(doc, dataset),
          dataset: payload,
          ...(deps.checkpoints === true ? { checkpoints: true } : {}),
          ...(resumeFrom
            ? { resumeFrom: { epoch: resumeFrom.epochsDone - 1, weights: resumeFrom.weights } }
            : {}),
        });
        ours.add(runId);
        startedWith.set(runId, doc);
        beginRun(store, runId, doc.training, new Date(), resumeFrom?.runs.at(-1));
      } catch (error) {
        dispatchTraining(store, {
          type: 'failed',
          generation,
          code: 'dataset-unreadable',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    },
    pause() {
      const id = currentRun();
      if (id !== null && store.getState().machine.status === 'training') client.pause(id);
    },
    resume() {
      const id = currentRun();
      if (id !== null && store.getState().machine.status === 'paused') client.resume(id);
    },
    stop() {
      const id = currentRun();
      const { machine } = store.getState();
      if (id === null || !isRunActive(machine.status)) return;
      dispatchTraining(store, { type: 'stop-requested', generation: machine.generation });
      client.stop(id);
    },
    dispose() {
      const id = currentRun();
      if (id !== null && isRunActive(store.getState().machine.status)) client.stop(id);
      unsubscribe();
      ours.clear();
      startedWith.clear();
    },
  };
}

/** The undoable edit behind the settings form. */
export const setTrainingConfig: DocCommand<TrainingConfig> = (doc, training) => ({
  ...doc,
  training,
});

export function updateTrainingConfig(
  store: EditorStore,
  patch: (config: TrainingConfig) => TrainingConfig,
): void {
  const doc = store.getState().doc;
  store.getState().apply(setTrainingConfig, patch(doc.training));
}
