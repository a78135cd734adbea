import { z } from 'zod';

import type { WeightSnapshot } from '../../train/weight-snapshot';
import { err, ok, type Result } from '../../result';
import { base64ToBytes, bytesToBase64 } from './base64';
import { savedRunSchema, type SavedRun } from './trained-model';

/**
 * A training run's state after an epoch, kept in the recovery store so a run
 * killed mid-way resumes from its last finished epoch (issue 16): the weights
 * of that epoch (the run's own CPU snapshot, float32, base64), the project the
 * run started with (network, settings, dataset folder), and the record of the
 * runs so far (curves), the last one being the run to continue. Optimizer
 * state is not kept: a resumed run starts its optimizer afresh, as Keras does
 * when only weights are saved.
 */
export interface TrainingCheckpoint {
  /** Epochs finished: the resumed run starts at this 0-based epoch index. */
  readonly epochsDone: number;
  /** `graphFingerprint` of the network the weights belong to. */
  readonly fingerprint: string;
  /** The project text the run started with (`serializeProject`, without a trained model). */
  readonly project: string;
  /** Every run so far; the last is the one the checkpoint continues. */
  readonly runs: readonly SavedRun[];
  readonly weights: WeightSnapshot['weights'];
}

export const trainingCheckpointFormat = 'layerlab-training-checkpoint';

const checkpointSchema = z.object({
  format: z.literal(trainingCheckpointFormat),
  version: z.literal(1),
  epochsDone: z.number().int().min(1).max(1_000_000),
  fingerprint: z.string().max(200),
  project: z.string(),
  runs: z.array(savedRunSchema).min(1).max(1000),
  weights: z
    .array(
      z.object({
        shape: z
          .array(
            z
              .number()
              .int()
              .min(0)
              .max(1 << 30),
          )
          .max(8),
        values: z.string(),
      }),
    )
    .max(100_000),
});

export function encodeTrainingCheckpoint(checkpoint: TrainingCheckpoint): string {
  return JSON.stringify({
    format: trainingCheckpointFormat,
    version: 1,
    epochsDone: checkpoint.epochsDone,
    fingerprint: checkpoint.fingerprint,
    project: checkpoint.project,
    runs: checkpoint.runs,
    weights: checkpoint.weights.map((w) => ({
      shape: [...w.shape],
      values: bytesToBase64(
        new Uint8Array(w.values.buffer, w.values.byteOffset, w.values.byteLength),
      ),
    })),
  });
}

/** A checkpoint's text back, or `training-checkpoint-damaged` with what is wrong. */
export function decodeTrainingCheckpoint(
  text: string,
): Result<TrainingCheckpoint, { code: 'training-checkpoint-damaged'; detail: string }> {
  const damaged = (detail: string) => err({ code: 'training-checkpoint-damaged' as const, detail });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return damaged('not JSON');
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return damaged(`${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const weights: { shape: number[]; values: Float32Array }[] = [];
  for (const [i, w] of parsed.data.weights.entries()) {
    const bytes = base64ToBytes(w.values);
    const count = w.shape.reduce((a, b) => a * b, 1);
    if (bytes === null || bytes.byteLength !== count * 4) return damaged(`weights.${i}`);
    // A fresh, aligned buffer: base64ToBytes' may not start on a 4-byte boundary.
    weights.push({ shape: w.shape, values: new Float32Array(bytes.slice().buffer) });
  }
  const { epochsDone, fingerprint, project, runs } = parsed.data;
  return ok({ epochsDone, fingerprint, project, runs, weights });
}
