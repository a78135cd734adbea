import { describe, expect, it } from 'vitest';
import { conv2d } from './convolution';
import { convExamples, findKernelPreset } from './convolution-presets';
import { convSymbolicCells, inputSymbol, kernelSymbol } from './convolution-symbols';

const deck = convExamples.find((e) => e.id === 'course-5x5')!;
const x = findKernelPreset(deck.kernelId)!.kernel;
const valid = { stride: 1, padding: 'valid' as const, dilation: 1 };

describe("the course deck's numeric 5×5 example", () => {
  it('is the classic grid and X kernel, and convolves to [[4,3,4],[2,4,3],[2,3,4]]', () => {
    expect(deck.origin).toBe('deck');
    expect(deck.input).toEqual([
      [1, 1, 1, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 1, 1, 1],
      [0, 0, 1, 1, 0],
      [0, 1, 1, 0, 0],
    ]);
    expect(x).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    const r = conv2d(deck.input, x, valid);
    expect(r.ok && r.value.output).toEqual([
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ]);
  });
  it('labels the 7×7 grid as example values, not the deck’s', () => {
    expect(convExamples.find((e) => e.id === 'course-7x7')?.origin).toBe('example');
  });
});

describe('the convolution in symbols', () => {
  it('names a 5×5 input a…y and a 3×3 kernel w1…w9, row by row', () => {
    expect(inputSymbol(0, 0, 5, 5)).toBe('a');
    expect(inputSymbol(4, 4, 5, 5)).toBe('y');
    expect(kernelSymbol(0, 0, 3, 3)).toBe('w1');
    expect(kernelSymbol(2, 2, 3, 3)).toBe('w9');
    expect(inputSymbol(6, 0, 7, 7)).toBe('x(7,1)');
  });
  it('writes each output cell as the sum of its nine products', () => {
    const r = conv2d(deck.input, x, valid);
    if (!r.ok) throw new Error('conv failed');
    const cells = convSymbolicCells(deck.input, x, r.value.plan);
    expect(cells.length).toBe(3);
    expect(cells[0]?.[0]?.symbolic).toBe(
      'a·w1 + b·w2 + c·w3 + f·w4 + g·w5 + h·w6 + k·w7 + l·w8 + m·w9',
    );
    expect(cells[2]?.[2]?.symbolic).toBe(
      'm·w1 + n·w2 + o·w3 + r·w4 + s·w5 + t·w6 + w·w7 + x·w8 + y·w9',
    );
  });
  it('leaves padding cells out of a padded cell’s sum', () => {
    const r = conv2d(deck.input, x, { ...valid, padding: 'same' });
    if (!r.ok) throw new Error('conv failed');
    expect(convSymbolicCells(deck.input, x, r.value.plan)[0]?.[0]?.symbolic).toBe(
      'a·w5 + b·w6 + f·w8 + g·w9',
    );
  });
});
