import type {
  BackendChoice,
  BackendInfo,
  BatchMetrics,
  EngineBuild,
  EngineChoice,
  EpochMetrics,
  GraphDoc,
  ImageOptions,
  InferenceContext,
  TextOptions,
  TrainingConfig,
  TrainOutcome,
  WeightSnapshot,
} from '@core';

/**
 * The typed message protocol between the UI and the training worker.
 * Everything crossing it is plain data (numbers, typed arrays): tensors and
 * the model stay in the worker. `runId` tags every run so the UI can drop
 * messages from a run it already left (the generation token).
 */

/** Decoded samples handed to the worker once per run (buffers are transferred when possible). */
export type DatasetPayload =
  | {
      readonly kind: 'image';
      readonly count: number;
      /** Packed uint8 samples, `count × height × width × channels`, as the data store holds them. */
      readonly pixels: Uint8Array;
      readonly options: ImageOptions;
      readonly labels: Int32Array;
      readonly classNames: readonly string[];
      readonly split: { readonly train: readonly number[]; readonly validation: readonly number[] };
    }
  | {
      readonly kind: 'text';
      readonly count: number;
      /** Packed token ids, `count × sequenceLength`. */
      readonly tokens: Int32Array;
      readonly sequenceLength: number;
      readonly vocabularySize: number;
      /** How texts were tokenised, and the vocabulary (index = token id), for inspecting samples as words. */
      readonly textOptions: TextOptions | null;
      readonly vocabulary: readonly string[] | null;
      readonly labels: Int32Array;
      readonly classNames: readonly string[];
      readonly split: { readonly train: readonly number[]; readonly validation: readonly number[] };
    };

export interface StartRequest {
  readonly runId: number;
  readonly graph: GraphDoc;
  readonly training: TrainingConfig;
  readonly inference: InferenceContext;
  readonly dataset: DatasetPayload;
  /** Resume a run killed mid-way: these weights, from epoch `resumeFrom.epoch + 1` (a crash-recovery checkpoint). */
  readonly resumeFrom?: WeightSnapshot;
  /** Post each epoch's weight snapshot as a `checkpoint` message (for the recovery store). */
  readonly checkpoints?: boolean;
}

/** A trained model saved with its project, to load into the worker (core/io/trained-model). */
export interface RestoreRequest {
  readonly graph: GraphDoc;
  readonly training: TrainingConfig;
  readonly inference: InferenceContext;
  /** The TF.js model folder: `model.json` and its weight shards. */
  readonly files: Readonly<Record<string, Uint8Array | string>>;
  /** How the model's inputs are prepared, and its classes, as trained. */
  readonly dataset: {
    readonly kind: 'image' | 'text';
    readonly classNames: readonly string[];
    readonly image: ImageOptions | null;
    readonly text: TextOptions | null;
    readonly vocabulary: readonly string[] | null;
  };
}

/** Whether the saved model could be loaded, with a core/io/trained-model reason if not. */
export type RestoreResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code:
        'trained-model-damaged' | 'trained-model-other-graph' | 'trained-model-wrong-shape';
      readonly detail: string;
    };

/** UI → worker. */
export type ToWorker =
  /** Sent first by the client with the bundled wasm file URLs; `backend` also starts that backend now. */
  | {
      readonly type: 'init';
      readonly backend: BackendChoice | null;
      readonly wasmPaths: Readonly<Record<string, string>>;
      /** Bundled URLs of LayerLab's engine builds (core/engine); absent → TF.js trains every run. */
      readonly engineWasmPaths?: Readonly<Partial<Record<EngineBuild, string>>>;
    }
  | ({ readonly type: 'start' } & StartRequest)
  | { readonly type: 'pause'; readonly runId: number }
  | { readonly type: 'resume'; readonly runId: number }
  | { readonly type: 'stop'; readonly runId: number }
  /** Fault injection for tests: lose the WebGL context mid-run. */
  | { readonly type: 'debug-lose-context' }
  /** Forwarded to `handleInspectRequest` (renderer/workers/inspect-handlers.ts). */
  | { readonly type: 'inspect'; readonly id: number; readonly request: unknown }
  /**
   * The project session ended: stop any run, free the model, the dataset and
   * the test set. Answered with `reset-done` and the tensors left alive.
   */
  | { readonly type: 'reset'; readonly id: number }
  /** Loads a trained model saved with the project; answered with `restore-done`. */
  | ({ readonly type: 'restore'; readonly id: number } & RestoreRequest)
  /**
   * Hands the worker the project's dataset without training, so a restored
   * model can be evaluated and inspected on it (ignored while a run is active).
   */
  | { readonly type: 'attach-dataset'; readonly dataset: DatasetPayload };

/** Worker status as the UI's state machine consumes it. */
export type WorkerRunStatus =
  'compiling' | 'training' | 'paused' | 'completed' | 'stopped' | 'failed';

/** Worker → UI. */
export type FromWorker =
  | {
      readonly type: 'backend-info';
      readonly info: BackendInfo;
      /** Human-readable engine name (`LayerLab WASM SIMD engine (…)` or `TensorFlow.js x.y.z — reason`). */
      readonly engine: string;
      /** Set once a run has chosen its engine (core/engine `chooseEngine`). */
      readonly engineChoice?: EngineChoice;
    }
  | {
      readonly type: 'state';
      readonly runId: number;
      readonly status: WorkerRunStatus;
      readonly outcome?: TrainOutcome;
      readonly bestEpoch?: number | null;
    }
  | {
      readonly type: 'batch';
      readonly runId: number;
      readonly metrics: BatchMetrics;
      readonly validating?: false;
    }
  | { readonly type: 'validating'; readonly runId: number; readonly epoch: number }
  /** After each epoch, when the run asked for checkpoints: the weights a killed run resumes from. */
  | { readonly type: 'checkpoint'; readonly runId: number; readonly snapshot: WeightSnapshot }
  | {
      readonly type: 'epoch';
      readonly runId: number;
      readonly metrics: EpochMetrics;
      readonly tensors: number;
    }
  | {
      readonly type: 'error';
      readonly runId: number | null;
      readonly code: string;
      readonly message: string;
      readonly epoch?: number | null;
      readonly batch?: number | null;
      /** For `graph-has-errors`: the blocking problem, worded by the UI from core's message table. */
      readonly diagnostic?: {
        readonly code: string;
        readonly args: Readonly<Record<string, string | number>>;
      };
    }
  /** The run survived a fault: `backend-recovered` (lost WebGL context, resumed from `fromEpoch` on `backend`). */
  | {
      readonly type: 'notice';
      readonly runId: number;
      readonly code: 'backend-recovered';
      readonly fromEpoch: number;
      readonly backend: string;
    }
  | { readonly type: 'inspect-result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'reset-done'; readonly id: number; readonly tensors: number }
  | { readonly type: 'restore-done'; readonly id: number; readonly result: RestoreResult };

/** Buffers a message can transfer instead of copying. */
export function transferablesOf(message: ToWorker): Transferable[] {
  if (message.type !== 'start' && message.type !== 'attach-dataset') return [];
  const d = message.dataset;
  return d.kind === 'image' ? [d.pixels.buffer as ArrayBuffer] : [d.tokens.buffer as ArrayBuffer];
}
