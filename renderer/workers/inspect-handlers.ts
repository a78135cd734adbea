/**
 * Worker-side glue of inspection: turns an `InspectRequest` into core calls
 * on the worker's trained model and returns plain data. All computation is in
 * core/inspect; this file only resolves samples and catches errors.
 *
 * The training worker (training-session.ts) forwards every
 * `{ type: 'inspect', id, request }` message here with the model it holds (or
 * null before any run) and the run's validation samples, gathered once with
 * `gatherSamples`, and replies `{ type: 'inspect-result', id, result }`.
 */
import type { CompiledModel, ImageOptions, InspectSamples, TextOptions } from '@core';
import {
  computeFeatureMaps,
  convFilters,
  describeLayers,
  effectiveReceptiveField,
  evaluateModel,
  imageInput,
  InspectError,
  predictSample,
  preActivationStats,
  saliencyMap,
  sampleInput,
  samplesSource,
  sampleView,
  saveToArtifacts,
  textInput,
  tfjsModelFiles,
} from '@core';

import type {
  InspectFailureCode,
  InspectRequest,
  InspectResponses,
  InspectResult,
  ResolvedSample,
  SampleRef,
} from './inspect-protocol';

/** What the worker knows besides the model: the validation samples and the preprocessing of new inputs. */
export interface InspectData {
  readonly samples: InspectSamples;
  /** Image preprocessing (for dropped and drawn images), null for text datasets. */
  readonly image: ImageOptions | null;
  /** Text preprocessing and vocabulary (for typed text), null for image datasets or when unknown. */
  readonly text: { readonly options: TextOptions; readonly vocabulary: readonly string[] } | null;
}

class WorkerFailure extends Error {
  constructor(
    readonly code: InspectFailureCode,
    message: string,
  ) {
    super(message);
  }
}

function needSamples(data: InspectData | null): InspectSamples {
  if (!data) throw new WorkerFailure('no-dataset', 'no dataset is attached');
  return data.samples;
}

function resolveSample(ref: SampleRef, data: InspectData | null): ResolvedSample {
  switch (ref.source) {
    case 'validation': {
      const s = needSamples(data);
      if (!Number.isInteger(ref.index) || ref.index < 0 || ref.index >= s.count) {
        throw new WorkerFailure(
          'sample-out-of-range',
          `sample ${ref.index} does not exist (the split has ${s.count})`,
        );
      }
      return { input: sampleInput(s, ref.index), view: sampleView(s, ref.index) };
    }
    case 'image': {
      if (!data?.image)
        throw new WorkerFailure('no-dataset', 'the image preprocessing settings are unknown');
      const { input, pixels } = imageInput(ref.rgba, ref.width, ref.height, data.image);
      const [height = 1, width = 1, channels = 1] = input.shape;
      return {
        input,
        view: { index: -1, label: -1, image: { pixels, width, height, channels }, text: null },
      };
    }
    case 'text': {
      if (!data?.text) throw new WorkerFailure('no-dataset', 'the text vocabulary is unknown');
      return {
        input: textInput(ref.text, data.text.options, data.text.vocabulary),
        view: { index: -1, label: -1, image: null, text: ref.text },
      };
    }
    case 'input':
      return { input: ref.input, view: null };
  }
}

async function answer(
  model: CompiledModel,
  request: InspectRequest,
  data: InspectData | null,
): Promise<InspectResponses[InspectRequest['type']]> {
  const classNames = data?.samples.classNames ?? [];
  switch (request.type) {
    case 'layers':
      return {
        layers: describeLayers(model),
        classNames,
        sampleCount: data?.samples.count ?? 0,
        kind: data?.samples.kind ?? null,
      };
    case 'featureMaps': {
      const sample = resolveSample(request.sample, data);
      return { sample, maps: computeFeatureMaps(model, sample.input, request.layers) };
    }
    case 'effectiveField': {
      const sample = resolveSample(request.sample, data);
      return {
        sample,
        field: effectiveReceptiveField(model, sample.input, request.layer, request.unit),
      };
    }
    case 'filters':
      return convFilters(model, request.layer);
    case 'evaluate':
      return evaluateModel(
        model,
        samplesSource(needSamples(data)),
        request.mistakeLimit === undefined ? {} : { mistakeLimit: request.mistakeLimit },
      );
    case 'samples': {
      const s = needSamples(data);
      return request.indices
        .filter((i) => Number.isInteger(i) && i >= 0 && i < s.count)
        .map((i) => sampleView(s, i));
    }
    case 'saliency': {
      const sample = resolveSample(request.sample, data);
      return {
        sample,
        map: saliencyMap(model, sample.input, request.classIndex),
        prediction: predictSample(model, sample.input, classNames),
      };
    }
    case 'predict': {
      const sample = resolveSample(request.sample, data);
      return { sample, prediction: predictSample(model, sample.input, classNames) };
    }
    case 'modelFiles':
      return tfjsModelFiles(await saveToArtifacts(model), {});
    case 'preActivations': {
      const s = needSamples(data);
      const n = Math.max(1, Math.min(s.count, request.sampleCount ?? 64));
      const size = s.sampleShape.reduce((a, b) => a * b, 1);
      return preActivationStats(model, request.layer, {
        values: Float32Array.from(s.xs.subarray(0, n * size)),
        shape: [n, ...s.sampleShape],
      });
    }
  }
}

const requestTypes: ReadonlySet<string> = new Set<InspectRequest['type']>([
  'layers',
  'featureMaps',
  'effectiveField',
  'filters',
  'evaluate',
  'samples',
  'saliency',
  'predict',
  'preActivations',
  'modelFiles',
]);

function isRequest(value: unknown): value is InspectRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    requestTypes.has(String((value as { type?: unknown }).type))
  );
}

/**
 * Answers one inspection request. Never throws: failures come back as
 * `{ok: false, error: {code, message}}` so the UI can word them by code.
 * `model` null means no trained model yet (`no-model`); `data` null, no dataset.
 */
export async function handleInspectRequest(
  model: CompiledModel | null,
  request: unknown,
  data: InspectData | null,
): Promise<InspectResult<unknown>> {
  if (!model) return { ok: false, error: { code: 'no-model', message: 'train the network first' } };
  if (!isRequest(request))
    return { ok: false, error: { code: 'internal', message: 'malformed inspect request' } };
  try {
    return { ok: true, value: await answer(model, request, data) };
  } catch (error) {
    if (error instanceof InspectError || error instanceof WorkerFailure)
      return { ok: false, error: { code: error.code, message: error.message } };
    console.error('inspect request failed', request.type, error);
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
