import { describe, expect, it } from 'vitest';

import {
  defaultParams,
  getLayerSpec,
  isInputKind,
  layerCatalog,
  layerFamilies,
  layerFamilyLabels,
  specsInFamily,
} from './catalog';
import { validateParam } from './validate-param';

describe('layer catalog', () => {
  it('lists each kind once, with a known family', () => {
    const kinds = layerCatalog.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const spec of layerCatalog) expect(layerFamilies).toContain(spec.family);
  });

  it('offers every kind the course needs', () => {
    for (const kind of [
      'ImageInput',
      'SequenceInput',
      'VectorInput',
      'Dense',
      'Activation',
      'Softmax',
      'Dropout',
      'Flatten',
      'Reshape',
      'Conv2D',
      'MaxPooling2D',
      'AveragePooling2D',
      'GlobalAveragePooling2D',
      'BatchNormalization',
      'Embedding',
      'SimpleRNN',
      'LSTM',
      'GRU',
      'Add',
      'Concatenate',
    ]) {
      expect(getLayerSpec(kind)?.kind).toBe(kind);
    }
    expect(getLayerSpec('Conv3D')).toBeUndefined();
  });

  it('gives Dense the formula from the course', () => {
    expect(getLayerSpec('Dense')?.formula).toBe('y = g(Wx + b)');
  });

  for (const spec of layerCatalog) {
    it(`${spec.kind}: texts in both languages, defaults that pass validation, a TF.js factory or input shape`, () => {
      for (const text of [
        spec.label,
        spec.description,
        ...spec.params.flatMap((p) => [p.label, p.description]),
      ]) {
        expect(text.en.trim()).not.toBe('');
        expect(text['zh-CN'].trim()).not.toBe('');
      }
      expect(spec.formula).not.toBe('');
      for (const p of spec.params) expect(validateParam(spec, p, p.default)).toBeNull();
      const params = defaultParams(spec.kind);
      expect(Object.keys(params)).toEqual(spec.params.map((p) => p.name));
      if (spec.family === 'input') {
        expect(spec.arity.max).toBe(0);
        expect(spec.inputShape?.(params).length).toBeGreaterThan(0);
        expect(isInputKind(spec.kind)).toBe(true);
      } else {
        expect(spec.toTf).toBeTypeOf('function');
        expect(spec.arity.min).toBeGreaterThanOrEqual(1);
        expect(isInputKind(spec.kind)).toBe(false);
      }
    });
  }

  it('groups every spec in exactly one labelled family', () => {
    const grouped = layerFamilies.flatMap((f) => specsInFamily(f).map((s) => s.kind));
    expect(grouped.sort()).toEqual(layerCatalog.map((s) => s.kind).sort());
    for (const f of layerFamilies) expect(layerFamilyLabels[f]['zh-CN']).not.toBe('');
  });

  it('returns empty params for an unknown kind', () => {
    expect(defaultParams('Nope')).toEqual({});
  });

  it('lets Dense units follow the dataset class count only when asked', () => {
    const dense = getLayerSpec('Dense')!;
    expect(
      dense.resolveParams!(
        { ...defaultParams('Dense'), unitsFromDataset: true },
        { datasetClassCount: 7 },
      )['units'],
    ).toBe(7);
    expect(
      dense.resolveParams!(
        { ...defaultParams('Dense'), unitsFromDataset: false },
        { datasetClassCount: 7 },
      )['units'],
    ).toBe(64);
    expect(
      dense.resolveParams!(
        { ...defaultParams('Dense'), unitsFromDataset: true },
        { datasetClassCount: null },
      )['units'],
    ).toBe(64);
  });

  it('lets Embedding and SequenceInput follow the text dataset', () => {
    const context = { vocabularySize: 5000, sequenceLength: 80 };
    expect(
      getLayerSpec('Embedding')!.resolveParams!(defaultParams('Embedding'), context)['inputDim'],
    ).toBe(5000);
    const seq = getLayerSpec('SequenceInput')!.resolveParams!(
      defaultParams('SequenceInput'),
      context,
    );
    expect([seq['length'], seq['vocabularySize']]).toEqual([80, 5000]);
  });
});
