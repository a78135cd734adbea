import {
  applyTorchWeights,
  compileGraph,
  defaultShardBytes,
  initBackend,
  saveToArtifacts,
  tfjsModelFiles,
  validateGraph,
} from '@core';

import type { TorchWeightsDone, TorchWeightsJob, WorkerReply } from './export-protocol';

/**
 * The export worker's half of "Import weights trained elsewhere…": compiles
 * the current graph, puts train.py's weights.npz into it (checked entry by
 * entry by core's `applyTorchWeights`), and returns the model as the TF.js
 * folder a trained model is kept as. A refusal carries core's message code
 * and arguments, so the panel words it in the UI language.
 */
export async function runTorchWeights(
  job: TorchWeightsJob,
): Promise<WorkerReply<TorchWeightsDone>> {
  await initBackend('cpu');
  let model;
  try {
    model = compileGraph(job.graph, {
      diagnostics: validateGraph(job.graph),
      inference: job.inference,
    });
  } catch (e) {
    return {
      ok: false,
      error: { code: 'export-graph-invalid', message: e instanceof Error ? e.message : String(e) },
    };
  }
  try {
    const applied = await applyTorchWeights(model, job.npz);
    if (!applied.ok)
      return {
        ok: false,
        error: {
          code: applied.error.code,
          message: applied.error.message,
          args: applied.error.args,
        },
      };
    const files = tfjsModelFiles(
      await saveToArtifacts(model),
      { labels: [...job.labels] },
      defaultShardBytes,
    );
    return { ok: true, value: { modelFiles: files } };
  } finally {
    model.dispose();
  }
}
