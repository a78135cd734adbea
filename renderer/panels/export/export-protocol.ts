import type {
  ExportInfo,
  GraphDoc,
  InferenceContext,
  OnnxStatus,
  ParityReport,
  PytorchStatus,
  SampleBatch,
} from '@core';

/**
 * Messages between the Export panel and the export worker. The worker owns
 * TF.js for exporting and importing; everything crossing is plain data.
 */

/** Files of a model folder or export folder: relative path → contents. */
export type FileMap = Readonly<Record<string, Uint8Array | string>>;

/** Where the model to export comes from. */
export type ExportSource =
  /** Trained weights handed over by the training worker (model.json + shards). */
  | { readonly kind: 'trained'; readonly modelFiles: FileMap }
  /** No trained model: the current graph compiled with fresh (untrained) weights. */
  | { readonly kind: 'graph'; readonly graph: GraphDoc; readonly inference: InferenceContext };

export interface ExportJob {
  readonly source: ExportSource;
  readonly info: ExportInfo;
  /** Validation samples and the live model's probabilities on them; null = generate inputs and compare with the model itself. */
  readonly check: {
    readonly samples: SampleBatch;
    readonly reference: readonly (readonly number[])[];
  } | null;
  /** URL of TF.js's browser bundle, copied into the folder as tf.min.js. */
  readonly tfjsBundleUrl: string | null;
}

export interface ExportDone {
  readonly files: FileMap;
  readonly pytorch: PytorchStatus;
  readonly onnx: OnnxStatus;
  readonly parity: ParityReport;
  /** Where the parity samples came from. */
  readonly samples: 'validation' | 'generated';
}

export interface ImportDone {
  readonly graph: GraphDoc;
  readonly labels: readonly string[] | null;
  /** Trained weights by layer name, as plain arrays (a core `WeightSet`). */
  readonly weights: Readonly<
    Record<
      string,
      readonly {
        readonly name: string;
        readonly shape: readonly number[];
        readonly values: Float32Array;
      }[]
    >
  >;
  readonly parity: ParityReport;
}

export interface WorkerFailure {
  readonly code: string;
  readonly message: string;
  readonly subject?: string;
  /** Message arguments when `code` is one of core's message codes (`torch-weights-*`). */
  readonly args?: Readonly<Record<string, string | number>>;
}

/** Weights trained by train.py, for the current graph. */
export interface TorchWeightsJob {
  readonly graph: GraphDoc;
  readonly inference: InferenceContext;
  readonly npz: Uint8Array;
  readonly labels: readonly string[];
}

/** The graph's model with those weights, as a TF.js model folder (what a trained model is saved as). */
export interface TorchWeightsDone {
  readonly modelFiles: FileMap;
}

export type WorkerReply<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WorkerFailure };

/** Panel → worker. */
export type ToExportWorker =
  | { readonly id: number; readonly type: 'export'; readonly job: ExportJob }
  | { readonly id: number; readonly type: 'import'; readonly files: FileMap }
  | { readonly id: number; readonly type: 'torch-weights'; readonly job: TorchWeightsJob };

/** Worker → panel. */
export type FromExportWorker = {
  readonly id: number;
  readonly reply: WorkerReply<ExportDone | ImportDone | TorchWeightsDone>;
};
