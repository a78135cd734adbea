import { describe, expect, it } from 'vitest';

import { getLayerSpec } from '@core';

import { followedParams } from './followed-params';

const dense = getLayerSpec('Dense')!;
const sequence = getLayerSpec('SequenceInput')!;

describe('followedParams', () => {
  it('Dense units follow the class count when the switch is on and a dataset is attached', () => {
    const params = { units: 10, activation: 'softmax', useBias: true, unitsFromDataset: true };
    expect([...followedParams(dense, params, { datasetClassCount: 2 })]).toEqual([['units', 2]]);
  });

  it('a stored value equal to the dataset value still counts as followed', () => {
    const params = { units: 2, activation: 'softmax', useBias: true, unitsFromDataset: true };
    expect(followedParams(dense, params, { datasetClassCount: 2 }).get('units')).toBe(2);
  });

  it('nothing follows with the switch off, or without a dataset', () => {
    const params = { units: 10, activation: 'softmax', useBias: true, unitsFromDataset: false };
    expect(followedParams(dense, params, { datasetClassCount: 2 }).size).toBe(0);
    expect(followedParams(dense, { ...params, unitsFromDataset: true }, {}).size).toBe(0);
  });

  it('the sequence input shows the dataset length and vocabulary, not its stored 200', () => {
    const params = { length: 200, vocabularySize: 10_000, fromDataset: true };
    const followed = followedParams(sequence, params, {
      datasetClassCount: 2,
      sequenceLength: 64,
      vocabularySize: 5_000,
    });
    expect(followed.get('length')).toBe(64);
    expect(followed.get('vocabularySize')).toBe(5_000);
  });
});
