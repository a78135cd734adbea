import { describe, expect, it } from 'vitest';
import { splitFromValidationPaths, stratifiedSplit, validationCountFor } from './split';

const labels = [...Array(10).fill(0), ...Array(3).fill(1), 2, ...Array(2).fill(3)] as number[];

describe('stratifiedSplit', () => {
  it('keeps at least one validation sample per class of two or more, and one for training', () => {
    const { train, validation } = stratifiedSplit(labels, { seed: 1, validationShare: 0.2 });
    const val = validation.map((i) => labels[i]);
    expect(val.filter((c) => c === 0)).toHaveLength(2);
    expect(val.filter((c) => c === 1)).toHaveLength(1);
    expect(val.filter((c) => c === 3)).toHaveLength(1);
    expect(val).not.toContain(2);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });
  it('is repeatable for a seed and changes with another seed', () => {
    const a = stratifiedSplit(labels, { seed: 7, validationShare: 0.3 });
    expect(stratifiedSplit(labels, { seed: 7, validationShare: 0.3 })).toEqual(a);
    const others = [8, 9, 10].map(
      (seed) => stratifiedSplit(labels, { seed, validationShare: 0.3 }).validation,
    );
    expect(others.some((v) => JSON.stringify(v) !== JSON.stringify(a.validation))).toBe(true);
  });
  it('holds out nothing when the share is 0', () => {
    expect(validationCountFor(100, 0)).toBe(0);
    expect(validationCountFor(2, 0.9)).toBe(1);
    expect(validationCountFor(1, 0.5)).toBe(0);
  });
  it('re-applies a stored split; new files go to training', () => {
    expect(splitFromValidationPaths(['a/1', 'a/2', 'a/new'], ['a/2'])).toEqual({
      train: [0, 2],
      validation: [1],
    });
  });
});
