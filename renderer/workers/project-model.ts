/**
 * Worker-side glue for a trained model saved with its project: rebuilds the
 * model of the project's graph and loads the saved weights into it, checked
 * layer by layer (names and shapes). All checks are core's
 * (`readModelFolder`, `applyWeightSet`); this file only maps their failures
 * to the project's reasons (core/io/trained-model) and describes what
 * inspection can do without samples.
 */
import {
  applyWeightSet,
  compileGraph,
  groupWeightsByLayer,
  readModelFolder,
  validateGraph,
  type CompiledModel,
  type InspectSamples,
} from '@core';

import type { InspectData } from './inspect-handlers';
import type { RestoreRequest, RestoreResult } from './training-protocol';

/** Builds the project's model and loads its saved weights; never throws. */
export function restoreModel(
  request: RestoreRequest,
): { readonly ok: true; readonly model: CompiledModel } | (RestoreResult & { ok: false }) {
  const folder = readModelFolder(request.files);
  if (!folder.ok) return { ok: false, code: 'trained-model-damaged', detail: folder.error.code };
  let model: CompiledModel;
  try {
    const diagnostics = validateGraph(request.graph, {
      training: request.training,
      dataset: { classCount: request.dataset.classNames.length },
    });
    model = compileGraph(request.graph, { diagnostics, inference: request.inference });
  } catch (error) {
    return {
      ok: false,
      code: 'trained-model-other-graph',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const weights = groupWeightsByLayer(
    folder.value.weights.weights,
    model.layers.map((l) => l.name),
  );
  const applied = applyWeightSet(model, weights);
  if (!applied.ok) {
    model.dispose();
    return {
      ok: false,
      code: 'trained-model-wrong-shape',
      detail: applied.error.subject ?? applied.error.code,
    };
  }
  return { ok: true, model };
}

/**
 * What inspection knows of a restored model before its dataset is loaded
 * again: the class names and how new images or texts are prepared, but no
 * samples (Predict on a dropped image or typed text works; Evaluation waits
 * for the dataset folder).
 */
export function inspectDataWithoutSamples(dataset: RestoreRequest['dataset']): InspectData {
  const samples: InspectSamples = {
    kind: dataset.kind,
    classNames: dataset.classNames,
    sampleShape: [],
    count: 0,
    labels: new Int32Array(0),
    xs: dataset.kind === 'text' ? new Int32Array(0) : new Float32Array(0),
    raw: dataset.kind === 'text' ? new Int32Array(0) : new Uint8Array(0),
    vocabulary: dataset.vocabulary,
  };
  return {
    samples,
    image: dataset.kind === 'image' ? dataset.image : null,
    text:
      dataset.kind === 'text' && dataset.text !== null && dataset.vocabulary !== null
        ? { options: dataset.text, vocabulary: dataset.vocabulary }
        : null,
  };
}
