import {
  checkStep,
  stepPassed,
  stepStart,
  type CheckResult,
  type LabPack,
  type LoadedStep,
  type StepWork,
} from '@core';

import { stepState, type PackState } from './pack-store';

/** The student's work on a step as the checks take it (the start, when untouched). */
export function workOf(state: PackState, loaded: LoadedStep): StepWork {
  const st = stepState(state, loaded.step.id);
  if ('lab' in loaded) return { kind: 'lab', file: st.lab ?? loaded.lab, answers: st.answers };
  if ('project' in loaded)
    return {
      kind: 'project',
      answers: st.answers,
      work: {
        doc: st.project?.doc ?? loaded.project,
        runs: st.project?.trained?.runs ?? null,
        stale: st.project?.stale ?? false,
      },
    };
  return { kind: 'reading', done: st.done };
}

/** A step's check results now (the same checks `check-pack` runs). */
export function resultsOf(state: PackState, pack: LabPack, loaded: LoadedStep): CheckResult[] {
  return checkStep(loaded.step, stepStart(loaded), workOf(state, loaded), pack.answers);
}

export type StepStatus = 'pass' | 'fail' | 'pending' | 'closed';

/**
 * Each step's status, in order: `closed` when an earlier required step has not
 * passed yet (it cannot be skipped), else pass / fail / pending.
 */
export function stepStatuses(state: PackState, pack: LabPack): StepStatus[] {
  let open = true;
  return pack.steps.map((loaded) => {
    const results = resultsOf(state, pack, loaded);
    const passed = stepPassed(results);
    const status: StepStatus = !open
      ? 'closed'
      : passed
        ? 'pass'
        : results.some((r) => r.status === 'fail')
          ? 'fail'
          : 'pending';
    if (loaded.step.required && !passed) open = false;
    return status;
  });
}
