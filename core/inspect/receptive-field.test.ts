import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { NodeId } from '../graph/types';
import {
  chainAxisFields,
  paddingBefore,
  stepAxisField,
  unionAxisFields,
  unitInterval,
  windowOutputLength,
} from './receptive-field';
import type { ReceptiveField } from './receptive-fields-of';
import { receptiveFieldNumbers, receptiveFieldsOf, unitFieldOf } from './receptive-fields-of';
import type { ChainLayer } from './testing/chain-network';
import { buildChainNetwork } from './testing/chain-network';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const conv = (k: number, extra: Record<string, number | string | number[]> = {}): ChainLayer => ({
  kind: 'Conv2D',
  params: { filters: 1, kernelSize: k, ...extra },
});
const pool = (size: number, extra: Record<string, number | string> = {}): ChainLayer => ({
  kind: 'MaxPooling2D',
  params: { poolSize: size, ...extra },
});

/** Fields of every node of a chain, checked against TF.js-built shapes. */
function fieldsOfChain(
  inputSide: number,
  layers: readonly ChainLayer[],
): { fields: ReceptiveField[]; outputSides: number[] } {
  const net = buildChainNetwork([inputSide, inputSide, 1], layers);
  const byId = receptiveFieldsOf(net.doc, net.shapes);
  const fields = net.ids.map((id) => byId.get(id) as ReceptiveField);
  const outputSides = net.ids.map((id) => net.shapes.get(id)?.[1] as number);
  net.model.dispose();
  return { fields, outputSides };
}

function axis0(field: ReceptiveField | undefined): { size: number; jump: number; start: number } {
  if (!field || field.kind !== 'spatial')
    throw new Error(`expected a spatial field, got ${JSON.stringify(field)}`);
  return field.axes[0] as { size: number; jump: number; start: number };
}

describe('receptive field recurrences (hand-worked, one axis)', () => {
  it('3×3 valid conv on a 5×5 input: 3×3 output, each unit sees 3 pixels, unit 2 sees 2..4', () => {
    const { fields, outputSides } = fieldsOfChain(5, [conv(3)]);
    expect(outputSides[1]).toBe(3);
    expect(axis0(fields[1])).toEqual({ size: 3, jump: 1, start: 1 });
    expect(unitFieldOf(fields[1] as ReceptiveField, [2, 0])?.unclipped).toEqual({
      lo: [2, 0],
      hi: [4, 2],
    });
  });

  it('two stacked 3×3 valid convs on 7×7: 3×3 output, field 5×5, centre unit sees rows 1..5', () => {
    const { fields, outputSides } = fieldsOfChain(7, [conv(3), conv(3)]);
    expect(outputSides).toEqual([7, 5, 3]);
    expect(axis0(fields[2])).toEqual({ size: 5, jump: 1, start: 2 });
    expect(unitFieldOf(fields[2] as ReceptiveField, [1, 1])?.clipped).toEqual({
      lo: [1, 1],
      hi: [5, 5],
    });
  });

  it('three stacked 3×3 convs grow the field by 2 each: 3, 5, 7', () => {
    const { fields } = fieldsOfChain(9, [conv(3), conv(3), conv(3)]);
    expect(fields.slice(1).map((f) => axis0(f).size)).toEqual([3, 5, 7]);
  });

  it("3×3 'same' conv on 5×5 pads one pixel: corner unit sees -1..1, clipped to 0..1", () => {
    const { fields, outputSides } = fieldsOfChain(5, [conv(3, { padding: 'same' })]);
    expect(outputSides[1]).toBe(5);
    expect(axis0(fields[1])).toEqual({ size: 3, jump: 1, start: 0 });
    const unit = unitFieldOf(fields[1] as ReceptiveField, [0, 4]);
    expect(unit?.unclipped).toEqual({ lo: [-1, 3], hi: [1, 5] });
    expect(unit?.clipped).toEqual({ lo: [0, 3], hi: [1, 4] });
  });

  it('3×3 conv with stride 2 on 7×7: jump 2, last unit sees 4..6', () => {
    const { fields, outputSides } = fieldsOfChain(7, [conv(3, { strides: 2 })]);
    expect(outputSides[1]).toBe(3);
    expect(axis0(fields[1])).toEqual({ size: 3, jump: 2, start: 1 });
    expect(unitInterval(axis0(fields[1]), 2)).toEqual({ lo: 4, hi: 6 });
  });

  it("'same' stride 2 on an even input puts the odd padding pixel at the end (TensorFlow rule)", () => {
    const { fields, outputSides } = fieldsOfChain(6, [conv(3, { strides: 2, padding: 'same' })]);
    expect(outputSides[1]).toBe(3);
    expect(axis0(fields[1])).toEqual({ size: 3, jump: 2, start: 1 });
    expect(unitInterval(axis0(fields[1]), 2)).toEqual({ lo: 4, hi: 6 });
  });

  it('a 3×3 kernel with dilation 2 sees 5 pixels', () => {
    const { fields, outputSides } = fieldsOfChain(7, [conv(3, { dilationRate: 2 })]);
    expect(outputSides[1]).toBe(3);
    expect(axis0(fields[1])).toEqual({ size: 5, jump: 1, start: 2 });
  });

  it('dilation after a stride-2 layer multiplies by the jump: 2 + (5−1)·2 = 10', () => {
    const { fields } = fieldsOfChain(16, [pool(2), conv(3, { dilationRate: 2 })]);
    expect(axis0(fields[2])).toEqual({ size: 10, jump: 2, start: 4.5 });
  });

  it('2×2 max pooling (stride defaults to pool size) after a 3×3 conv: field 4, jump 2, start 1.5', () => {
    const { fields } = fieldsOfChain(28, [conv(3), pool(2)]);
    expect(axis0(fields[2])).toEqual({ size: 4, jump: 2, start: 1.5 });
    expect(unitInterval(axis0(fields[2]), 0)).toEqual({ lo: 0, hi: 3 });
  });

  it('LeNet on 28×28 (5×5 conv, pool, 5×5 conv, pool): fields 5, 6, 14, 16 with jumps 1, 2, 2, 4', () => {
    const { fields } = fieldsOfChain(28, [conv(5), pool(2), conv(5), pool(2)]);
    expect(fields.slice(1).map(axis0)).toEqual([
      { size: 5, jump: 1, start: 2 },
      { size: 6, jump: 2, start: 2.5 },
      { size: 14, jump: 2, start: 6.5 },
      { size: 16, jump: 4, start: 7.5 },
    ]);
  });

  it('formats the numbers a canvas node shows', () => {
    const { fields } = fieldsOfChain(28, [conv(5), pool(2), conv(5)]);
    expect(receptiveFieldNumbers(fields[3])).toEqual({
      size: '14×14',
      jump: '2×2',
      start: '6.5, 6.5',
    });
    expect(receptiveFieldNumbers({ kind: 'none', reason: 'unsupported-layer' })).toBeNull();
  });

  it('activation, batch norm and dropout pass the field through unchanged', () => {
    const { fields } = fieldsOfChain(8, [
      conv(3),
      { kind: 'Activation', params: { activation: 'relu' } },
      { kind: 'BatchNormalization', params: {} },
      { kind: 'Dropout', params: { rate: 0.5 } },
    ]);
    for (const f of fields.slice(2)) expect(axis0(f)).toEqual({ size: 3, jump: 1, start: 1 });
  });

  it('zero padding shifts the start by the padding times the jump', () => {
    const { fields } = fieldsOfChain(8, [
      { kind: 'ZeroPadding2D', params: { padding: 1 } },
      conv(3),
    ]);
    expect(axis0(fields[1])).toEqual({ size: 1, jump: 1, start: -1 });
    expect(axis0(fields[2])).toEqual({ size: 3, jump: 1, start: 0 });
  });

  it('Flatten and Dense see the whole input', () => {
    const { fields } = fieldsOfChain(8, [
      conv(3),
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 4 } },
    ]);
    expect(fields[2]?.kind).toBe('global');
    expect(fields[3]?.kind).toBe('global');
    expect(unitFieldOf(fields[3] as ReceptiveField, [0])?.clipped).toEqual({
      lo: [0, 0],
      hi: [7, 7],
    });
  });

  it('a vector input has no spatial field', () => {
    const net = buildChainNetwork([5, 5, 1], [conv(3)]);
    net.model.dispose();
    const inputId = net.ids[0] as NodeId;
    const doc = {
      ...net.doc,
      nodes: { ...net.doc.nodes, [inputId]: { ...net.doc.nodes[inputId]!, kind: 'VectorInput' } },
    };
    expect(receptiveFieldsOf(doc, new Map([[inputId, [null, 25]]])).get(inputId)).toEqual({
      kind: 'none',
      reason: 'no-spatial-input',
    });
  });

  it("'same' padding with an unknown input size reports unknown-shape instead of guessing", () => {
    const net = buildChainNetwork([5, 5, 1], [conv(3, { padding: 'same' })]);
    net.model.dispose();
    const shapes = new Map(net.shapes);
    shapes.set(net.ids[0] as NodeId, [null, null, null, 1]);
    expect(receptiveFieldsOf(net.doc, shapes).get(net.ids[1] as NodeId)).toEqual({
      kind: 'none',
      reason: 'unknown-shape',
    });
  });

  it('accepts {ok, shape} results and records as well as bare shapes in a Map', () => {
    const net = buildChainNetwork([5, 5, 1], [conv(3)]);
    net.model.dispose();
    const record = Object.fromEntries(
      [...net.shapes].map(([id, shape]) => [id, { ok: true, shape }]),
    );
    expect(axis0(receptiveFieldsOf(net.doc, record).get(net.ids[1] as NodeId))).toEqual({
      size: 3,
      jump: 1,
      start: 1,
    });
  });

  it('1-D convolutions and pooling on sequences use the time axis', () => {
    const net = buildChainNetwork(
      [20, 4],
      [
        { kind: 'Conv1D', params: { filters: 2, kernelSize: 3 } },
        { kind: 'MaxPooling1D', params: { poolSize: 2 } },
      ],
    );
    net.model.dispose();
    const f = receptiveFieldsOf(net.doc, net.shapes);
    expect(axis0(f.get(net.ids[2] as NodeId))).toEqual({ size: 4, jump: 2, start: 1.5 });
  });
});

describe('receptive field helpers', () => {
  it.each([
    [28, 5, 1, 1, 'valid', 24],
    [28, 3, 1, 1, 'same', 28],
    [7, 3, 2, 1, 'valid', 3],
    [6, 3, 2, 1, 'same', 3],
    [7, 3, 1, 2, 'valid', 3],
  ] as const)('output length of n=%i k=%i s=%i d=%i %s is %i', (n, k, s, d, pad, expected) => {
    expect(windowOutputLength(n, k, s, d, pad)).toBe(expected);
  });

  it('causal padding puts all k_eff − 1 pixels before the first step', () => {
    expect(paddingBefore(10, 3, 1, 2, 'causal')).toBe(4);
  });

  it('chainAxisFields starts with the input field and applies each window', () => {
    const w = { kernel: 3, stride: 1, dilation: 1, padBefore: 0 };
    expect(chainAxisFields([w, w]).map((f) => f.size)).toEqual([1, 3, 5]);
    expect(
      stepAxisField(
        { size: 1, jump: 1, start: 0 },
        { kernel: 2, stride: 2, dilation: 1, padBefore: 0 },
      ),
    ).toEqual({ size: 2, jump: 2, start: 0.5 });
  });

  it('the union of two paths with the same jump covers both; different jumps cannot be merged', () => {
    expect(unionAxisFields({ size: 3, jump: 1, start: 1 }, { size: 5, jump: 1, start: 2 })).toEqual(
      { size: 5, jump: 1, start: 2 },
    );
    expect(
      unionAxisFields({ size: 3, jump: 1, start: 1 }, { size: 3, jump: 2, start: 1 }),
    ).toBeNull();
  });
});

afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});
