import { graphFingerprint, parseTorchRun, type DatasetConfig } from '@core';

import type { ExportClient } from './export-client';
import type { FileMap, WorkerFailure } from './export-protocol';
import type { ProjectSession } from '../../session/project-session';

/** What became of an import; the section words each case. */
export type TorchImportOutcome =
  | {
      readonly status: 'done';
      readonly epochs: number;
      readonly processes: number;
      readonly valAccuracy: number | null;
    }
  | { readonly status: 'missing'; readonly file: string }
  | { readonly status: 'no-dataset' }
  | {
      readonly status: 'other-classes';
      readonly trained: readonly string[];
      readonly project: readonly string[];
    }
  | {
      readonly status: 'refused';
      readonly code: string;
      readonly args: Readonly<Record<string, string | number>>;
    }
  | { readonly status: 'failed'; readonly error: WorkerFailure }
  | { readonly status: 'busy' };

/** A chosen file's text (train.py writes its JSON as UTF-8). */
const decodeText = (value: Uint8Array | string): string =>
  typeof value === 'string' ? value : new TextDecoder('utf-8').decode(value);

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Loads the output of the exported train.py into the project: the run record
 * is read (core's `parseTorchRun`), its classes must be the project's, the
 * export worker converts and checks the weights for the current graph, and
 * the session adopts the model with its run (unsaved until the project is saved).
 */
export async function importTorchTraining(
  session: ProjectSession,
  exportClient: ExportClient,
  files: FileMap,
  options: { readonly runLabel: (processes: number) => string },
): Promise<TorchImportOutcome> {
  const npzName = Object.keys(files).find((name) => name.endsWith('.npz'));
  const npz = npzName === undefined ? undefined : files[npzName];
  if (npz === undefined || typeof npz === 'string')
    return { status: 'missing', file: 'weights.npz' };
  const metrics = files['train-metrics.json'];
  if (metrics === undefined) return { status: 'missing', file: 'train-metrics.json' };
  const run = parseTorchRun(decodeText(metrics), options.runLabel);
  if (!run.ok)
    return { status: 'refused', code: 'torch-run-unreadable', args: { detail: run.error } };

  const doc = session.editor.getState().doc;
  const state = session.model.getState();
  const dataset: DatasetConfig | null =
    (state.status === 'ready' ? state.dataset : null) ?? doc.dataset;
  if (dataset === null) return { status: 'no-dataset' };
  if (!sameList(dataset.classNames, run.value.labels))
    return { status: 'other-classes', trained: run.value.labels, project: dataset.classNames };

  const reply = await exportClient.torchWeights({
    graph: doc.graph,
    inference: {
      datasetClassCount: dataset.classNames.length,
      vocabularySize: dataset.vocabulary?.length ?? dataset.text?.vocabularySize ?? null,
      sequenceLength: dataset.text?.sequenceLength ?? null,
    },
    npz,
    labels: dataset.classNames,
  });
  if (!reply.ok)
    return reply.error.code.startsWith('torch-weights-')
      ? { status: 'refused', code: reply.error.code, args: reply.error.args ?? {} }
      : { status: 'failed', error: reply.error };
  const adopted = await session.adoptTrainedModel({
    fingerprint: graphFingerprint(doc.graph),
    trainedAt: run.value.finishedAt,
    dataset,
    runs: [run.value.run],
    files: reply.value.modelFiles,
  });
  if (!adopted) return { status: 'busy' };
  const last = run.value.run.epochs[run.value.run.epochs.length - 1];
  return {
    status: 'done',
    epochs: run.value.run.epochs.length,
    processes: run.value.processes,
    valAccuracy: last?.valAccuracy ?? null,
  };
}
