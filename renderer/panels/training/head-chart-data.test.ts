import { describe, expect, it } from 'vitest';

import type { EpochMetrics } from '@core';
import { headChartColumns, headsOfRun } from './head-chart-data';

const epoch = (n: number, label: [number, number], box: [number, number] | null): EpochMetrics => ({
  epoch: n,
  loss: label[0] + (box ? box[0] : 0),
  accuracy: label[1],
  valLoss: null,
  valAccuracy: null,
  learningRate: 0.001,
  seconds: 1,
  heads: [
    {
      name: 'label',
      metric: 'accuracy',
      loss: label[0],
      value: label[1],
      valLoss: label[0] + 0.1,
      valValue: null,
    },
    ...(box
      ? [
          {
            name: 'box',
            metric: 'iou' as const,
            loss: box[0],
            value: box[1],
            valLoss: null,
            valValue: box[1] - 0.1,
          },
        ]
      : []),
  ],
});

describe('per-head training curves', () => {
  it('lists the heads of a run, none for a network with one output', () => {
    expect(headsOfRun([epoch(0, [1, 0.5], [0.2, 0.3])])).toEqual([
      { name: 'label', metric: 'accuracy' },
      { name: 'box', metric: 'iou' },
    ]);
    const { heads: _, ...plain } = epoch(0, [1, 0.5], null);
    expect(headsOfRun([plain])).toEqual([]);
    expect(headsOfRun([])).toEqual([]);
  });

  it('gives per head a training and a validation column per epoch, for the loss and the metric', () => {
    const epochs = [epoch(0, [1, 0.5], [0.2, 0.3]), epoch(1, [0.5, 0.8], [0.1, 0.6])];
    const heads = headsOfRun(epochs);
    expect(headChartColumns(epochs, heads, 'loss')).toEqual([
      [1, 2],
      [1, 0.5],
      [1.1, 0.6],
      [0.2, 0.1],
      [null, null],
    ]);
    const value = headChartColumns(epochs, heads, 'value');
    expect(value[1]).toEqual([0.5, 0.8]);
    expect(value[2]).toEqual([null, null]);
    expect(value[3]).toEqual([0.3, 0.6]);
    expect(value[4]![0]).toBeCloseTo(0.2, 9);
    expect(value[4]![1]).toBeCloseTo(0.5, 9);
  });
});
