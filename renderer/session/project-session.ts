import {
  encodeTrainingCheckpoint,
  graphFingerprint,
  isRunActive,
  serializeProject,
  type Host,
  type ProjectDoc,
  type TrainedModelLoad,
  type TrainedModelRecord,
  type TrainingCheckpoint,
} from '@core';
import { createStore, type StoreApi } from 'zustand';

import {
  createSessionInspectClient,
  type SessionInspectClient,
} from '../inspect/training-inspect-client';
import {
  createDatasetController,
  type DatasetController,
} from '../panels/dataset/dataset-controller';
import {
  createDatasetRuntimeStore,
  createTestFolderRuntimeStore,
  type DatasetRuntimeStore,
  type TestFolderRuntimeStore,
} from '../panels/dataset/dataset-store';
import {
  createTestFolderController,
  type TestFolderController,
} from '../panels/dataset/test-folder-controller';
import { createTestSetStore, type TestSetStore } from '../panels/dataset/test-set';
import {
  createImportedWeightsStore,
  type ImportedWeightsStore,
} from '../panels/export/imported-weights';
import {
  createTrainingController,
  type TrainingController,
} from '../panels/training/training-controller';
import {
  createLoadedDatasetStore,
  toDatasetPayload,
  type LoadedDatasetStore,
  type TrainingDataset,
} from '../panels/training/training-dataset';
import {
  createTrainingStore,
  runSeriesFromSaved,
  savedRunsOf,
  type TrainingStore,
} from '../panels/training/training-store';
import {
  createEditorStore,
  isDirty,
  type EditorStore,
  type FileState,
} from '../state/editor-store';
import type { TrainingClient } from '../workers/training-client';
import type { FromWorker } from '../workers/training-protocol';
import { createRecoveryWriter, type RecoveryWriter } from './recovery-writer';
import {
  createModelStore,
  isStale,
  noModel,
  type ModelState,
  type ModelStore,
} from './model-store';

/** A project as it is opened: its document, where it came from, and what its file says of a trained model. */
export interface OpenedProject {
  readonly doc: ProjectDoc;
  readonly file: Omit<FileState, 'savedDoc'>;
  readonly trained?: TrainedModelLoad;
  /**
   * Set when the project comes back from the recovery store after a crash: it
   * opens as unsaved, keeps writing to the same entry, and offers to resume
   * training from the checkpoint (if one was kept).
   */
  readonly recovered?: {
    readonly sessionId: string;
    readonly checkpoint: TrainingCheckpoint | null;
  };
}

/** A training run a crash interrupted, which the Training panel offers to resume. */
export interface ResumeOffer {
  readonly checkpoint: TrainingCheckpoint | null;
}

/**
 * Everything that belongs to one open project, and nothing else: its
 * document and undo history, its dataset and test folder with their decoded
 * data and reports, its training runs, its trained model, its inspection
 * client and any work under way. Created when a project opens, disposed when
 * it closes (renderer/session/workspace.ts); panels reach it through React
 * context (`useSession`), never through module globals, so no state can
 * survive into the next project.
 */
export interface ProjectSession {
  /** Unique per window; the editor is keyed by it, so a new project mounts fresh views. */
  readonly id: number;
  readonly editor: EditorStore;
  readonly dataset: {
    readonly runtime: DatasetRuntimeStore;
    /** The decoded dataset the next run trains on. */
    readonly loaded: LoadedDatasetStore;
    readonly controller: DatasetController;
    readonly testFolderRuntime: TestFolderRuntimeStore;
    readonly testSet: TestSetStore;
    readonly testFolder: TestFolderController;
  };
  readonly training: {
    readonly store: TrainingStore;
    readonly controller: TrainingController;
  };
  readonly model: ModelStore;
  readonly importedWeights: ImportedWeightsStore;
  readonly inspect: SessionInspectClient;
  /** Writes unsaved edits and training checkpoints to the host's recovery store; null without one. */
  readonly recovery: RecoveryWriter | null;
  /** A checkpoint of a run a crash interrupted (restored projects only); cleared once resumed. */
  readonly resumeOffer: StoreApi<ResumeOffer>;
  /** Aborted when the session is disposed: long work of this project checks it. */
  readonly signal: AbortSignal;
  /** Unsaved edits, or a trained model that is not saved yet. */
  isDirty(): boolean;
  /** The trained model to save with the document, or null (none, stale, or still training). */
  modelForSave(): Promise<TrainedModelRecord | null>;
  /** Records that `record` was written with the project. */
  markModelSaved(record: TrainedModelRecord | null): void;
  /**
   * Makes a model trained elsewhere (train.py's weights, already converted to
   * TF.js files for this graph) the project's model, with its runs added to
   * the Training panel's; unsaved until the project is saved. False while a
   * run is active or when the worker could not restore it.
   */
  adoptTrainedModel(record: TrainedModelRecord): Promise<boolean>;
  /**
   * Cancels running work, stops listening to the worker, tells the worker to
   * free this project's model and data, and empties every store. The
   * project's recovery entry is deleted: a session is disposed only after the
   * user saved or chose "Don't save" (a crash disposes nothing). Resolves
   * with the worker's live tensor count after the reset.
   */
  dispose(): Promise<number>;
}

export interface SessionDeps {
  readonly id: number;
  readonly training: TrainingClient;
  /** A saved model could not be restored (the shell shows the reason). */
  readonly onRestoreFailed?: (error: {
    code: string;
    args: Readonly<Record<string, string | number>>;
  }) => void;
  /** The host's recovery store (hot exit, crash recovery); without it nothing is kept. */
  readonly recovery?: {
    readonly host: Pick<Host, 'writeRecovery' | 'discardRecovery'>;
    /** The store refused a write (e.g. `too-large`): the shell tells the user once. */
    readonly onError?: (code: string) => void;
  };
}

export function createProjectSession(project: OpenedProject, deps: SessionDeps): ProjectSession {
  const { training: client } = deps;
  const aborter = new AbortController();
  const editor = createEditorStore(project.doc, project.file);
  if (project.recovered) {
    // Recovered work is unsaved: the file (if any) still holds the older version.
    const { file } = editor.getState();
    editor.setState({ file: { ...file, savedDoc: { ...file.savedDoc } } });
  }
  const resumeOffer = createStore<ResumeOffer>()(() => ({
    checkpoint: project.recovered?.checkpoint ?? null,
  }));
  const fileOf = () => {
    const { fileId, name, displayPath } = editor.getState().file;
    return fileId === null || name === null
      ? null
      : { fileId, name, displayPath: displayPath ?? name };
  };
  const recovery: RecoveryWriter | null = deps.recovery
    ? createRecoveryWriter({
        host: deps.recovery.host,
        kind: 'project',
        ...(project.recovered ? { sessionId: project.recovered.sessionId } : {}),
        ...(deps.recovery.onError ? { onError: deps.recovery.onError } : {}),
        snapshot: () => {
          const state = editor.getState();
          if (!isDirty(state)) return null;
          return {
            title: state.file.name ?? '',
            file: fileOf(),
            contents: serializeProject(state.doc),
          };
        },
      })
    : null;
  const stopRecovery = recovery ? editor.subscribe(() => recovery.changed()) : () => undefined;
  if (project.recovered) recovery?.changed();
  const restored = project.trained?.status === 'restored' ? project.trained.record : null;
  const model = createModelStore(
    project.trained?.status === 'failed'
      ? {
          status: 'none',
          restoreError: { code: project.trained.error.code, args: project.trained.error.args },
        }
      : restored
        ? { status: 'restoring' }
        : noModel,
  );
  const trainingStore = createTrainingStore(restored ? runSeriesFromSaved(restored.runs) : []);
  const runtime = createDatasetRuntimeStore();
  const testFolderRuntime = createTestFolderRuntimeStore();
  const testSet = createTestSetStore();
  const loaded = createLoadedDatasetStore();
  const importedWeights = createImportedWeightsStore();
  const inspect = createSessionInspectClient(client, testSet);
  const testFolder = createTestFolderController({ editor, runtime: testFolderRuntime, testSet });

  /** Epochs seen per run: a run that never finished an epoch leaves no usable model. */
  const epochsSeen = new Map<number, number>();
  const onRunMessage = (message: FromWorker, startDoc: ProjectDoc): void => {
    if (!('runId' in message) || message.runId === null) return;
    const runId = message.runId;
    if (message.type === 'state' && message.status === 'compiling') {
      model.setState({ status: 'training' }, true);
      epochsSeen.set(runId, 0);
    } else if (message.type === 'epoch') {
      epochsSeen.set(runId, (epochsSeen.get(runId) ?? 0) + 1);
      inspect.bumpVersion();
    } else if (message.type === 'checkpoint' && recovery !== null) {
      const checkpoint: TrainingCheckpoint = {
        epochsDone: message.snapshot.epoch + 1,
        fingerprint: graphFingerprint(startDoc.graph),
        project: serializeProject(startDoc),
        runs: savedRunsOf(trainingStore.getState().runs),
        weights: message.snapshot.weights,
      };
      recovery.checkpoint(
        encodeTrainingCheckpoint(checkpoint),
        editor.getState().file.name ?? '',
        fileOf(),
      );
    } else if (
      message.type === 'state' &&
      (message.status === 'completed' || message.status === 'stopped')
    ) {
      const next: ModelState =
        (epochsSeen.get(runId) ?? 0) > 0
          ? {
              status: 'ready',
              origin: 'trained',
              fingerprint: graphFingerprint(startDoc.graph),
              trainedAt: new Date().toISOString(),
              dataset: startDoc.dataset,
              saved: null,
            }
          : noModel;
      model.setState(next, true);
      inspect.bumpVersion();
    } else if (message.type === 'state' && message.status === 'failed') {
      // The worker replaced its model when the run compiled: nothing usable is left.
      model.setState(noModel, true);
      inspect.bumpVersion();
    }
  };

  const trainingController = createTrainingController({
    editor,
    store: trainingStore,
    loaded,
    client,
    onRunMessage,
    checkpoints: recovery !== null,
  });

  /** A restored model gets its dataset back once the folder is loaded again, if the classes agree. */
  const attachToRestored = (dataset: TrainingDataset | null): void => {
    const state = model.getState();
    if (dataset === null || state.status !== 'ready' || state.origin !== 'restored') return;
    if (isRunActive(trainingStore.getState().machine.status)) return;
    const classes = state.dataset?.classNames ?? [];
    const same =
      classes.length === dataset.plan.classNames.length &&
      classes.every((name, i) => name === dataset.plan.classNames[i]);
    if (!same) return;
    void toDatasetPayload(dataset).then((payload) => {
      if (aborter.signal.aborted) return;
      client.attachDataset(payload);
      inspect.bumpVersion();
    });
  };

  const datasetController = createDatasetController({
    editor,
    runtime,
    loaded,
    testSet,
    testFolder,
    onLoaded: attachToRestored,
  });

  if (restored) void restoreInto(restored);

  /** `saved`: the record is what the project file holds (false for a model imported since). */
  async function restoreInto(record: TrainedModelRecord, saved = true): Promise<void> {
    const doc = editor.getState().doc;
    const { dataset } = record;
    const result = await client.restore({
      graph: doc.graph,
      training: doc.training,
      inference: {
        datasetClassCount: dataset.classNames.length > 0 ? dataset.classNames.length : null,
        vocabularySize: dataset.vocabulary?.length ?? dataset.text?.vocabularySize ?? null,
        sequenceLength: dataset.text?.sequenceLength ?? null,
      },
      files: record.files,
      dataset: {
        kind: dataset.kind,
        classNames: dataset.classNames,
        image: dataset.image,
        text: dataset.text,
        vocabulary: dataset.vocabulary,
      },
    });
    if (aborter.signal.aborted || model.getState().status !== 'restoring') return;
    if (result.ok) {
      model.setState(
        {
          status: 'ready',
          origin: 'restored',
          fingerprint: record.fingerprint,
          trainedAt: record.trainedAt,
          dataset: record.dataset,
          saved: saved ? record : null,
        },
        true,
      );
      inspect.bumpVersion();
      return;
    }
    const error = { code: result.code, args: { detail: result.detail } };
    model.setState({ status: 'none', restoreError: error }, true);
    deps.onRestoreFailed?.(error);
  }

  return {
    id: deps.id,
    editor,
    dataset: {
      runtime,
      loaded,
      controller: datasetController,
      testFolderRuntime,
      testSet,
      testFolder,
    },
    training: { store: trainingStore, controller: trainingController },
    model,
    importedWeights,
    inspect,
    recovery,
    resumeOffer,
    signal: aborter.signal,

    isDirty() {
      const state = model.getState();
      const unsavedModel =
        state.status === 'ready' &&
        state.saved === null &&
        !isStale(state, editor.getState().doc.graph);
      return isDirty(editor.getState()) || unsavedModel;
    },

    async modelForSave() {
      const state = model.getState();
      const doc = editor.getState().doc;
      if (state.status !== 'ready' || isStale(state, doc.graph)) return null;
      if (state.saved !== null) return state.saved;
      const reply = await inspect.request({ type: 'modelFiles' });
      if (!reply.ok) return null;
      const dataset = state.dataset ?? doc.dataset;
      if (dataset === null) return null;
      return {
        fingerprint: state.fingerprint,
        trainedAt: state.trainedAt,
        dataset,
        runs: savedRunsOf(trainingStore.getState().runs),
        files: reply.value,
      };
    },

    async adoptTrainedModel(record) {
      if (isRunActive(trainingStore.getState().machine.status)) return false;
      const runs = trainingStore.getState().runs;
      // Saved runs have negative ids; the new ones go below every id in use.
      const lowest = Math.min(0, ...runs.map((r) => r.runId));
      const added = runSeriesFromSaved(record.runs).map((r, i) => ({
        ...r,
        runId: lowest - 1 - i,
      }));
      trainingStore.setState({ runs: [...runs, ...added] });
      model.setState({ status: 'restoring' }, true);
      await restoreInto(record, false);
      return model.getState().status === 'ready';
    },

    markModelSaved(record) {
      const state = model.getState();
      if (record === null || state.status !== 'ready' || state.fingerprint !== record.fingerprint)
        return;
      model.setState({ ...state, saved: record }, true);
    },

    async dispose() {
      if (aborter.signal.aborted) return client.reset();
      aborter.abort();
      stopRecovery();
      const discarded = recovery?.discard();
      recovery?.dispose();
      datasetController.dispose();
      testFolder.dispose();
      trainingController.dispose();
      inspect.dispose();
      // Drop references to decoded data and run series now, not when the last closure goes.
      loaded.setState({ dataset: null }, true);
      testSet.setState({ testSet: null, lastId: 0 }, true);
      importedWeights.setState({ graph: null, weights: null }, true);
      trainingStore.setState({ runs: [], runId: null, progress: null }, false);
      model.setState(noModel, true);
      resumeOffer.setState({ checkpoint: null });
      // The reset is sent now (the next session's messages must come after it); the discard may finish later.
      const tensors = client.reset();
      await discarded;
      return tensors;
    },
  };
}
