import { z } from 'zod';

import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import { trainingConfigSchema } from '../../../train/config';
import type { SavedRun } from '../../trained-model/trained-model';

const epochSchema = z.object({
  epoch: z.number().int().min(0),
  loss: z.number(),
  accuracy: z.number(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  learningRate: z.number(),
  seconds: z.number().min(0),
});

/** `train-metrics.json` as train.py writes it (fields LayerLab does not use are ignored). */
const torchRunSchema = z.object({
  format: z.literal('layerlab-train-run'),
  version: z.literal(1),
  settings: trainingConfigSchema,
  epochs: z.array(epochSchema).max(100_000),
  bestEpoch: z.number().int().min(0).nullable(),
  outcome: z.enum(['completed', 'early-stopped']),
  processes: z.number().int().min(1),
  device: z.string().max(100),
  finishedAt: z.string().max(100),
  labels: z.array(z.string().max(1000)).max(10_000),
});

/** A train.py run, as LayerLab keeps runs. */
export interface TorchRun {
  readonly run: SavedRun;
  readonly finishedAt: string;
  readonly labels: readonly string[];
  /** How many processes trained it (torchrun's world size) and on what device. */
  readonly processes: number;
  readonly device: string;
}

/**
 * Reads train.py's run record. `label` names the run in the Training panel
 * ("PyTorch · 2 processes") from its process count, in the caller's UI
 * language. Never throws.
 */
export function parseTorchRun(
  text: string,
  label: (processes: number) => string,
): Result<TorchRun, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(`train-metrics.json is not JSON: ${(error as Error).message}`);
  }
  const parsed = torchRunSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(
      `train-metrics.json is not a train.py run record: ${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const r = parsed.data;
  return ok({
    run: {
      label: label(r.processes),
      settings: r.settings,
      epochs: r.epochs,
      bestEpoch: r.bestEpoch,
      outcome: r.outcome,
    },
    finishedAt: r.finishedAt,
    labels: r.labels,
    processes: r.processes,
    device: r.device,
  });
}
