/**
 * The lab file: a small JSON document `{format: 'layerlab-lab', lab, version, state}`
 * holding one lab with its numbers, so a teacher can hand it out and it opens in
 * the same state. Parsing never throws: a bad file gives a coded error.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { activationNames } from './activations';
import { backpropLosses } from './backprop';
import { MAX_EXPRESSION_LENGTH } from './expression';
import { MAX_W2V_CORPUS } from './word2vec';
import { GAN_LIMITS, ganGeneratorLosses } from './gan/gan';
import { RNN_LIMITS, rnnActivations, rnnLossAts, rnnLosses } from './rnn';

/** The labs, in course order. */
export type LabId =
  | 'neuron'
  | 'gradient-descent'
  | 'backprop'
  | 'convolution'
  | 'rnn'
  | 'lstm'
  | 'word-vectors'
  | 'gan';
/** All lab ids, in course order. */
export const labIds: readonly LabId[] = [
  'neuron',
  'gradient-descent',
  'backprop',
  'convolution',
  'rnn',
  'lstm',
  'word-vectors',
  'gan',
];

/** Current lab file version; files from newer versions are refused, not guessed at. */
export const LAB_FILE_VERSION = 1;
/** Largest accepted lab file, in characters. */
export const MAX_LAB_FILE_CHARS = 2_000_000;

const num = z.number().finite();
const nums = (min: number, max: number) => z.array(num).min(min).max(max);
const grid = (max: number) => z.array(z.array(num).min(1).max(max)).min(1).max(max);
const activation = z.enum(activationNames as [string, ...string[]]);

/** Neuron & softmax lab state. */
export const neuronLabStateSchema = z.object({
  inputs: nums(1, 8),
  weights: nums(1, 8),
  bias: num,
  activation,
  logits: nums(1, 10),
});

/** Gradient-descent lab state; `steps` is how many steps had been taken (replayed on open). */
export const gradientDescentLabStateSchema = z.object({
  presetId: z.string().max(64).nullable(),
  formula: z.string().max(MAX_EXPRESSION_LENGTH),
  dims: z.union([z.literal(1), z.literal(2)]),
  start: nums(1, 2),
  eta: num,
  steps: z.number().int().min(0).max(100_000),
});

/** Backprop lab state: the net, the sample, the settings and the step reached. */
export const backpropLabStateSchema = z.object({
  layerSizes: z.array(z.number().int().min(1).max(40)).min(2).max(6),
  activations: z.array(activation).min(1).max(5),
  kernels: z.array(z.array(z.array(num).max(40)).max(40)).max(5),
  biases: z.array(z.array(num).max(40).nullable()).max(5),
  inputs: nums(1, 40),
  targets: nums(1, 40),
  loss: z.enum(backpropLosses as [string, ...string[]]),
  eta: num,
  decimals: z.number().int().min(0).max(10),
  step: z.number().int().min(0).max(10_000),
});

/** Convolution & pooling lab state. */
export const convolutionLabStateSchema = z.object({
  input: grid(28),
  kernel: grid(7),
  kernelId: z.string().max(64).nullable(),
  stride: z.number().int().min(1).max(10),
  padding: z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0).max(10)]),
  dilation: z.number().int().min(1).max(10),
  pool: z.object({
    kind: z.enum(['max', 'average']),
    size: z.number().int().min(1).max(8),
    stride: z.number().int().min(1).max(8),
  }),
  selected: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }).nullable(),
});

const rnnMatrix = (rows: number, cols: number) =>
  z.array(z.array(num).min(1).max(cols)).min(1).max(rows);

/** RNN lab state: W, U, b, the sequence and its targets, the settings and the time step shown. */
export const rnnLabStateSchema = z.object({
  W: rnnMatrix(RNN_LIMITS.maxUnits, RNN_LIMITS.maxInputs),
  U: rnnMatrix(RNN_LIMITS.maxUnits, RNN_LIMITS.maxUnits),
  b: nums(1, RNN_LIMITS.maxUnits),
  activation: z.enum(rnnActivations as [string, ...string[]]),
  xs: rnnMatrix(RNN_LIMITS.maxSteps, RNN_LIMITS.maxInputs),
  ys: rnnMatrix(RNN_LIMITS.maxSteps, RNN_LIMITS.maxUnits),
  loss: z.enum(rnnLosses as [string, ...string[]]),
  lossAt: z.enum(rnnLossAts as [string, ...string[]]),
  eta: num,
  decimals: z.number().int().min(0).max(10),
  selectedStep: z.number().int().min(1).max(RNN_LIMITS.maxSteps),
});

const lstmGateSchema = z.object({
  W: rnnMatrix(RNN_LIMITS.maxUnits, RNN_LIMITS.maxInputs),
  U: rnnMatrix(RNN_LIMITS.maxUnits, RNN_LIMITS.maxUnits),
  b: nums(1, RNN_LIMITS.maxUnits),
});

/** LSTM hand-mode lab state: the weights of each gate (Keras order i, f, c, o) and a sequence. */
export const lstmLabStateSchema = z.object({
  gates: z.object({ i: lstmGateSchema, f: lstmGateSchema, c: lstmGateSchema, o: lstmGateSchema }),
  xs: rnnMatrix(RNN_LIMITS.maxSteps, RNN_LIMITS.maxInputs),
  decimals: z.number().int().min(0).max(10),
  selectedStep: z.number().int().min(1).max(RNN_LIMITS.maxSteps),
});

/** Word-vectors lab state; `epochs` trained are replayed on open (training is deterministic). */
export const wordVectorsLabStateSchema = z.object({
  corpus: z.string().max(MAX_W2V_CORPUS),
  window: z.number().int().min(1).max(5),
  dimension: z.number().int().min(2).max(10),
  eta: num,
  seed: z.number().int().min(0).max(1_000_000),
  epochs: z.number().int().min(0).max(2000),
  selected: z.number().int().min(0),
});

const point = z.tuple([num, num]);

/**
 * GAN lab state: the batch (real points, noise numbers), G(z) = a·z + c, D(x) = σ(w·x + b),
 * the learning rates, the generator loss, and how far the stepper is (0 forward, 1 after the
 * D step, 2 after the G step).
 */
export const ganLabStateSchema = z.object({
  real: z.array(point).min(1).max(GAN_LIMITS.maxBatch),
  noise: nums(1, GAN_LIMITS.maxBatch),
  generator: z.object({ a: point, c: point }),
  discriminator: z.object({ w: point, b: num }),
  etaD: num,
  etaG: num,
  generatorLoss: z.enum(ganGeneratorLosses as [string, ...string[]]),
  decimals: z.number().int().min(0).max(10),
  stage: z.number().int().min(0).max(2),
});

export type NeuronLabState = z.infer<typeof neuronLabStateSchema>;
export type GradientDescentLabState = z.infer<typeof gradientDescentLabStateSchema>;
export type BackpropLabState = z.infer<typeof backpropLabStateSchema>;
export type ConvolutionLabState = z.infer<typeof convolutionLabStateSchema>;
export type RnnLabState = z.infer<typeof rnnLabStateSchema>;
export type LstmLabState = z.infer<typeof lstmLabStateSchema>;
export type WordVectorsLabState = z.infer<typeof wordVectorsLabStateSchema>;
export type GanLabState = z.infer<typeof ganLabStateSchema>;

/** A parsed lab file. */
export type LabFile =
  | { readonly lab: 'neuron'; readonly state: NeuronLabState }
  | { readonly lab: 'gradient-descent'; readonly state: GradientDescentLabState }
  | { readonly lab: 'backprop'; readonly state: BackpropLabState }
  | { readonly lab: 'convolution'; readonly state: ConvolutionLabState }
  | { readonly lab: 'rnn'; readonly state: RnnLabState }
  | { readonly lab: 'lstm'; readonly state: LstmLabState }
  | { readonly lab: 'word-vectors'; readonly state: WordVectorsLabState }
  | { readonly lab: 'gan'; readonly state: GanLabState };

/** Why a lab file could not be opened. */
export interface LabFileError {
  /**
   * `lab-file-too-large`, `lab-file-not-json`, `lab-file-wrong-format` (not a LayerLab lab),
   * `lab-file-newer-version` (made by a newer LayerLab), `lab-file-unknown-lab`,
   * `lab-file-invalid` (a value is missing or out of range; `path` says which).
   */
  readonly code:
    | 'lab-file-too-large'
    | 'lab-file-not-json'
    | 'lab-file-wrong-format'
    | 'lab-file-newer-version'
    | 'lab-file-unknown-lab'
    | 'lab-file-invalid';
  readonly message: string;
  readonly path?: string;
}

/** The file text of a lab (pretty-printed so a teacher can read or diff it). */
export function serializeLabFile(file: LabFile): string {
  return `${JSON.stringify({ format: 'layerlab-lab', lab: file.lab, version: LAB_FILE_VERSION, state: file.state }, null, 2)}\n`;
}

const schemas = {
  neuron: neuronLabStateSchema,
  'gradient-descent': gradientDescentLabStateSchema,
  backprop: backpropLabStateSchema,
  convolution: convolutionLabStateSchema,
  rnn: rnnLabStateSchema,
  lstm: lstmLabStateSchema,
  'word-vectors': wordVectorsLabStateSchema,
  gan: ganLabStateSchema,
} as const;

/** Reads a lab file, checking every value; never throws. */
export function parseLabFile(text: string): Result<LabFile, LabFileError> {
  if (text.length > MAX_LAB_FILE_CHARS)
    return err({
      code: 'lab-file-too-large',
      message: `larger than ${MAX_LAB_FILE_CHARS} characters`,
    });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return err({ code: 'lab-file-not-json', message: 'not valid JSON' });
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    (doc as { format?: unknown }).format !== 'layerlab-lab'
  ) {
    return err({ code: 'lab-file-wrong-format', message: 'not a LayerLab lab file' });
  }
  const { lab, version, state } = doc as { lab?: unknown; version?: unknown; state?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err({ code: 'lab-file-wrong-format', message: 'missing version' });
  if (version > LAB_FILE_VERSION)
    return err({
      code: 'lab-file-newer-version',
      message: `version ${version} is newer than ${LAB_FILE_VERSION}`,
    });
  if (typeof lab !== 'string' || !(labIds as readonly string[]).includes(lab))
    return err({ code: 'lab-file-unknown-lab', message: `unknown lab ${String(lab)}` });
  const id = lab as LabId;
  const parsed = schemas[id].safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({
      code: 'lab-file-invalid',
      message: issue?.message ?? 'invalid state',
      path: ['state', ...(issue?.path ?? [])].join('.'),
    });
  }
  return ok({ lab: id, state: parsed.data } as LabFile);
}
