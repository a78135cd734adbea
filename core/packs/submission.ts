import { z } from 'zod';

import { err, ok, type Result } from '../result';
import type { CheckResult } from './checks';
import { packError, type PackError } from './pack-errors';
import { packLimits } from './pack-limits';

export const SUBMISSION_FORMAT = 'layerlab-submission';
export const SUBMISSION_VERSION = 1;
/** The submission file extension, without the dot. */
export const submissionFileExtension = 'layerlab-submission';

const iso = z.string().max(40);
const checkResultSchema = z.strictObject({
  id: z.string().max(64),
  status: z.enum(['pass', 'fail', 'pending']),
  code: z.string().max(64),
  args: z.record(z.string().max(64), z.union([z.string().max(300), z.number()])),
});

/** One step of a submission: the student's work, their typed answers, what the app's checks said. */
export const submittedStepSchema = z.strictObject({
  id: z.string().max(64),
  openedAt: iso.nullable(),
  /** The last time a check of this step changed. */
  updatedAt: iso.nullable(),
  /** The lab file text (lab steps) or the `.layerlab` text with its trained model (project steps). */
  work: z.string().max(packLimits.maxSubmissionChars).nullable(),
  answers: z.record(z.string().max(64), z.number().finite().nullable()),
  /** Reading steps: marked as read. */
  done: z.boolean(),
  /** As the student's app saw them; `check-pack` recomputes and never trusts these. */
  results: z.array(checkResultSchema).max(100),
});

export const submissionSchema = z.strictObject({
  format: z.literal(SUBMISSION_FORMAT),
  version: z.number().int().min(1),
  packId: z.string().max(64),
  packTitle: z.string().max(300),
  student: z.string().min(1).max(200),
  createdAt: iso,
  appVersion: z.string().max(100),
  steps: z.array(submittedStepSchema).max(packLimits.maxSteps),
});

export type SubmittedStep = z.infer<typeof submittedStepSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type { CheckResult };

/** The text of a submission file (JSON; every value the student typed stays data). */
export function serializeSubmission(submission: Submission): string {
  return `${JSON.stringify(submission, null, 2)}\n`;
}

/** Reads a submission, checking every value; never throws. `packId` refuses one made for another package. */
export function parseSubmission(text: string, packId?: string): Result<Submission, PackError> {
  if (text.length > packLimits.maxSubmissionChars)
    return err(packError('submission-too-large', 'the submission is too large'));
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return err(packError('submission-not-json', 'not valid JSON'));
  }
  const raw = json as { format?: unknown; version?: unknown } | null;
  if (typeof raw !== 'object' || raw === null || raw.format !== SUBMISSION_FORMAT)
    return err(packError('submission-wrong-format', 'not a LayerLab submission'));
  if (typeof raw.version === 'number' && raw.version > SUBMISSION_VERSION)
    return err(
      packError('submission-future-version', `version ${raw.version} is newer`, {
        version: raw.version,
        supported: SUBMISSION_VERSION,
      }),
    );
  const parsed = submissionSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map(String).join('.').slice(0, 200);
    return err(packError('submission-invalid', `${path}: ${issue?.message ?? ''}`, { path }));
  }
  if (packId !== undefined && parsed.data.packId !== packId)
    return err(
      packError('submission-other-pack', 'made for another package', {
        title: parsed.data.packTitle,
      }),
    );
  return ok(parsed.data);
}

/** What the app keeps of one step while a student works (a submission is made from it). */
export interface StepProgress {
  readonly openedAt: string | null;
  readonly updatedAt: string | null;
  /** Lab file text or project text; null until the step was opened. */
  readonly work: string | null;
  readonly answers: Readonly<Record<string, number | null>>;
  readonly done: boolean;
  readonly results: readonly CheckResult[];
}

/** A submission of a package's steps, in package order. */
export function buildSubmission(options: {
  readonly packId: string;
  readonly packTitle: string;
  readonly stepIds: readonly string[];
  readonly student: string;
  readonly progress: Readonly<Record<string, StepProgress>>;
  readonly createdAt: string;
  readonly appVersion: string;
}): Submission {
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    packId: options.packId,
    packTitle: options.packTitle,
    student: options.student,
    createdAt: options.createdAt,
    appVersion: options.appVersion,
    steps: options.stepIds.map((id) => {
      const p = options.progress[id];
      return {
        id,
        openedAt: p?.openedAt ?? null,
        updatedAt: p?.updatedAt ?? null,
        work: p?.work ?? null,
        answers: { ...(p?.answers ?? {}) },
        done: p?.done ?? false,
        results: (p?.results ?? []).map((r) => ({ ...r, args: { ...r.args } })),
      };
    }),
  };
}
