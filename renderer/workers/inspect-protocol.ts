/**
 * Messages between the inspection UI and the training worker. The worker
 * forwards `{type: 'inspect', id, request}` to `handleInspectRequest`
 * (inspect-handlers.ts) and replies `{type: 'inspect-result', id, result}`.
 * Everything here is structured-clone data: typed arrays and plain objects,
 * never tensors.
 */
import type {
  ArrayND,
  ConvFilters,
  EffectiveField,
  EvaluationReport,
  InspectErrorCode,
  LayerActivation,
  LayerInfo,
  PreActivationStats,
  Prediction,
  RecurrentGates,
  SaliencyMap,
  SampleView,
  WordVectors,
} from '@core';

import type { DatasetPayload } from './training-protocol';

/** The samples an evaluation runs on: the run's validation split, or the separate test folder. */
export type EvaluationSource = 'validation' | 'test';

/** Which sample to inspect: one of the validation split or test set, a dropped/drawn image, typed text, or a ready model input. */
export type SampleRef =
  | { readonly source: 'validation'; readonly index: number }
  | { readonly source: 'test'; readonly index: number }
  | {
      readonly source: 'image';
      readonly rgba: Uint8ClampedArray;
      readonly width: number;
      readonly height: number;
    }
  | { readonly source: 'text'; readonly text: string }
  | { readonly source: 'input'; readonly input: ArrayND };

/** Every inspection request, by `type`. */
export type InspectRequest =
  | { readonly type: 'layers' }
  | {
      readonly type: 'featureMaps';
      readonly sample: SampleRef;
      readonly layers?: readonly string[];
    }
  | {
      readonly type: 'effectiveField';
      readonly sample: SampleRef;
      readonly layer: string;
      readonly unit: readonly number[];
    }
  | { readonly type: 'filters'; readonly layer: string }
  | {
      readonly type: 'evaluate';
      readonly mistakeLimit?: number;
      /** Default `validation`. */
      readonly source?: EvaluationSource;
    }
  | {
      readonly type: 'samples';
      readonly indices: readonly number[];
      readonly source?: EvaluationSource;
    }
  /**
   * Hands the worker the test folder's samples (labels in the training class
   * order), shaped like the training payload; `id` names this copy so the UI
   * sends it once. Kept until replaced; never used for training.
   */
  | { readonly type: 'setTestSet'; readonly id: number; readonly payload: DatasetPayload | null }
  | { readonly type: 'saliency'; readonly sample: SampleRef; readonly classIndex: number }
  | { readonly type: 'predict'; readonly sample: SampleRef }
  | { readonly type: 'preActivations'; readonly layer: string; readonly sampleCount?: number }
  | { readonly type: 'modelFiles' }
  /** Gates, cell and hidden state of an LSTM/GRU layer over a sample (typed text). */
  | { readonly type: 'recurrentGates'; readonly layer: string; readonly sample: SampleRef }
  /** An Embedding layer's table as word vectors named by the dataset's vocabulary. */
  | { readonly type: 'embeddingVectors'; readonly layer: string };

/** Whether a request reads the test set (the UI makes sure the worker has it first). */
export function readsTestSet(request: InspectRequest): boolean {
  if ('sample' in request) return request.sample.source === 'test';
  return (request.type === 'evaluate' || request.type === 'samples') && request.source === 'test';
}

/** A sample as the model saw it (input) and as the student sees it (view). */
export interface ResolvedSample {
  readonly input: ArrayND;
  readonly view: SampleView | null;
}

/** The value each request type answers with. */
export interface InspectResponses {
  readonly layers: {
    readonly layers: readonly LayerInfo[];
    readonly classNames: readonly string[];
    readonly sampleCount: number;
    readonly kind: 'image' | 'text' | null;
  };
  readonly featureMaps: {
    readonly sample: ResolvedSample;
    readonly maps: readonly LayerActivation[];
  };
  readonly effectiveField: { readonly sample: ResolvedSample; readonly field: EffectiveField };
  readonly filters: ConvFilters;
  readonly evaluate: EvaluationReport;
  readonly samples: readonly SampleView[];
  readonly setTestSet: { readonly id: number; readonly count: number };
  readonly saliency: {
    readonly sample: ResolvedSample;
    readonly map: SaliencyMap;
    readonly prediction: Prediction;
  };
  readonly predict: { readonly sample: ResolvedSample; readonly prediction: Prediction };
  readonly preActivations: PreActivationStats;
  /** The trained model as a TF.js model folder (model.json + shards), for the Export panel. */
  readonly modelFiles: Readonly<Record<string, Uint8Array | string>>;
  readonly recurrentGates: {
    readonly gates: RecurrentGates;
    /** The vocabulary word of each kept step (`inputIds`), or `#id`; empty when steps are not tokens. */
    readonly tokens: readonly string[];
    readonly classNames: readonly string[];
  };
  readonly embeddingVectors: WordVectors;
}

export type InspectRequestType = InspectRequest['type'];
export type InspectResponse<T extends InspectRequestType> = InspectResponses[T];

/** Failure codes: core's inspection codes plus the worker's own. */
export type InspectFailureCode =
  InspectErrorCode | 'no-model' | 'no-dataset' | 'no-test-set' | 'sample-out-of-range' | 'internal';

/** What the worker sends back; never throws across the boundary. */
export type InspectResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: { readonly code: InspectFailureCode; readonly message: string };
    };

/** Envelope the UI posts to the worker. */
export interface InspectMessage {
  readonly type: 'inspect';
  readonly id: number;
  readonly request: InspectRequest;
}

/** Envelope the worker posts back. */
export interface InspectResultMessage {
  readonly type: 'inspect-result';
  readonly id: number;
  readonly result: InspectResult<unknown>;
}
