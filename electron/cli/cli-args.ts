import { parseArgs } from 'node:util';

import type { BackendChoice } from '../../core/train/index';

/** Parsed `npm run train -- …` arguments. */
export interface TrainArgs {
  readonly project: string | null;
  readonly data: string | null;
  readonly test: string | null;
  readonly epochs: number | null;
  readonly backend: Extract<BackendChoice, 'wasm' | 'cpu'>;
  readonly out: string | null;
  /** Overrides the project's validation share (0 trains on every sample). */
  readonly validationShare: number | null;
  /** `auto`: LayerLab's WASM SIMD engine when the model is supported, else TF.js; `tfjs`: always TF.js. */
  readonly engine: 'auto' | 'tfjs';
  /** Data-parallel engine workers (1 = one engine on the CLI's thread); null = the default (min(2, cores)). */
  readonly workers: number | null;
  /** The --out folder of the exported train.py: load its weights and run instead of training. */
  readonly loadWeights: string | null;
  /** Where to save the project with the loaded model (`--save FILE`). */
  readonly save: string | null;
  readonly help: boolean;
}

export const usage = `Usage: npm run train -- [project] [--data DIR] [--test DIR] [--epochs N] [--backend wasm|cpu] [--validation-share S] [--engine auto|tfjs] [--workers N] [--out DIR]
       npm run train -- project --load-weights DIR [--save FILE] [--out DIR]

  project        a saved .layerlab project, a template file, or a template id (lenet, residual-cnn, mlp-digits, lstm-text)
                 (none: the bundled sample project on the bundled sample data)
  --data DIR     dataset folder, one subfolder per class (default: the project's dataset folder)
  --test DIR     held-out folder with the same classes; prints "test accuracy"
  --epochs N     override the project's epoch count
  --backend B    wasm (default) or cpu
  --validation-share S  share of each class held out for validation, 0–0.9 (default: the project's)
  --engine E     auto (default: LayerLab's WASM SIMD engine when the model is supported, else TF.js) or tfjs
  --workers N    threads training each batch with LayerLab's engine, 1–16 (default: min(2, cores); 1 = one engine)
  --out DIR      where to write the trained model (default: ./<project name>-trained;
                 for the bundled sample, a new temporary folder; the path is printed)
  --load-weights DIR  instead of training: load what the exported train.py wrote to DIR (weights.npz,
                 train-metrics.json) into the project's network, checked layer by layer, print its run
                 and write the export folder (--out) from those weights
  --save FILE    with --load-weights: save the project with the loaded model and its run as FILE`;

/** Parses argv; throws an Error with a user-facing message on bad input. */
export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      test: { type: 'string' },
      epochs: { type: 'string' },
      backend: { type: 'string' },
      out: { type: 'string' },
      'validation-share': { type: 'string' },
      engine: { type: 'string' },
      workers: { type: 'string' },
      'load-weights': { type: 'string' },
      save: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals.length > 1)
    throw new Error(`Expected one project, got ${positionals.length}: ${positionals.join(' ')}`);
  let epochs: number | null = null;
  if (values.epochs !== undefined) {
    epochs = Number(values.epochs);
    if (!Number.isInteger(epochs) || epochs < 1 || epochs > 10_000)
      throw new Error(`--epochs must be a whole number from 1 to 10000, got "${values.epochs}"`);
  }
  let validationShare: number | null = null;
  if (values['validation-share'] !== undefined) {
    validationShare = Number(values['validation-share']);
    if (!Number.isFinite(validationShare) || validationShare < 0 || validationShare > 0.9)
      throw new Error(
        `--validation-share must be a number from 0 to 0.9, got "${values['validation-share']}"`,
      );
  }
  const backend = values.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    throw new Error(
      `--backend must be wasm or cpu, got "${backend}" (WebGL needs a browser window)`,
    );
  const engine = values.engine ?? 'auto';
  if (engine !== 'auto' && engine !== 'tfjs')
    throw new Error(`--engine must be auto or tfjs, got "${engine}"`);
  let workers: number | null = null;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 16)
      throw new Error(`--workers must be a whole number from 1 to 16, got "${values.workers}"`);
  }
  return {
    project: positionals[0] ?? null,
    data: values.data ?? null,
    test: values.test ?? null,
    epochs,
    backend,
    out: values.out ?? null,
    validationShare,
    engine,
    workers,
    loadWeights: values['load-weights'] ?? null,
    save: values.save ?? null,
    help: values.help ?? false,
  };
}
