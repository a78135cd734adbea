import type { ProjectDoc } from '../../io/project-file';
import type { LabFile } from '../../labs/lab-file';
import { labQuantities } from '../lab-quantities';
import type { Bilingual, DatasetRef, Expectation, StepLocks } from '../pack-manifest';

/**
 * A package as a teacher builds it in the app: the steps hold the lab's
 * numbers or the project itself (not yet files inside a zip), and lab-answer
 * expectations carry no key (it is computed from the numbers when the package
 * is built, `buildPack`). Every change returns a new draft, so the app keeps
 * the previous one for Undo.
 */
export interface PackDraft {
  readonly packId: string;
  readonly title: Bilingual;
  readonly instructions: Bilingual;
  readonly steps: readonly DraftStep[];
}

interface DraftStepBase {
  readonly id: string;
  readonly title: Bilingual;
  readonly instructions: Bilingual;
  /** Cannot be skipped: later steps open only once this one passes. */
  readonly required: boolean;
  readonly locks: StepLocks;
  readonly expectations: readonly Expectation[];
}

export type DraftStep =
  | (DraftStepBase & { readonly kind: 'lab'; readonly lab: LabFile })
  | (DraftStepBase & {
      readonly kind: 'project';
      readonly project: ProjectDoc;
      /** What the student trains on; without one a training expectation cannot be met. */
      readonly dataset: DatasetRef | null;
    })
  | (DraftStepBase & { readonly kind: 'reading' });

export type DraftStepKind = DraftStep['kind'];

const noLocks: StepLocks = { layers: [], params: [], labFields: [] };
const blank: Bilingual = { en: '', 'zh-CN': '' };

export function newPackDraft(packId: string): PackDraft {
  return { packId, title: blank, instructions: blank, steps: [] };
}

/** A step id not used yet in the draft (`step1`, `step2`, …; ids never come back after a removal). */
export function freshStepId(draft: PackDraft): string {
  return freshId(
    'step',
    draft.steps.map((s) => s.id),
  );
}

/**
 * An expectation id not used in the whole draft: answer keys are stored by
 * expectation id for the whole package (`answers.json`), so ids are unique across steps.
 */
export function freshExpectationId(draft: PackDraft): string {
  return freshId(
    'check',
    draft.steps.flatMap((s) => s.expectations.map((e) => e.id)),
  );
}

function freshId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** A new step with its starting content; title and instructions are the teacher's to write. */
export function newDraftStep(
  draft: PackDraft,
  start:
    | { readonly kind: 'lab'; readonly lab: LabFile; readonly title: Bilingual }
    | { readonly kind: 'project'; readonly project: ProjectDoc; readonly title: Bilingual }
    | { readonly kind: 'reading'; readonly title: Bilingual },
): DraftStep {
  const base = {
    id: freshStepId(draft),
    title: start.title,
    instructions: blank,
    required: false,
    locks: noLocks,
    expectations: [],
  };
  if (start.kind === 'lab') return { ...base, kind: 'lab', lab: start.lab };
  if (start.kind === 'project')
    // The teacher's own dataset folder means nothing on a student's computer: it is not handed out.
    return {
      ...base,
      kind: 'project',
      project: { ...start.project, dataset: null },
      dataset: null,
    };
  return { ...base, kind: 'reading' };
}

export function addStep(draft: PackDraft, step: DraftStep): PackDraft {
  return { ...draft, steps: [...draft.steps, step] };
}

export function removeStep(draft: PackDraft, stepId: string): PackDraft {
  return { ...draft, steps: draft.steps.filter((s) => s.id !== stepId) };
}

/** Moves a step up (-1) or down (+1); at either end nothing changes. */
export function moveStep(draft: PackDraft, stepId: string, by: -1 | 1): PackDraft {
  const from = draft.steps.findIndex((s) => s.id === stepId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  const [moved] = steps.splice(from, 1);
  if (moved) steps.splice(to, 0, moved);
  return { ...draft, steps };
}

export function changeStep(
  draft: PackDraft,
  stepId: string,
  change: (step: DraftStep) => DraftStep,
): PackDraft {
  let changed = false;
  const steps = draft.steps.map((s) => {
    if (s.id !== stepId) return s;
    const next = change(s);
    changed ||= next !== s;
    return next;
  });
  // The same draft when nothing changed, so no Undo entry is made for a no-op.
  return changed ? { ...draft, steps } : draft;
}

/** Adds or removes one item of a lock list. */
export function toggleLock(locks: StepLocks, lock: LockItem, on: boolean): StepLocks {
  const same = (a: LockItem) => JSON.stringify(a) === JSON.stringify(lock);
  const without = {
    layers: locks.layers.filter((id) => !same({ kind: 'layer', node: id })),
    params: locks.params.filter((p) => !same({ kind: 'param', node: p.node, param: p.param })),
    labFields: locks.labFields.filter((f) => !same({ kind: 'field', field: f })),
  };
  if (!on) return without;
  if (lock.kind === 'layer') return { ...without, layers: [...without.layers, lock.node] };
  if (lock.kind === 'param')
    return { ...without, params: [...without.params, { node: lock.node, param: lock.param }] };
  return { ...without, labFields: [...without.labFields, lock.field] };
}

export type LockItem =
  | { readonly kind: 'layer'; readonly node: string }
  | { readonly kind: 'param'; readonly node: string; readonly param: string }
  | { readonly kind: 'field'; readonly field: string };

/** The lab fields a teacher can lock: the lab state's top-level fields, in the lab's own order. */
export function lockableLabFields(lab: LabFile): readonly string[] {
  return Object.keys(lab.state);
}

/** The numbers of a lab step a student can be asked for (their keys come from the step's numbers). */
export function answerableQuantities(lab: LabFile): readonly string[] {
  return [...labQuantities(lab).keys()];
}
