import { describe, expect, it } from 'vitest';

import { alignTestSet } from './test-alignment';

describe('alignTestSet', () => {
  it('maps test classes to training indices by name, whatever their order in the test folder', () => {
    // Test folder classes (its own index order) and per-sample labels in that order.
    const aligned = alignTestSet(
      { classNames: ['cat', 'dog'], labels: Int32Array.from([0, 1, 1, 0]) },
      ['ant', 'cat', 'dog'],
    );
    expect([...aligned.labels]).toEqual([1, 2, 2, 1]);
    expect(aligned.kept).toEqual([0, 1, 2, 3]);
    expect(aligned.unknownClasses).toEqual([]);
    expect(aligned.leftOut).toBe(0);
    // A training class missing from the test folder is fine: it just has no test samples.
    expect(aligned.perClass).toEqual([
      { name: 'ant', count: 0 },
      { name: 'cat', count: 2 },
      { name: 'dog', count: 2 },
    ]);
  });

  it('reports a class the training folder lacks and leaves its samples out', () => {
    const aligned = alignTestSet(
      { classNames: ['cat', 'cow', 'dog'], labels: Int32Array.from([0, 1, 2, 1, 2]) },
      ['cat', 'dog'],
    );
    expect(aligned.unknownClasses).toEqual(['cow']);
    expect(aligned.leftOut).toBe(2);
    expect(aligned.kept).toEqual([0, 2, 4]);
    expect([...aligned.labels]).toEqual([0, 1, 1]);
  });

  it('compares names exactly (NFC-normalised by discovery), so near-misses are reported, not merged', () => {
    const aligned = alignTestSet({ classNames: ['Cat'], labels: Int32Array.from([0]) }, ['cat']);
    expect(aligned.unknownClasses).toEqual(['Cat']);
    expect(aligned.kept).toEqual([]);
  });
});
