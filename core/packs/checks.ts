import type { ProjectDoc } from '../io/project-file';
import type { SavedRun } from '../io/trained-model/trained-model';
import type { LabFile } from '../labs/lab-file';
import { summarizeModel } from '../graph/summary';
import { inferShapes } from '../shapes/infer';
import { labQuantities } from './lab-quantities';
import type { AnswerKeys, Expectation, PackStep, StepLocks } from './pack-manifest';

/** `pass`: met; `fail`: not met; `pending`: nothing to judge yet (no answer typed, not trained). */
export type CheckStatus = 'pass' | 'fail' | 'pending';

/** Why a check came out as it did; each has a message in `pack-messages.ts`. */
export type CheckCode =
  | 'check-pass'
  | 'check-not-trained'
  | 'check-model-stale'
  | 'check-metric-missed'
  | 'check-params-missed'
  | 'check-params-unknown'
  | 'check-answer-missing'
  | 'check-answer-wrong'
  | 'check-no-key'
  | 'check-locks-kept'
  | 'check-layer-removed'
  | 'check-param-changed'
  | 'check-lab-field-changed'
  | 'check-reading-open'
  | 'check-work-missing'
  | 'check-work-invalid';

export interface CheckResult {
  /** The expectation's id, or `locks` / `work` / `reading`. */
  readonly id: string;
  readonly status: CheckStatus;
  readonly code: CheckCode;
  /** Values for the message: the student's value, the target, a layer or field name. Never the answer key. */
  readonly args: Readonly<Record<string, string | number>>;
}

/** The student's state of a project step, as the editor or a submitted file has it. */
export interface ProjectWork {
  readonly doc: ProjectDoc;
  /** The trained model's runs; null when the project has no trained model. */
  readonly runs: readonly SavedRun[] | null;
  /** True when the trained model belongs to an earlier version of the network. */
  readonly stale: boolean;
}

export type StepWork =
  | { readonly kind: 'lab'; readonly file: LabFile; readonly answers: AnswerInput }
  | { readonly kind: 'project'; readonly work: ProjectWork; readonly answers: AnswerInput }
  | { readonly kind: 'reading'; readonly done: boolean };

/** Typed answers by expectation id (null: left empty). */
export type AnswerInput = Readonly<Record<string, number | null>>;

/** What a step started from, to tell a kept lock from a broken one. */
export type StepStart =
  | { readonly kind: 'lab'; readonly file: LabFile }
  | { readonly kind: 'project'; readonly doc: ProjectDoc }
  | { readonly kind: 'reading' };

const pass = (id: string, args: CheckResult['args'] = {}): CheckResult => ({
  id,
  status: 'pass',
  code: 'check-pass',
  args,
});

/**
 * Checks one step: its locks against the start, then each expectation. The
 * same function runs live in the app and headless in `check-pack`.
 */
export function checkStep(
  step: PackStep,
  start: StepStart,
  work: StepWork,
  keys: AnswerKeys,
): CheckResult[] {
  if (step.kind === 'reading')
    return [
      work.kind === 'reading' && work.done
        ? pass('reading')
        : { id: 'reading', status: 'pending', code: 'check-reading-open', args: {} },
    ];
  if (work.kind !== step.kind || start.kind !== step.kind)
    return [{ id: 'work', status: 'fail', code: 'check-work-missing', args: {} }];
  const results: CheckResult[] = [];
  const locks = hasLocks(step.locks) ? checkLocks(step.locks, start, work) : null;
  if (locks) results.push(locks);
  for (const expectation of step.expectations)
    results.push(checkExpectation(expectation, work, keys));
  return results;
}

/** True when every check of a step passed (a step without checks passes). */
export function stepPassed(results: readonly CheckResult[]): boolean {
  return results.every((r) => r.status === 'pass');
}

function hasLocks(locks: StepLocks): boolean {
  return locks.layers.length + locks.params.length + locks.labFields.length > 0;
}

function checkLocks(locks: StepLocks, start: StepStart, work: StepWork): CheckResult {
  if (start.kind === 'project' && work.kind === 'project') {
    const before = start.doc.graph.nodes;
    const after = work.work.doc.graph.nodes;
    for (const id of locks.layers) {
      const was = before[id as keyof typeof before];
      const now = after[id as keyof typeof after];
      if (!now || (was && was.kind !== now.kind))
        return fail('locks', 'check-layer-removed', { layer: was?.name ?? id });
    }
    for (const { node, param } of locks.params) {
      const was = before[node as keyof typeof before];
      const now = after[node as keyof typeof after];
      if (!was) continue;
      if (!now) return fail('locks', 'check-layer-removed', { layer: was.name });
      if (JSON.stringify(was.params[param]) !== JSON.stringify(now.params[param]))
        return fail('locks', 'check-param-changed', { layer: was.name, param });
    }
  }
  if (start.kind === 'lab' && work.kind === 'lab') {
    const before = start.file.state as Readonly<Record<string, unknown>>;
    const after = work.file.state as Readonly<Record<string, unknown>>;
    for (const field of locks.labFields)
      if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        return fail('locks', 'check-lab-field-changed', { field });
  }
  return { id: 'locks', status: 'pass', code: 'check-locks-kept', args: {} };
}

function fail(id: string, code: CheckCode, args: CheckResult['args']): CheckResult {
  return { id, status: 'fail', code, args };
}

function compare(value: number, op: '>=' | '<=', target: number): boolean {
  return op === '>=' ? value >= target : value <= target;
}

function checkExpectation(e: Expectation, work: StepWork, keys: AnswerKeys): CheckResult {
  switch (e.kind) {
    case 'lab-answer': {
      const key = keys[e.id];
      if (key === undefined) return fail(e.id, 'check-no-key', {});
      const typed = work.kind === 'reading' ? null : (work.answers[e.id] ?? null);
      if (typed === null || !Number.isFinite(typed))
        return {
          id: e.id,
          status: 'pending',
          code: 'check-answer-missing',
          args: { quantity: e.quantity },
        };
      return Math.abs(typed - key) <= e.tolerance
        ? pass(e.id, { quantity: e.quantity, value: typed })
        : fail(e.id, 'check-answer-wrong', {
            quantity: e.quantity,
            value: typed,
            tolerance: e.tolerance,
          });
    }
    case 'param-count': {
      if (work.kind !== 'project') return fail(e.id, 'check-work-missing', {});
      const doc = work.work.doc;
      const dataset = doc.dataset;
      const summary = summarizeModel(
        doc.graph,
        inferShapes(doc.graph, {
          datasetClassCount:
            dataset && dataset.classNames.length > 0 ? dataset.classNames.length : null,
          vocabularySize: dataset?.text?.vocabularySize ?? null,
          sequenceLength: dataset?.text?.sequenceLength ?? null,
        }),
      );
      if (!summary.complete) return fail(e.id, 'check-params-unknown', {});
      const args = { value: summary.totalParams, op: e.op, target: e.value };
      return compare(summary.totalParams, e.op, e.value)
        ? pass(e.id, args)
        : fail(e.id, 'check-params-missed', args);
    }
    case 'metric': {
      if (work.kind !== 'project') return fail(e.id, 'check-work-missing', {});
      if (work.work.stale) return fail(e.id, 'check-model-stale', { metric: e.metric });
      const runs = work.work.runs;
      if (runs === null || runs.length === 0)
        return {
          id: e.id,
          status: 'pending',
          code: 'check-not-trained',
          args: { metric: e.metric },
        };
      const value = runMetric(runs[runs.length - 1] as SavedRun, e.metric);
      if (value === null)
        return {
          id: e.id,
          status: 'pending',
          code: 'check-not-trained',
          args: { metric: e.metric },
        };
      const args = { metric: e.metric, value: round4(value), op: e.op, target: e.value };
      return compare(value, e.op, e.value)
        ? pass(e.id, args)
        : fail(e.id, 'check-metric-missed', args);
    }
  }
}

/** A run's metric at its last epoch (the saved run does not say whether best weights were restored). */
export function runMetric(
  run: SavedRun,
  metric: 'valAccuracy' | 'accuracy' | 'valLoss' | 'loss',
): number | null {
  const epoch = run.epochs[run.epochs.length - 1];
  const value = epoch?.[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The key of a `lab-answer` expectation, computed from the lab's starting numbers (authoring). */
export function answerKeyFor(file: LabFile, quantity: string): number | null {
  return labQuantities(file).get(quantity) ?? null;
}
