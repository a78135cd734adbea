import {
  firstBlockingDiagnostic,
  isRunActive,
  type EngineChoice,
  type ProjectDoc,
  type TrainingConfig,
} from '@core';
import i18next from 'i18next';

import type { DocCommand, EditorStore } from '../../state/editor-store';
import { inferenceContextOf, analyze } from '../../state/analysis';
import { setRuntimeInfo } from '../../state/runtime-store';
import { getTrainingClient, type TrainingClient } from '../../workers/training-client';
import { engineBuildName } from '../../workers/engine-names';
import {
  toDatasetPayload,
  useTrainingDatasetStore,
  type TrainingDataset,
} from './training-dataset';
import { applyWorkerMessage, beginRun, dispatchTraining, useTrainingStore } from './training-store';

/**
 * Glue between the training panel, the worker client and the stores. Commands
 * (`train.start`, `train.pause`, `train.resume`, `train.stop`) call these.
 */
let connected: TrainingClient | null = null;

/** The status bar's name of LayerLab's engine, with its data-parallel worker count (in the UI language). */
function layerlabEngineText(choice: Extract<EngineChoice, { engine: 'layerlab' }>): string {
  const build = engineBuildName(choice.build);
  return choice.workers > 1
    ? i18next.t('training:engine.layerlabWorkers', { build, workers: choice.workers })
    : i18next.t('training:engine.layerlab', { build });
}

/** Subscribes the stores to the worker once; returns the client. */
export function connectTraining(client: TrainingClient = getTrainingClient()): TrainingClient {
  if (connected === client) return client;
  connected = client;
  // Fault-injection hook for the e2e suite (ecosystem-notes §8 H.1): loses the
  // worker's WebGL context, which the worker must detect and recover from.
  Object.assign(globalThis, {
    __layerlabLoseTrainingContext: () => client.loseContextForTesting(),
  });
  client.subscribe((message) => {
    if (message.type === 'backend-info') {
      const { info, engineChoice } = message;
      // LayerLab's own engine (core/engine) names itself; TF.js adds its backend and why it trains.
      const detail =
        engineChoice?.engine === 'layerlab'
          ? layerlabEngineText(engineChoice)
          : `${
              info.backend === 'wasm'
                ? `${message.engine} · WASM${info.simd ? ' SIMD' : ''}${info.threads && info.threads > 1 ? ` ×${info.threads}` : ''}`
                : message.engine
            }${engineChoice?.engine === 'tfjs' ? ` — ${engineChoice.reason}` : ''}`;
      setRuntimeInfo({
        backend: info.backend,
        backendReason: info.reason,
        engine: detail,
        trainingEngine: engineChoice?.engine ?? null,
      });
      return;
    }
    applyWorkerMessage(message);
  });
  return client;
}

/** Why Train is disabled, as an i18n key + args, or null when it can start. */
export type StartBlocker =
  | {
      readonly kind: 'diagnostic';
      readonly code: string;
      readonly args: Readonly<Record<string, string | number>>;
    }
  | { readonly kind: 'no-dataset' }
  | { readonly kind: 'running' };

export function startBlocker(
  doc: ProjectDoc,
  dataset: TrainingDataset | null,
): StartBlocker | null {
  if (isRunActive(useTrainingStore.getState().machine.status)) return { kind: 'running' };
  const first = firstBlockingDiagnostic(analyze(doc).diagnostics);
  if (first) return { kind: 'diagnostic', code: first.code, args: first.args };
  if (!dataset) return { kind: 'no-dataset' };
  return null;
}

/** Compiles and starts a run of the current project on the loaded dataset. */
export async function startTraining(doc: ProjectDoc): Promise<void> {
  const dataset = useTrainingDatasetStore.getState().dataset;
  if (startBlocker(doc, dataset) !== null || !dataset) return;
  const client = connectTraining();
  dispatchTraining({ type: 'start' });
  const generation = useTrainingStore.getState().machine.generation;
  try {
    const payload = await toDatasetPayload(dataset);
    const inference = {
      ...inferenceContextOf(doc),
      datasetClassCount: dataset.plan.classNames.length,
      ...(dataset.kind === 'text'
        ? {
            vocabularySize: dataset.vocabulary.length,
            sequenceLength: dataset.options.sequenceLength,
          }
        : {}),
    };
    const runId = client.start({
      graph: doc.graph,
      training: doc.training,
      inference,
      dataset: payload,
    });
    beginRun(runId, doc.training.epochs);
  } catch (error) {
    dispatchTraining({
      type: 'failed',
      generation,
      code: 'dataset-unreadable',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

function currentRun(): number | null {
  return useTrainingStore.getState().runId;
}

export function pauseTraining(): void {
  const id = currentRun();
  if (id !== null && useTrainingStore.getState().machine.status === 'training')
    connectTraining().pause(id);
}

export function resumeTraining(): void {
  const id = currentRun();
  if (id !== null && useTrainingStore.getState().machine.status === 'paused')
    connectTraining().resume(id);
}

export function stopTraining(): void {
  const id = currentRun();
  const { machine } = useTrainingStore.getState();
  if (id === null || !isRunActive(machine.status)) return;
  dispatchTraining({ type: 'stop-requested', generation: machine.generation });
  connectTraining().stop(id);
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
