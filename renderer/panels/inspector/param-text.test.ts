import { describe, expect, it } from 'vitest';

import { getLayerSpec, validateParam, type ParamSpec } from '@core';

import { paramToText, textToParam } from './param-text';
import { checkLayerName } from './name-check';

const conv = getLayerSpec('Conv2D');
const dense = getLayerSpec('Dense');
const param = (kind: typeof conv, name: string): ParamSpec => {
  const p = kind?.params.find((x) => x.name === name);
  if (!p) throw new Error(`no param ${name}`);
  return p;
};

describe('inspector text ⇄ param', () => {
  it('parses integers and keeps garbage as text so validation can explain it', () => {
    const units = param(dense, 'units');
    expect(textToParam(units, ' 128 ')).toBe(128);
    expect(textToParam(units, '12a')).toBe('12a');
    expect(validateParam(dense!, units, textToParam(units, '12a'))?.code).toBe('param-wrong-type');
    expect(validateParam(dense!, units, textToParam(units, '1e9'))?.code).toBe('param-above-max');
    expect(validateParam(dense!, units, textToParam(units, '2.5'))?.code).toBe('param-not-integer');
    expect(validateParam(dense!, units, textToParam(units, '64'))).toBeNull();
  });

  it('parses int lists written with commas, spaces, × or full-width commas', () => {
    const kernel = param(conv, 'kernelSize');
    expect(textToParam(kernel, '3, 3')).toEqual([3, 3]);
    expect(textToParam(kernel, '5×5')).toEqual([5, 5]);
    expect(textToParam(kernel, '3，3')).toEqual([3, 3]);
    expect(validateParam(conv!, kernel, textToParam(kernel, '-3, 3'))?.code).toBe(
      'param-below-min',
    );
    expect(validateParam(conv!, kernel, textToParam(kernel, '3'))?.code).toBe('param-wrong-length');
  });

  it('formats values back to the text the user typed', () => {
    expect(paramToText([3, 3])).toBe('3, 3');
    expect(paramToText(0.5)).toBe('0.5');
    expect(paramToText(null)).toBe('');
  });
});

describe('checkLayerName', () => {
  const nodes = {
    a: { id: 'a', kind: 'Dense', name: 'dense_1', params: {}, position: { x: 0, y: 0 } },
    b: { id: 'b', kind: 'Dense', name: 'dense_2', params: {}, position: { x: 0, y: 0 } },
  } as never;
  it.each([
    ['dense_1', 'a', null],
    ['dense_2', 'a', 'duplicate'],
    ['  ', 'a', 'empty'],
    ['<img onerror=x>', 'a', 'invalid'],
    ['隐藏层_1', 'a', null],
    ['block1/conv', 'a', null],
  ] as const)('%s for node %s → %s', (name, self, expected) => {
    expect(checkLayerName(name, self as never, nodes)).toBe(expected);
  });
});
