import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { compileGraph } from '../compile/compile-graph';
import { saveToArtifacts, tfjsModelFiles } from '../io/export/tfjs-files';
import { parseProject, serializeProject, type ProjectDoc } from '../io/project-file';
import { graphFingerprint } from '../io/trained-model/graph-fingerprint';
import type { TrainedModelRecord } from '../io/trained-model/trained-model';
import { serializeLabFile, type LabFile } from '../labs/lab-file';
import { checkStep, stepPassed, type StepWork } from './checks';
import { classReportCsv, classReportHtml, csvCell } from './class-report';
import { GAN_EXAMPLE, ganLabStateOf, traceGan } from '../labs/gan';
import { labQuantities } from './lab-quantities';
import { formatPackMessage } from './pack-messages';
import { readPack, type LabPack, type LoadedStep } from './read-pack';
import { recheckSubmission, stepStart } from './recheck';
import { samplePackContents, type SamplePackSources } from './sample-pack';
import {
  buildSubmission,
  parseSubmission,
  serializeSubmission,
  type StepProgress,
} from './submission';
import { writePack } from './write-pack';

const templates = import.meta.glob(
  ['../../assets/templates/lenet.layerlab', '../../assets/samples/licenses/fashion-mnist.txt'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;
/** A small PNG-signed image (the reader checks magic bytes, never decodes). */
const png = (n: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n, n + 1, n + 2]);
/** The sample's sources: the real LeNet template and licence, ten tiny stand-in images per class. */
function sampleSources(): SamplePackSources {
  const fashionFiles: Record<string, Uint8Array> = {};
  for (let c = 0; c < 10; c++)
    for (let i = 0; i < 10; i++) fashionFiles[`class${c}/${i}.png`] = png(c * 10 + i);
  return {
    lenetProject: templates['../../assets/templates/lenet.layerlab'] ?? '',
    fashionFiles,
    fashionLicence: templates['../../assets/samples/licenses/fashion-mnist.txt'] ?? '',
    image: png(0),
    appVersion: '0.1.0',
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const read = readPack(writePack(samplePackContents(sampleSources())));
if (!read.ok) throw new Error(read.error.message);
const pack: LabPack = read.value;
const step = (id: string): LoadedStep => {
  const found = pack.steps.find((s) => s.step.id === id);
  if (!found) throw new Error(id);
  return found;
};
const backprop = step('backprop') as LoadedStep & { lab: LabFile };
const lenet = step('lenet') as LoadedStep & { project: ProjectDoc; projectText: string };
const key = pack.answers.dw5 ?? NaN;

function labWork(file: LabFile, answer: number | null): StepWork {
  return { kind: 'lab', file, answers: { dw5: answer } };
}

/** LeNet with a model file and a run whose last epoch reached `valAccuracy` (as the app saves it). */
async function trainedLenet(doc: ProjectDoc, valAccuracy: number): Promise<string> {
  const model = compileGraph(doc.graph, { diagnostics: [] });
  const files = tfjsModelFiles(await saveToArtifacts(model), {});
  model.dispose();
  const record: TrainedModelRecord = {
    fingerprint: graphFingerprint(doc.graph),
    trainedAt: '2026-12-07T10:00:00.000Z',
    dataset: {
      kind: 'image',
      folder: { name: 'fashion-mnist', displayPath: '/data/fashion-mnist' },
      testFolder: null,
      classNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
      split: { seed: 1, validationShare: 0.2 },
      image: null,
      text: null,
      vocabulary: null,
    },
    runs: [
      {
        label: '1 · 10:00',
        settings: doc.training,
        epochs: [
          {
            epoch: 0,
            loss: 1.2,
            accuracy: 0.5,
            valLoss: 1.1,
            valAccuracy: 0.4,
            learningRate: 0.001,
            seconds: 2,
          },
          {
            epoch: 1,
            loss: 0.6,
            accuracy: 0.8,
            valLoss: 0.7,
            valAccuracy,
            learningRate: 0.001,
            seconds: 2,
          },
        ],
        bestEpoch: 1,
        outcome: 'completed',
      },
    ],
    files,
  };
  return serializeProject(doc, { trainedModel: record });
}

describe('checkStep', () => {
  it('computes the answer key from the lab, as the lab shows it', () => {
    expect(labQuantities(backprop.lab).get('dL/dw5')).toBe(key);
    expect(Number.isFinite(key)).toBe(true);
  });

  it('the GAN lab offers its D-step and G-step numbers, as the lab shows them', () => {
    const trace = traceGan(GAN_EXAMPLE);
    const q = labQuantities({ lab: 'gan', state: ganLabStateOf(GAN_EXAMPLE) });
    expect(q.get('V')).toBe(trace.forward.V);
    expect(q.get('dV/dw1')).toBe(trace.dStep.dw[0]);
    expect(q.get("b'")).toBe(trace.dStep.after.b);
    expect(q.get('dL_G/dc2')).toBe(trace.gStep.applied.dc[1]);
    expect(q.get("a1'")).toBe(trace.gStep.after.a[0]);
  });

  it('passes a typed answer within the tolerance, fails one outside, waits for an empty one', () => {
    const start = stepStart(backprop);
    const near = checkStep(backprop.step, start, labWork(backprop.lab, key + 0.0009), pack.answers);
    expect(stepPassed(near)).toBe(true);
    const off = checkStep(backprop.step, start, labWork(backprop.lab, key + 0.01), pack.answers);
    expect(off.find((r) => r.id === 'dw5')).toMatchObject({
      status: 'fail',
      code: 'check-answer-wrong',
    });
    const empty = checkStep(backprop.step, start, labWork(backprop.lab, null), pack.answers);
    expect(empty.find((r) => r.id === 'dw5')?.status).toBe('pending');
  });

  it('fails a lab whose locked numbers were changed, and never puts the key in a result', () => {
    const edited: LabFile = {
      lab: 'backprop',
      state: { ...(backprop.lab.state as object), inputs: [1, 1, 1] } as never,
    };
    const results = checkStep(
      backprop.step,
      stepStart(backprop),
      labWork(edited, key),
      pack.answers,
    );
    expect(results[0]).toMatchObject({ id: 'locks', status: 'fail', args: { field: 'inputs' } });
    const wrong = checkStep(
      backprop.step,
      stepStart(backprop),
      labWork(backprop.lab, 0),
      pack.answers,
    );
    expect(JSON.stringify(wrong)).not.toContain(String(key));
  });

  it('fails a project whose locked layer was deleted or whose locked parameter was edited', () => {
    const doc = lenet.project;
    const { n1: _removed, ...rest } = doc.graph.nodes as Record<
      string,
      ProjectDoc['graph']['nodes'][never]
    >;
    const without = {
      ...doc,
      graph: { ...doc.graph, nodes: rest as ProjectDoc['graph']['nodes'] },
    };
    const work = (d: ProjectDoc): StepWork => ({
      kind: 'project',
      answers: {},
      work: { doc: d, runs: null, stale: false },
    });
    expect(checkStep(lenet.step, stepStart(lenet), work(without), {})[0]).toMatchObject({
      code: 'check-layer-removed',
    });
    const n1 = (doc.graph.nodes as Record<string, { params: Record<string, unknown> }>).n1;
    const edited = {
      ...doc,
      graph: {
        ...doc.graph,
        nodes: { ...doc.graph.nodes, n1: { ...n1, params: { ...n1?.params, height: 32 } } },
      },
    } as ProjectDoc;
    expect(checkStep(lenet.step, stepStart(lenet), work(edited), {})[0]).toMatchObject({
      code: 'check-param-changed',
      args: { param: 'height' },
    });
  });

  it('counts parameters and reads accuracy from the saved run; waits while untrained', async () => {
    const untrained: StepWork = {
      kind: 'project',
      answers: {},
      work: { doc: lenet.project, runs: null, stale: false },
    };
    const results = checkStep(lenet.step, stepStart(lenet), untrained, {});
    expect(results.find((r) => r.id === 'size')).toMatchObject({
      status: 'pass',
      args: { value: 80202 },
    });
    expect(results.find((r) => r.id === 'accuracy')?.status).toBe('pending');
    const text = await trainedLenet(lenet.project, 0.55);
    const recheck = recheckSubmission(pack, submissionOf('Low', { lenet: text }));
    const lenetRow = recheck.steps.find((s) => s.id === 'lenet');
    expect(lenetRow?.results.find((r) => r.id === 'accuracy')).toMatchObject({
      status: 'fail',
      code: 'check-metric-missed',
      args: { value: 0.55, target: 0.6 },
    });
  });
});

function progress(
  work: string | null,
  answers: Record<string, number | null> = {},
  done = false,
): StepProgress {
  return {
    openedAt: '2026-12-07T09:00:00.000Z',
    updatedAt: '2026-12-07T09:30:00.000Z',
    work,
    answers,
    done,
    results: [],
  };
}

function submissionOf(
  student: string,
  overrides: { lenet?: string; dw5?: number; conv11?: number },
) {
  const conv = step('convolution') as LoadedStep & { lab: LabFile };
  return buildSubmission({
    packId: pack.manifest.packId,
    packTitle: pack.manifest.title.en,
    stepIds: pack.steps.map((s) => s.step.id),
    student,
    createdAt: '2026-12-07T10:00:00.000Z',
    appVersion: '0.1.0',
    progress: {
      reading: progress(null, {}, true),
      backprop: progress(serializeLabFile(backprop.lab), { dw5: overrides.dw5 ?? key }),
      lenet: progress(overrides.lenet ?? lenet.projectText),
      convolution: progress(serializeLabFile(conv.lab), {
        conv11: overrides.conv11 ?? pack.answers.conv11 ?? 0,
      }),
    },
  });
}

describe('submissions and the class report', () => {
  it('round-trips a submission and rechecks it: all four steps pass with a trained model', async () => {
    const text = serializeSubmission(
      submissionOf('Li Lei', { lenet: await trainedLenet(lenet.project, 0.72) }),
    );
    const parsed = parseSubmission(text, pack.manifest.packId);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const recheck = recheckSubmission(pack, parsed.value);
    expect(recheck.passedSteps).toBe(4);
  });

  it('ignores the results a submission claims and flags the disagreement', () => {
    const forged = submissionOf('Forger', { dw5: 0 });
    const claimed = {
      ...forged,
      steps: forged.steps.map((s) => ({
        ...s,
        results: [{ id: 'dw5', status: 'pass' as const, code: 'check-pass', args: {} }],
      })),
    };
    const recheck = recheckSubmission(pack, claimed);
    const row = recheck.steps.find((s) => s.id === 'backprop');
    expect(row).toMatchObject({ passed: false, disagrees: true });
  });

  it('refuses bad submission files with a code', () => {
    const good = serializeSubmission(submissionOf('A', {}));
    const code = (text: string, id?: string) => {
      const r = parseSubmission(text, id);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('nope')).toBe('submission-not-json');
    expect(code('{"format":"layerlab"}')).toBe('submission-wrong-format');
    expect(code(good.replace('"version": 1', '"version": 7'))).toBe('submission-future-version');
    expect(code(good.replace('"student": "A"', '"student": "A", "extra": 1'))).toBe(
      'submission-invalid',
    );
    expect(code(good, 'another-pack-id')).toBe('submission-other-pack');
  });

  it('escapes student strings in the CSV (formula injection) and the HTML', () => {
    const evil = recheckSubmission(
      pack,
      submissionOf('=HYPERLINK("http://x","<script>alert(1)</script>")', {}),
    );
    const minus = recheckSubmission(pack, submissionOf('-2+3', { dw5: -5 }));
    const csv = classReportCsv(pack, [evil, minus], [{ file: '@evil.json', reason: 'x' }], 'en');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""<script>alert(1)</script>"")"`);
    expect(csv).toContain(`"'-2+3"`);
    expect(csv).toContain(`"'@evil.json"`);
    expect(csv.split('\r\n').every((line) => line === '' || /^\ufeff?"/.test(line))).toBe(true);
    const html = classReportHtml(pack, [evil, minus], [], 'zh-CN');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('未通过');
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell(3)).toBe('"3"');
  });

  it('words every check in both languages', () => {
    const recheck = recheckSubmission(pack, submissionOf('B', { dw5: 1 }));
    const en = classReportCsv(pack, [recheck], [], 'en');
    const zh = classReportCsv(pack, [recheck], [], 'zh-CN');
    expect(en).toMatch(/is not dL\/dw5 \(within 0.001\)/);
    expect(zh).toMatch(/不是 dL\/dw5/);
    expect(zh).not.toMatch(/\{\{/);
  });
});

it('keeps a project parse of the step text equal to the loaded one', () => {
  const again = parseProject(lenet.projectText);
  expect(again.ok && Object.keys(again.value.graph.nodes)).toEqual(
    Object.keys(lenet.project.graph.nodes),
  );
});

describe('check reasons name metrics in words', () => {
  it('says "validation accuracy" / "验证准确率", never the key', () => {
    const args = { metric: 'valAccuracy', value: 0.5, op: '>=', target: 0.85 };
    expect(formatPackMessage('check-metric-missed', args, 'en')).toBe(
      'validation accuracy is 0.5; it should be >= 0.85.',
    );
    expect(formatPackMessage('check-not-trained', { metric: 'valAccuracy' }, 'zh-CN')).toBe(
      '请先训练网络，才能检查验证准确率。',
    );
  });
});
