/**
 * Worker-side glue of inspection: turns an `InspectRequest` into core calls
 * on the worker's trained model and returns plain data. All computation is in
 * core/inspect; this file only resolves samples and catches errors.
 *
 * The training worker (training-session.ts) forwards every
 * `{ type: 'inspect', id, request }` message here with the model it holds (or
 * null before any run) and the run's validation samples, gathered once with
 * `gatherSamples`, and replies `{ type: 'inspect-result', id, result }`.
 * The separate test folder arrives by its own request (`setTestSet`, sent by
 * the UI before the first test evaluation) and is kept here, apart from the
 * session, so training never sees it.
 */
import type { CompiledModel, ImageOptions, InspectSamples, TextOptions } from '@core';
import {
  computeFeatureMaps,
  convFilters,
  createMemorySampleStore,
  describeLayers,
  effectiveReceptiveField,
  embeddingVectors,
  evaluateModel,
  gatherSamples,
  imageInput,
  imageSampleSource,
  InspectError,
  predictSample,
  preActivationStats,
  recurrentGates,
  saliencyMap,
  sampleInput,
  samplesSource,
  samplesFromArrays,
  sampleView,
  saveToArtifacts,
  textInput,
  tfjsModelFiles,
} from '@core';

import type {
  EvaluationSource,
  InspectFailureCode,
  InspectRequest,
  InspectResponses,
  InspectResult,
  ResolvedSample,
  SampleRef,
} from './inspect-protocol';
import { readsTestSet } from './inspect-protocol';
import type { DatasetPayload } from './training-protocol';

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

/**
 * The separate test folder's samples, as the UI last sent them (`setTestSet`).
 * Module state, so one copy per worker that outlives runs: the test set does
 * not depend on the model, and the training session never sees it.
 */
let testSet: { readonly id: number; readonly samples: Promise<InspectSamples> } | null = null;

/** Drops the test set (the project session that sent it closed). */
export function forgetTestSet(): void {
  testSet = null;
}

/** Builds the test samples exactly like the run's validation samples (same normalisation, no augmentation). */
function testSamplesFrom(payload: DatasetPayload): Promise<InspectSamples> {
  const source =
    payload.kind === 'image'
      ? imageSampleSource({
          store: createMemorySampleStore(
            payload.count,
            payload.pixels.length / Math.max(1, payload.count),
            payload.pixels,
          ),
          labels: payload.labels,
          classCount: payload.classNames.length,
          options: payload.options,
          seed: 0,
        })
      : samplesFromArrays({
          values: payload.tokens,
          sampleShape: [payload.sequenceLength],
          labels: payload.labels,
          numClasses: payload.classNames.length,
          dtype: 'int32',
        });
  return gatherSamples(source, {
    classNames: payload.classNames,
    validation: null,
    image: payload.kind === 'image' ? payload.options : null,
    text:
      payload.kind === 'text' && payload.textOptions && payload.vocabulary
        ? { options: payload.textOptions, vocabulary: payload.vocabulary }
        : null,
  });
}

function needSamples(data: InspectData | null): InspectSamples {
  if (!data) throw new WorkerFailure('no-dataset', 'no dataset is attached');
  return data.samples;
}

async function needTestSamples(): Promise<InspectSamples> {
  if (!testSet) throw new WorkerFailure('no-test-set', 'no test folder has been loaded');
  return testSet.samples;
}

/** The evaluation samples of `source` (validation split by default). */
async function samplesOf(
  source: EvaluationSource | undefined,
  data: InspectData | null,
): Promise<InspectSamples> {
  return source === 'test' ? needTestSamples() : needSamples(data);
}

function resolveSample(
  ref: SampleRef,
  data: InspectData | null,
  test: InspectSamples | null,
): ResolvedSample {
  switch (ref.source) {
    case 'validation':
    case 'test': {
      const s = ref.source === 'test' && test ? test : needSamples(data);
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
  const test = readsTestSet(request) ? await needTestSamples() : null;
  const classNames = data?.samples.classNames ?? test?.classNames ?? [];
  switch (request.type) {
    case 'layers':
      return {
        layers: describeLayers(model),
        classNames,
        sampleCount: data?.samples.count ?? 0,
        kind: data?.samples.kind ?? null,
      };
    case 'featureMaps': {
      const sample = resolveSample(request.sample, data, test);
      return { sample, maps: computeFeatureMaps(model, sample.input, request.layers) };
    }
    case 'effectiveField': {
      const sample = resolveSample(request.sample, data, test);
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
        samplesSource(await samplesOf(request.source, data)),
        request.mistakeLimit === undefined ? {} : { mistakeLimit: request.mistakeLimit },
      );
    case 'samples': {
      const s = await samplesOf(request.source, data);
      return request.indices
        .filter((i) => Number.isInteger(i) && i >= 0 && i < s.count)
        .map((i) => sampleView(s, i));
    }
    case 'saliency': {
      const sample = resolveSample(request.sample, data, test);
      return {
        sample,
        map: saliencyMap(model, sample.input, request.classIndex),
        prediction: predictSample(model, sample.input, classNames),
      };
    }
    case 'predict': {
      const sample = resolveSample(request.sample, data, test);
      return { sample, prediction: predictSample(model, sample.input, classNames) };
    }
    case 'setTestSet':
      return setTestSet(request.id, request.payload);
    case 'modelFiles':
      return tfjsModelFiles(await saveToArtifacts(model), {});
    case 'recurrentGates': {
      const sample = resolveSample(request.sample, data, test);
      const gates = recurrentGates(model, request.layer, sample.input);
      const vocabulary = data?.text?.vocabulary ?? [];
      const tokens = gates.inputIds.map((id) => vocabulary[id] ?? `#${id}`);
      return { gates, tokens, classNames };
    }
    case 'embeddingVectors': {
      if (!data?.text) throw new WorkerFailure('no-dataset', 'the text vocabulary is unknown');
      return embeddingVectors(model, request.layer, data.text.vocabulary);
    }
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

/** Replaces (or, with null, drops) the worker's test set. */
async function setTestSet(
  id: number,
  payload: DatasetPayload | null,
): Promise<InspectResponses['setTestSet']> {
  if (payload === null) {
    testSet = null;
    return { id, count: 0 };
  }
  const samples = testSamplesFrom(payload);
  testSet = { id, samples };
  return { id, count: (await samples).count };
}

const requestTypes: ReadonlySet<string> = new Set<InspectRequest['type']>([
  'layers',
  'featureMaps',
  'effectiveField',
  'filters',
  'evaluate',
  'samples',
  'setTestSet',
  'saliency',
  'predict',
  'preActivations',
  'modelFiles',
  'recurrentGates',
  'embeddingVectors',
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
  // The test set can arrive before any model exists: it does not depend on one.
  const noModel: InspectResult<unknown> = {
    ok: false,
    error: { code: 'no-model', message: 'train the network first' },
  };
  const storesTestSet = isRequest(request) && request.type === 'setTestSet';
  if (!model && !storesTestSet) return noModel;
  if (!isRequest(request))
    return { ok: false, error: { code: 'internal', message: 'malformed inspect request' } };
  try {
    if (request.type === 'setTestSet')
      return { ok: true, value: await setTestSet(request.id, request.payload) };
    if (!model) return noModel;
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
