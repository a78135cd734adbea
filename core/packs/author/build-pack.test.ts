import { describe, expect, it } from 'vitest';

import { parseProject, type ProjectDoc } from '../../io/project-file';
import { COURSE_323_DEFAULTS, courseNet323 } from '../../labs/dense-net';
import type { LabFile } from '../../labs/lab-file';
import { readPack } from '../read-pack';
import { writePack } from '../write-pack';
import { formatAuthorProblem } from './author-messages';
import { buildPack, type AuthorProblem } from './build-pack';
import {
  addStep,
  answerableQuantities,
  changeStep,
  freshExpectationId,
  lockableLabFields,
  moveStep,
  newDraftStep,
  newPackDraft,
  removeStep,
  toggleLock,
  type DraftStep,
  type PackDraft,
} from './pack-draft';

const sources = import.meta.glob('../../../assets/templates/lenet.layerlab', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function lenet(): ProjectDoc {
  const parsed = parseProject(Object.values(sources)[0] ?? '');
  if (!parsed.ok) throw new Error('the LeNet template does not parse');
  return parsed.value;
}

/** The backprop lab at the course's example numbers (w_k = k/10; x = 0.5, 0.3, 0.8; y = 1, 0, 0). */
function backpropLab(): LabFile {
  const net = courseNet323(COURSE_323_DEFAULTS.weights);
  return {
    lab: 'backprop',
    state: {
      layerSizes: [...net.layerSizes],
      activations: [...net.activations],
      kernels: net.kernels.map((k) => k.map((r) => [...r])),
      biases: net.biases.map((b) => (b ? [...b] : null)),
      inputs: [...COURSE_323_DEFAULTS.inputs],
      targets: [...COURSE_323_DEFAULTS.targets],
      loss: 'mean-sse',
      eta: COURSE_323_DEFAULTS.eta,
      decimals: 4,
      step: 0,
    },
  };
}

/** ∂L/∂w5 of that net written out by hand (L = ⅓Σ(ŷ − y)²; w1, w3, w5 feed h1, so ∂L/∂w5 = δ_h1 · x3). */
function handDw5(): number {
  const x = [0.5, 0.3, 0.8];
  const y = [1, 0, 0];
  const w = (k: number) => k / 10;
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  const h1 = s(w(1) * x[0]! + w(3) * x[1]! + w(5) * x[2]!);
  const h2 = s(w(2) * x[0]! + w(4) * x[1]! + w(6) * x[2]!);
  const o = [s(w(7) * h1 + w(10) * h2), s(w(8) * h1 + w(11) * h2), s(w(9) * h1 + w(12) * h2)];
  const d = o.map((oi, i) => (2 / 3) * (oi - y[i]!) * oi * (1 - oi));
  return (d[0]! * w(7) + d[1]! * w(8) + d[2]! * w(9)) * h1 * (1 - h1) * x[2]!;
}

const convolutionLab: LabFile = {
  lab: 'convolution',
  state: {
    input: [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ],
    kernel: [
      [1, 0],
      [0, -1],
    ],
    kernelId: null,
    stride: 1,
    padding: 'valid',
    dilation: 1,
    pool: { kind: 'max', size: 2, stride: 2 },
    selected: null,
  },
};

const both = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** The three-step package, built the way the teacher's panel builds it. */
function threeStepDraft(): PackDraft {
  let draft = { ...newPackDraft('pack-test-0001'), title: both('Session 3', '第三次实验课') };
  const backprop = newDraftStep(draft, {
    kind: 'lab',
    lab: backpropLab(),
    title: both('Backprop', '反向传播'),
  });
  draft = addStep(draft, backprop);
  draft = changeStep(draft, backprop.id, (s) => ({
    ...s,
    required: true,
    locks: toggleLock(
      toggleLock(s.locks, { kind: 'field', field: 'kernels' }, true),
      {
        kind: 'field',
        field: 'inputs',
      },
      true,
    ),
    expectations: [
      { id: freshExpectationId(draft), kind: 'lab-answer', quantity: 'dL/dw5', tolerance: 1e-3 },
    ],
  }));
  const project = newDraftStep(draft, {
    kind: 'project',
    project: lenet(),
    title: both('LeNet', 'LeNet'),
  });
  draft = addStep(draft, project);
  draft = changeStep(draft, project.id, (s) => ({
    ...s,
    ...(s.kind === 'project'
      ? { dataset: { kind: 'folder', description: both('Fashion-MNIST', 'Fashion-MNIST') } }
      : {}),
    locks: toggleLock(
      toggleLock(s.locks, { kind: 'layer', node: 'n1' }, true),
      { kind: 'param', node: 'n1', param: 'height' },
      true,
    ),
    expectations: [
      {
        id: freshExpectationId(draft),
        kind: 'metric',
        metric: 'valAccuracy',
        op: '>=',
        value: 0.5,
      },
    ],
  }));
  const conv = newDraftStep(draft, {
    kind: 'lab',
    lab: convolutionLab,
    title: both('Convolution', '卷积'),
  });
  draft = addStep(draft, conv);
  return changeStep(draft, conv.id, (s) => ({
    ...s,
    expectations: [
      { id: freshExpectationId(draft), kind: 'lab-answer', quantity: 'conv[2,2]', tolerance: 0 },
    ],
  }));
}

function problems(draft: PackDraft): readonly AuthorProblem[] {
  const built = buildPack(draft, '0.0.0-test');
  return built.ok ? [] : built.error;
}

describe('buildPack', () => {
  it('turns the three-step draft into a package the reader accepts, with its locks and expectations', () => {
    const built = buildPack(threeStepDraft(), '1.2.3');
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const read = readPack(writePack(built.value));
    if (!read.ok) throw new Error(read.error.message);
    const { manifest, steps } = read.value;
    expect(manifest.appVersion).toBe('1.2.3');
    expect(manifest.steps.map((s) => [s.id, s.kind, s.required])).toEqual([
      ['step1', 'lab', true],
      ['step2', 'project', false],
      ['step3', 'lab', false],
    ]);
    expect(manifest.steps[0]?.locks).toEqual({
      layers: [],
      params: [],
      labFields: ['kernels', 'inputs'],
    });
    expect(manifest.steps[1]?.locks).toEqual({
      layers: ['n1'],
      params: [{ node: 'n1', param: 'height' }],
      labFields: [],
    });
    expect(manifest.steps[1]?.expectations).toEqual([
      { id: 'check2', kind: 'metric', metric: 'valAccuracy', op: '>=', value: 0.5 },
    ]);
    // The starter network travels without the teacher's dataset folder or trained model.
    const lenetStep = steps[1];
    expect(lenetStep && 'project' in lenetStep ? lenetStep.project.dataset : 'missing').toBeNull();
    expect(lenetStep && 'projectText' in lenetStep ? lenetStep.projectText : '').not.toContain(
      'trainedModel',
    );
    const firstLab = steps[0];
    expect(firstLab && 'lab' in firstLab ? firstLab.lab : null).toEqual(backpropLab());
  });

  it('computes each answer key from the step’s own numbers, never from anything typed', () => {
    const built = buildPack(threeStepDraft(), '1');
    if (!built.ok) throw new Error('draft refused');
    expect(Object.keys(built.value.answers)).toEqual(['check1', 'check3']);
    expect(built.value.answers['check1']).toBeCloseTo(handDw5(), 12);
    // conv[2,2] of the 3×3 grid with [[1,0],[0,-1]]: 5 − 9.
    expect(built.value.answers['check3']).toBe(-4);
    // The manifest the student's app shows carries no key.
    expect(JSON.stringify(built.value.manifest)).not.toContain(String(handDw5()).slice(0, 8));
  });

  it('follows the lab when its numbers change: the key is recomputed, not kept', () => {
    const draft = changeStep(threeStepDraft(), 'step3', (s) =>
      s.kind === 'lab' && s.lab.lab === 'convolution'
        ? {
            ...s,
            lab: {
              ...s.lab,
              state: {
                ...s.lab.state,
                kernel: [
                  [0, 0],
                  [0, 2],
                ],
              },
            },
          }
        : s,
    );
    const built = buildPack(draft, '1');
    expect(built.ok && built.value.answers['check3']).toBe(18);
  });

  it('reports every problem at once, by step, in both languages', () => {
    let draft = newPackDraft('pack-test-0002');
    expect(problems(draft).map((p) => p.code)).toEqual([
      'author-no-steps',
      'author-title-missing',
      'author-title-missing',
    ]);
    draft = threeStepDraft();
    draft = changeStep(draft, 'step2', (s) => (s.kind === 'project' ? { ...s, dataset: null } : s));
    draft = changeStep(draft, 'step1', (s) => ({
      ...s,
      title: both('Backprop', ' '),
      expectations: [{ id: 'check9', kind: 'lab-answer', quantity: 'dL/dw99', tolerance: 0 }],
    }));
    const found = problems(draft);
    expect(found.map((p) => [p.code, p.stepId])).toEqual([
      ['author-step-title-missing', 'step1'],
      ['author-answer-unknown', 'step1'],
      ['author-metric-no-dataset', 'step2'],
    ]);
    expect(formatAuthorProblem(found[0]!, 'en')).toBe('Step 1: give it a title in Chinese.');
    expect(formatAuthorProblem(found[0]!, 'zh-CN')).toBe('步骤 1：请填写中文标题。');
    expect(formatAuthorProblem(found[2]!, 'en')).toMatch(
      /^Step 2: students cannot train this project/,
    );
  });

  it('refuses locks on what the step does not have, and expectations of the wrong kind', () => {
    let draft = threeStepDraft();
    draft = changeStep(draft, 'step2', (s) => ({
      ...s,
      locks: toggleLock(
        toggleLock(s.locks, { kind: 'layer', node: 'n404' }, true),
        { kind: 'param', node: 'n1', param: 'colour' },
        true,
      ),
      expectations: [{ id: 'check7', kind: 'lab-answer', quantity: 'loss', tolerance: 0 }],
    }));
    draft = changeStep(draft, 'step3', (s) => ({
      ...s,
      locks: toggleLock(s.locks, { kind: 'field', field: 'colour' }, true),
      expectations: [{ id: 'check8', kind: 'param-count', op: '<=', value: 10 }],
    }));
    expect(problems(draft).map((p) => p.code)).toEqual([
      'author-lock-unknown-layer',
      'author-lock-unknown-param',
      'author-answer-on-project',
      'author-lock-unknown-field',
      'author-training-on-lab',
    ]);
  });

  it('refuses an accuracy outside 0…1', () => {
    const draft = changeStep(threeStepDraft(), 'step2', (s) => ({
      ...s,
      expectations: [{ id: 'check2', kind: 'metric', metric: 'accuracy', op: '>=', value: 85 }],
    }));
    expect(problems(draft).map((p) => p.code)).toEqual(['author-accuracy-range']);
  });

  it('asks for the dataset folder’s description in both languages', () => {
    const draft = changeStep(threeStepDraft(), 'step2', (s) =>
      s.kind === 'project'
        ? { ...s, dataset: { kind: 'folder', description: both('Fashion-MNIST', '') } }
        : s,
    );
    const found = problems(draft);
    expect(found.map((p) => [p.code, p.args['lang']])).toEqual([
      ['author-dataset-description-missing', 'zh-CN'],
    ]);
    expect(formatAuthorProblem(found[0]!, 'zh-CN')).toBe(
      '步骤 2：请用中文说明学生要选择哪个数据集文件夹。',
    );
  });
});

describe('the draft', () => {
  it('moves, removes and numbers steps without reusing an id', () => {
    const draft = threeStepDraft();
    const ids = (d: PackDraft) => d.steps.map((s: DraftStep) => s.id);
    expect(ids(moveStep(draft, 'step3', -1))).toEqual(['step1', 'step3', 'step2']);
    expect(ids(moveStep(draft, 'step1', -1))).toEqual(['step1', 'step2', 'step3']);
    const removed = removeStep(draft, 'step2');
    expect(ids(removed)).toEqual(['step1', 'step3']);
    const added = newDraftStep(removed, { kind: 'reading', title: both('Read', '阅读') });
    expect(ids(addStep(removed, added))).toEqual(['step1', 'step3', 'step4']);
    // check2 went with step2; check1 and check3 remain, so the next id is one neither has.
    expect(freshExpectationId(removed)).toBe('check4');
  });

  it('toggles a lock on and off, once', () => {
    const none = { layers: [], params: [], labFields: [] };
    const on = toggleLock(
      toggleLock(none, { kind: 'layer', node: 'n1' }, true),
      { kind: 'layer', node: 'n1' },
      true,
    );
    expect(on.layers).toEqual(['n1']);
    expect(toggleLock(on, { kind: 'layer', node: 'n1' }, false)).toEqual(none);
  });

  it('offers the lab’s own fields to lock and its own numbers to ask for', () => {
    expect(lockableLabFields(backpropLab())).toContain('kernels');
    expect(answerableQuantities(backpropLab())).toEqual(
      expect.arrayContaining(['loss', 'dL/dw5', "w5'"]),
    );
    expect(answerableQuantities(convolutionLab)).toEqual(
      expect.arrayContaining(['conv[1,1]', 'conv[2,2]', 'pool[1,1]']),
    );
  });

  it('leaves the teacher’s dataset folder out of a project step', () => {
    const doc = { ...lenet(), dataset: { fake: true } as unknown as ProjectDoc['dataset'] };
    const step = newDraftStep(newPackDraft('pack-test-0003'), {
      kind: 'project',
      project: doc,
      title: both('a', 'b'),
    });
    expect(step.kind === 'project' && step.project.dataset).toBeNull();
  });
});
