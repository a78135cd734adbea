import { describe, expect, it } from 'vitest';

import { summarizeModel } from '../graph/summary';
import { inferShapes } from '../shapes/infer';
import { hasBlockingErrors, validateGraph } from '../validate/validate-graph';
import { parseProject } from './project-file';
import { isTemplateId, parseTemplate, templateIds, templateInfo } from './templates';
import type { TemplateId } from './templates';

const files = import.meta.glob('../../assets/templates/*.layerlab', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const read = (id: string) => files[`../../assets/templates/${id}.layerlab`] ?? '';

/** Dataset each template is meant for, and what its summary must show. */
const expected: Record<
  TemplateId,
  {
    classes: number | null;
    text?: { vocabularySize: number; sequenceLength: number };
    kinds: string[];
    totalParams: number;
  }
> = {
  empty: { classes: null, kinds: [], totalParams: 0 },
  'mlp-digits': {
    classes: 10,
    kinds: ['ImageInput', 'Flatten', 'Dense', 'Dense'],
    totalParams: 784 * 128 + 128 + 128 * 10 + 10,
  },
  lenet: {
    classes: 10,
    kinds: [
      'ImageInput',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Dense',
    ],
    totalParams: 416 + 12_832 + 65_664 + 1290,
  },
  'residual-cnn': {
    classes: 10,
    kinds: [
      'ImageInput',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'BatchNormalization',
      'Activation',
      'Conv2D',
      'BatchNormalization',
      'Add',
      'Activation',
      'MaxPooling2D',
      'Conv2D',
      'BatchNormalization',
      'Activation',
      'Conv2D',
      'BatchNormalization',
      'Add',
      'Activation',
      'Flatten',
      'Dense',
    ],
    // Stem conv, two blocks of two 3×3 convs + two batch norms (γ, β, moving mean and variance), dense.
    totalParams: 160 + 2 * (2 * (9 * 16 * 16 + 16) + 2 * 4 * 16) + (7 * 7 * 16 * 10 + 10),
  },
  'lstm-text': {
    classes: 2,
    text: { vocabularySize: 20_000, sequenceLength: 200 },
    kinds: ['SequenceInput', 'Embedding', 'LSTM', 'Dense'],
    totalParams: 20_000 * 32 + 4 * (32 * 32 + 32 * 32 + 32) + 32 * 2 + 2,
  },
  'backprop-323': {
    classes: null,
    kinds: ['VectorInput', 'Dense', 'Dense'],
    totalParams: 3 * 2 + 2 + 2 * 3 + 3,
  },
  'backprop-323-no-bias': {
    classes: null,
    kinds: ['VectorInput', 'Dense', 'Dense'],
    totalParams: 3 * 2 + 2 * 3,
  },
  localisation: {
    classes: 10,
    kinds: [
      'ImageInput',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Dense',
      'Dense',
      'OutputHead',
      'OutputHead',
    ],
    totalParams: 160 + 4640 + 18_496 + 2304 * 128 + 128 + 1290 + 516,
  },
};

describe('templates', () => {
  it('ships exactly the listed templates', () => {
    expect(
      Object.keys(files)
        .map((f) => f.replace(/^.*\/|\.layerlab$/g, ''))
        .sort(),
    ).toEqual([...templateIds].sort());
  });

  for (const id of templateIds) {
    it(`${id}: parses, matches its id, and is ready to train`, () => {
      const r = parseTemplate(read(id), id);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const e = expected[id];
      const { graph, training } = r.value;
      const context = {
        datasetClassCount: e.classes,
        vocabularySize: e.text?.vocabularySize ?? null,
        sequenceLength: e.text?.sequenceLength ?? null,
      };
      const shapes = inferShapes(graph, context);
      const summary = summarizeModel(graph, shapes);
      expect(summary.rows.map((row) => row.kind)).toEqual(e.kinds);
      expect(summary.totalParams).toBe(e.totalParams);
      const diagnostics = validateGraph(graph, {
        shapes,
        training,
        dataset: e.classes === null ? null : { classCount: e.classes },
      });
      if (id === 'empty') expect(diagnostics.map((d) => d.code)).toEqual(['graph-empty']);
      else expect(diagnostics).toEqual([]);
      expect(hasBlockingErrors(diagnostics)).toBe(id === 'empty');
      expect(templateInfo[id].label['zh-CN']).not.toBe('');
    });
  }

  it('uses the settings the course asks for', () => {
    const lenet = parseProject(read('lenet'));
    expect(
      lenet.ok && [lenet.value.training.optimizer.kind, lenet.value.training.batchSize],
    ).toEqual(['adam', 64]);
    const bp = parseProject(read('backprop-323'));
    expect(bp.ok && [bp.value.training.loss, bp.value.training.optimizer.kind]).toEqual([
      'meanSquaredError',
      'sgd',
    ]);
    const mlp = parseProject(read('mlp-digits'));
    const out = mlp.ok ? Object.values(mlp.value.graph.nodes).at(-1) : undefined;
    expect(out?.params).toMatchObject({ units: 10, activation: 'softmax', unitsFromDataset: true });
  });

  it('offers the course 3-2-3 net without biases, as on the slides', () => {
    const bp = parseProject(read('backprop-323-no-bias'));
    const dense = bp.ok
      ? Object.values(bp.value.graph.nodes).filter((n) => n.kind === 'Dense')
      : [];
    expect(dense.map((n) => [n.params['units'], n.params['useBias']])).toEqual([
      [2, false],
      [3, false],
    ]);
  });

  it('refuses a template whose id differs', () => {
    expect(parseTemplate(read('lenet'), 'mlp-digits').ok).toBe(false);
    expect(isTemplateId('lenet')).toBe(true);
    expect(isTemplateId('resnet')).toBe(false);
  });
});
