import {
  compileGraph,
  exportWithParity,
  generateSamples,
  initBackend,
  loadModelFolder,
  validateGraph,
  verifyImport,
  type ExportInfo,
} from '@core';

import type { ExportDone, ExportJob, FileMap, ImportDone, WorkerReply } from './export-protocol';

/** How many generated inputs the parity check uses when no validation samples are given. */
export const generatedSampleCount = 32;

let backendReady: Promise<unknown> | null = null;

/**
 * The export worker's logic, separate from `export.worker.ts` so tests run it
 * directly. Runs on TF.js's CPU backend: exports are about exact numbers, and
 * the CPU backend gives the same ones in the app, in Node and in tests.
 */
function ready(): Promise<unknown> {
  backendReady ??= initBackend('cpu');
  return backendReady;
}

async function fetchBytes(
  url: string | null,
  fetchImpl: typeof fetch,
): Promise<Uint8Array | undefined> {
  if (url === null) return undefined;
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`could not read the TF.js bundle (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The model knows its own input shape and class count; labels default to
 * `class_0…` when no dataset names them (an untrained graph export).
 */
function completeInfo(
  info: ExportInfo,
  model: {
    inputs: readonly { shape: readonly (number | null)[] }[];
    outputs: readonly { shape: readonly (number | null)[] }[];
  },
): ExportInfo {
  const inputShape = model.inputs[0]?.shape ?? info.inputShape;
  const outShape = model.outputs[0]?.shape ?? [];
  const units = outShape[outShape.length - 1] ?? 0;
  const labels =
    info.labels.length > 0 ? info.labels : Array.from({ length: units }, (_, i) => `class_${i}`);
  return { ...info, inputShape: [...inputShape], labels };
}

/** Builds the export folder of a trained model (or of the graph, untrained) and checks it against the original. */
export async function runExport(
  job: ExportJob,
  fetchImpl: typeof fetch = fetch,
): Promise<WorkerReply<ExportDone>> {
  await ready();
  let model;
  if (job.source.kind === 'trained') {
    const loaded = await loadModelFolder(job.source.modelFiles);
    if (!loaded.ok) return { ok: false, error: loaded.error };
    model = loaded.value;
  } else {
    const diagnostics = validateGraph(job.source.graph);
    try {
      model = compileGraph(job.source.graph, { diagnostics, inference: job.source.inference });
    } catch (e) {
      return {
        ok: false,
        error: {
          code: 'export-graph-invalid',
          message: e instanceof Error ? e.message : String(e),
        },
      };
    }
  }
  try {
    const tfjsBundle = await fetchBytes(job.tfjsBundleUrl, fetchImpl);
    const samples = job.check?.samples ?? generateSamples(model, generatedSampleCount);
    const result = await exportWithParity(model, completeInfo(job.info, model), samples, {
      ...(tfjsBundle === undefined ? {} : { tfjsBundle }),
      ...(job.check === null ? {} : { reference: job.check.reference }),
    });
    if (!result.ok) return { ok: false, error: result.error };
    const { bundle, parity } = result.value;
    return {
      ok: true,
      value: {
        files: bundle.files,
        pytorch: bundle.pytorch,
        onnx: bundle.onnx,
        parity,
        samples: job.check === null ? 'generated' : 'validation',
      },
    };
  } catch (e) {
    return {
      ok: false,
      error: { code: 'export-failed', message: e instanceof Error ? e.message : String(e) },
    };
  } finally {
    model.dispose();
  }
}

/** Imports a model folder as a graph and proves it predicts like the files. */
export async function runImport(files: FileMap): Promise<WorkerReply<ImportDone>> {
  await ready();
  const result = await verifyImport(files);
  if (!result.ok) return { ok: false, error: result.error };
  const { imported, parity } = result.value;
  return {
    ok: true,
    value: { graph: imported.doc, labels: imported.labels, weights: imported.weights, parity },
  };
}
