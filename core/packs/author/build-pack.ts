import { serializeProject } from '../../io/project-file';
import { serializeLabFile } from '../../labs/lab-file';
import { err, ok, type Result } from '../../result';
import { answerKeyFor } from '../checks';
import { packLimits } from '../pack-limits';
import {
  manifestSchema,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type Bilingual,
  type Expectation,
  type PackStep,
} from '../pack-manifest';
import type { PackContents } from '../write-pack';
import type { DraftStep, PackDraft } from './pack-draft';

/** Why a draft cannot become a package yet; each has a message in `author-messages.ts`. */
export type AuthorProblemCode =
  | 'author-no-steps'
  | 'author-too-many-steps'
  | 'author-title-missing'
  | 'author-step-title-missing'
  | 'author-lock-unknown-layer'
  | 'author-lock-unknown-param'
  | 'author-lock-unknown-field'
  | 'author-answer-unknown'
  | 'author-answer-on-project'
  | 'author-training-on-lab'
  | 'author-metric-no-dataset'
  | 'author-dataset-description-missing'
  | 'author-accuracy-range'
  | 'author-invalid';

export interface AuthorProblem {
  readonly code: AuthorProblemCode;
  /** The step it concerns (its id), or null for the package itself. */
  readonly stepId: string | null;
  readonly args: Readonly<Record<string, string | number>>;
}

/**
 * Turns a teacher's draft into the contents of a `.layerlab-pack`: each step's
 * lab numbers or project become a file inside the package, and each
 * lab-answer key is computed from that step's own starting numbers (as the
 * lab shows them), never typed. Every problem is reported at once, so the
 * teacher can fix them in one pass; nothing is written while one remains.
 */
export function buildPack(
  draft: PackDraft,
  appVersion: string,
): Result<PackContents, readonly AuthorProblem[]> {
  const problems: AuthorProblem[] = [];
  if (draft.steps.length === 0) problems.push(problem('author-no-steps', null));
  if (draft.steps.length > packLimits.maxSteps)
    problems.push(problem('author-too-many-steps', null, { max: packLimits.maxSteps }));
  for (const lang of missingLanguages(draft.title))
    problems.push(problem('author-title-missing', null, { lang }));

  const files: Record<string, string> = {};
  const answers: Record<string, number> = {};
  const steps: PackStep[] = [];
  draft.steps.forEach((step, index) => {
    const at = { step: index + 1 };
    for (const lang of missingLanguages(step.title))
      problems.push(problem('author-step-title-missing', step.id, { ...at, lang }));
    problems.push(...lockProblems(step, at));
    if (step.kind === 'project' && step.dataset?.kind === 'folder')
      for (const lang of missingLanguages(step.dataset.description))
        problems.push(problem('author-dataset-description-missing', step.id, { ...at, lang }));
    for (const expectation of step.expectations) {
      const found = expectationProblem(step, expectation, at);
      if (found) problems.push(found);
      else if (step.kind === 'lab' && expectation.kind === 'lab-answer') {
        const key = answerKeyFor(step.lab, expectation.quantity);
        if (key !== null) answers[expectation.id] = key;
      }
    }
    steps.push(manifestStep(step, files));
  });
  if (problems.length > 0) return err(problems);

  const manifest = manifestSchema.safeParse({
    format: PACK_FORMAT,
    version: PACK_FORMAT_VERSION,
    packId: draft.packId,
    appVersion,
    title: trimmed(draft.title),
    instructions: draft.instructions,
    steps,
  });
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    return err([
      problem('author-invalid', null, {
        path: issue?.path.join('.') ?? '',
        reason: issue?.message ?? '',
      }),
    ]);
  }
  return ok({ manifest: manifest.data, files, answers });
}

function manifestStep(step: DraftStep, files: Record<string, string>): PackStep {
  const base = {
    id: step.id,
    title: trimmed(step.title),
    instructions: step.instructions,
    required: step.required,
    locks: step.locks,
    expectations: [...step.expectations],
  };
  if (step.kind === 'lab') {
    const file = `steps/${step.id}.layerlab-lab.json`;
    files[file] = serializeLabFile(step.lab);
    return {
      ...base,
      kind: 'lab',
      lab: step.lab.lab,
      file,
      locks: { ...step.locks, layers: [], params: [] },
    };
  }
  if (step.kind === 'project') {
    const file = `steps/${step.id}.layerlab`;
    // The starter network only: no trained model, no dataset folder of the teacher's.
    files[file] = serializeProject({ ...step.project, dataset: null }, { trainedModel: null });
    return {
      ...base,
      kind: 'project',
      file,
      locks: { ...step.locks, labFields: [] },
      ...(step.dataset ? { dataset: step.dataset } : {}),
    };
  }
  return { ...base, kind: 'reading', locks: { layers: [], params: [], labFields: [] } };
}

function lockProblems(step: DraftStep, at: { step: number }): AuthorProblem[] {
  const found: AuthorProblem[] = [];
  if (step.kind === 'project') {
    const nodes = step.project.graph.nodes as Readonly<
      Record<string, { readonly name: string; readonly params: Readonly<Record<string, unknown>> }>
    >;
    for (const id of step.locks.layers)
      if (!(id in nodes))
        found.push(problem('author-lock-unknown-layer', step.id, { ...at, layer: id }));
    for (const { node, param } of step.locks.params) {
      const layer = nodes[node];
      if (!layer || !(param in layer.params))
        found.push(
          problem('author-lock-unknown-param', step.id, {
            ...at,
            layer: layer?.name ?? node,
            param,
          }),
        );
    }
  }
  if (step.kind === 'lab') {
    const state = step.lab.state as Readonly<Record<string, unknown>>;
    for (const field of step.locks.labFields)
      if (!(field in state))
        found.push(problem('author-lock-unknown-field', step.id, { ...at, field }));
  }
  return found;
}

function expectationProblem(
  step: DraftStep,
  expectation: Expectation,
  at: { step: number },
): AuthorProblem | null {
  switch (expectation.kind) {
    case 'lab-answer':
      if (step.kind !== 'lab') return problem('author-answer-on-project', step.id, at);
      return answerKeyFor(step.lab, expectation.quantity) === null
        ? problem('author-answer-unknown', step.id, { ...at, quantity: expectation.quantity })
        : null;
    case 'metric':
      if (step.kind !== 'project') return problem('author-training-on-lab', step.id, at);
      if (!step.dataset) return problem('author-metric-no-dataset', step.id, at);
      if (/ccuracy$/.test(expectation.metric) && (expectation.value < 0 || expectation.value > 1))
        return problem('author-accuracy-range', step.id, { ...at, value: expectation.value });
      return null;
    case 'param-count':
      return step.kind === 'project' ? null : problem('author-training-on-lab', step.id, at);
  }
}

function missingLanguages(text: Bilingual): Array<keyof Bilingual> {
  return (['zh-CN', 'en'] as const).filter((lang) => text[lang].trim() === '');
}

function trimmed(text: Bilingual): Bilingual {
  return { en: text.en.trim(), 'zh-CN': text['zh-CN'].trim() };
}

function problem(
  code: AuthorProblemCode,
  stepId: string | null,
  args: AuthorProblem['args'] = {},
): AuthorProblem {
  return { code, stepId, args };
}
