import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { compileGraph } from '../compile/compile-graph';
import { parseTemplate, type TemplateId } from '../io/templates';
import { validateGraph } from '../validate/validate-graph';
import { canTrainWithEngine } from './plan-model';

const files = import.meta.glob('../../assets/templates/*.layerlab', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function templateModel(id: TemplateId): {
  model: tf.LayersModel;
  loss: Parameters<typeof canTrainWithEngine>[1];
} {
  const text = files[`../../assets/templates/${id}.layerlab`];
  if (text === undefined) throw new Error(`no template ${id}`);
  const parsed = parseTemplate(text, id);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const project = parsed.value;
  const inference = {
    datasetClassCount: id === 'lstm-text' ? 2 : id === 'backprop-323' ? 3 : 10,
    vocabularySize: 100,
    sequenceLength: 20,
  };
  const diagnostics = validateGraph(project.graph, {
    training: project.training,
    dataset: { classCount: inference.datasetClassCount, vocabularySize: 100, sequenceLength: 20 },
  });
  return {
    model: compileGraph(project.graph, { diagnostics, inference }),
    loss: project.training.loss,
  };
}

beforeAll(() => tf.setBackend('cpu'));

describe('which course templates the engine trains', () => {
  it.each(['lenet', 'residual-cnn', 'mlp-digits', 'backprop-323', 'lstm-text'] as const)(
    'trains the %s template',
    (id) => {
      const { model, loss } = templateModel(id);
      expect(canTrainWithEngine(model, loss)).toEqual({ ok: true });
      model.dispose();
    },
  );
});
