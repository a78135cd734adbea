import type { GraphDoc, OnnxStatus, ParityReport, PytorchStatus } from '@core';

import type { Host, HostError } from '@core';
import type { ProjectSession } from '../../session/project-session';
import type { DocCommand } from '../../state/editor-store';
import { readableLayout } from '../../state/graph-ops';
import { askConfirm } from '../../ui/confirm-store';
import type { ExportClient } from './export-client';
import type { FileMap, ImportDone, WorkerFailure } from './export-protocol';
import { gatherExportJob } from './gather-export';

/** What the panel shows after an export attempt. */
export type ExportOutcome =
  | {
      readonly status: 'written';
      readonly displayPath: string;
      readonly parity: ParityReport;
      readonly samples: 'validation' | 'generated';
      readonly trained: boolean;
      readonly pytorch: PytorchStatus;
      readonly onnx: OnnxStatus;
    }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly error: WorkerFailure }
  | { readonly status: 'host-failed'; readonly error: HostError };

export type ExportPhase = 'gathering' | 'exporting' | 'writing';

/** Writes a file map as an export folder, asking before replacing an existing one. */
export async function writeFolder(
  host: Host,
  suggestedName: string,
  files: FileMap,
): Promise<{ ok: true; displayPath: string } | { ok: false; error: HostError }> {
  let result = await host.writeExportFolder({ suggestedName, files, overwrite: false });
  if (!result.ok && result.error.code === 'already-exists') {
    const answer = await askConfirm({
      titleKey: 'export:overwrite.title',
      messageKey: 'export:overwrite.message',
      values: { name: suggestedName },
      confirmKey: 'export:overwrite.confirm',
      cancelKey: 'export:overwrite.cancel',
    });
    if (answer !== 'confirm')
      return { ok: false, error: { code: 'cancelled', message: 'kept the earlier export' } };
    result = await host.writeExportFolder({ suggestedName, files, overwrite: true });
  }
  return result.ok
    ? { ok: true, displayPath: result.value.displayPath }
    : { ok: false, error: result.error };
}

/**
 * The Export button: gathers the trained model (or the graph), builds and
 * checks the folder in the export worker, adds the diagram, and writes it
 * through the host. Never throws; the outcome is shown in the panel.
 */
export async function exportProject(
  host: Host,
  session: ProjectSession,
  exportClient: ExportClient,
  options: {
    readonly name: string;
    readonly appVersion: string;
    readonly extraFiles: () => Promise<FileMap>;
    readonly onPhase: (phase: ExportPhase) => void;
  },
): Promise<ExportOutcome> {
  options.onPhase('gathering');
  const job = await gatherExportJob(session, options.name, options.appVersion);
  // The project was closed meanwhile: its export is cancelled, never written from what is left.
  if (session.signal.aborted) return { status: 'cancelled' };
  if (job === null)
    return {
      status: 'failed',
      error: { code: 'export-model-unreadable', message: 'the trained model could not be read' },
    };
  options.onPhase('exporting');
  const reply = await exportClient.exportModel(job);
  if (!reply.ok) return { status: 'failed', error: reply.error };
  if (session.signal.aborted) return { status: 'cancelled' };
  options.onPhase('writing');
  const files = { ...reply.value.files, ...(await options.extraFiles()) };
  const written = await writeFolder(host, options.name, files);
  if (!written.ok)
    return written.error.code === 'cancelled'
      ? { status: 'cancelled' }
      : { status: 'host-failed', error: written.error };
  const { parity, samples, pytorch, onnx } = reply.value;
  return {
    status: 'written',
    displayPath: written.displayPath,
    parity,
    samples,
    trained: job.source.kind === 'trained',
    pytorch,
    onnx,
  };
}

/** The imported graph replaces the canvas's, laid out top to bottom as the canvas draws data flow. */
const replaceGraph: DocCommand<GraphDoc> = (doc, graph) => ({
  ...doc,
  graph: readableLayout(graph),
});

/** Reads chosen files (model.json, shards, metadata.json) into a file map keyed by file name. */
export async function readChosenFiles(
  list: FileList | readonly File[],
): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const file of Array.from(list)) files[file.name] = new Uint8Array(await file.arrayBuffer());
  return files;
}

/**
 * Imports a model folder: the worker validates it, rebuilds it as a graph and
 * proves it predicts identically; the graph replaces the canvas (one undo
 * step) and its weights wait in the imported-weights store for training.
 */
export async function importModel(
  session: ProjectSession,
  exportClient: ExportClient,
  files: FileMap,
): Promise<{ ok: true; value: ImportDone } | { ok: false; error: WorkerFailure }> {
  const reply = await exportClient.importModel(files);
  if (!reply.ok) return reply;
  const store = session.editor;
  const outcome = store.getState().apply(replaceGraph, reply.value.graph);
  if (!outcome.ok)
    return { ok: false, error: { code: 'import-bad-topology', message: outcome.diagnostic.code } };
  // Framed like a newly opened project (GraphCanvas frames each load at a readable zoom).
  store.setState((s) => ({ loadCount: s.loadCount + 1 }));
  session.importedWeights.setState({
    graph: store.getState().doc.graph,
    weights: reply.value.weights,
  });
  return reply;
}
