import { parseProject } from '../io/project-file';
import { readTrainedModel } from '../io/trained-model/trained-model';
import { parseLabFile } from '../labs/lab-file';
import { checkStep, stepPassed, type CheckResult, type StepStart, type StepWork } from './checks';
import type { LabPack, LoadedStep } from './read-pack';
import type { Submission, SubmittedStep } from './submission';

/** One step of a submission as the teacher's check sees it. */
export interface RecheckedStep {
  readonly id: string;
  readonly results: readonly CheckResult[];
  readonly passed: boolean;
  /** Results the student's app recorded that differ from the recheck (a forged or edited file). */
  readonly disagrees: boolean;
  readonly updatedAt: string | null;
}

export interface RecheckedSubmission {
  readonly student: string;
  readonly createdAt: string;
  readonly steps: readonly RecheckedStep[];
  readonly passedSteps: number;
}

/** The start of a loaded step, for its lock checks. */
export function stepStart(loaded: LoadedStep): StepStart {
  if ('lab' in loaded) return { kind: 'lab', file: loaded.lab };
  if ('project' in loaded) return { kind: 'project', doc: loaded.project };
  return { kind: 'reading' };
}

/**
 * Re-runs every check of a package on a submission's own work (its lab files
 * and projects), ignoring the results the submission claims. A project's
 * accuracy is read from the training runs saved in the submitted project: the
 * check does not retrain.
 */
export function recheckSubmission(pack: LabPack, submission: Submission): RecheckedSubmission {
  const steps = pack.steps.map((loaded): RecheckedStep => {
    const sent = submission.steps.find((s) => s.id === loaded.step.id);
    const work = sent ? workOf(loaded, sent) : null;
    const results: CheckResult[] =
      work === null
        ? [
            {
              id: 'work',
              status: 'fail',
              code: sent ? 'check-work-invalid' : 'check-work-missing',
              args: {},
            },
          ]
        : checkStep(loaded.step, stepStart(loaded), work, pack.answers);
    const claimed = sent?.results ?? [];
    const disagrees =
      sent !== undefined &&
      results.some((r) => claimed.find((c) => c.id === r.id)?.status !== r.status);
    return {
      id: loaded.step.id,
      results,
      passed: work !== null && stepPassed(results),
      disagrees,
      updatedAt: sent?.updatedAt ?? null,
    };
  });
  return {
    student: submission.student,
    createdAt: submission.createdAt,
    steps,
    passedSteps: steps.filter((s) => s.passed).length,
  };
}

function workOf(loaded: LoadedStep, sent: SubmittedStep): StepWork | null {
  if (loaded.step.kind === 'reading') return { kind: 'reading', done: sent.done };
  if (sent.work === null) return null;
  if (loaded.step.kind === 'lab') {
    const file = parseLabFile(sent.work);
    if (!file.ok || file.value.lab !== loaded.step.lab) return null;
    return { kind: 'lab', file: file.value, answers: sent.answers };
  }
  const doc = parseProject(sent.work);
  if (!doc.ok) return null;
  const model = readTrainedModel(sent.work, doc.value.graph);
  return {
    kind: 'project',
    answers: sent.answers,
    work: {
      doc: doc.value,
      runs: model.status === 'restored' ? model.record.runs : null,
      stale: model.status === 'failed' && model.error.code === 'trained-model-other-graph',
    },
  };
}
