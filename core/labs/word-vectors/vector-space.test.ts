import { describe, expect, it } from 'vitest';

import { analogy, findWord, mostSimilar, nearestNeighbours, vectorSpace } from './vector-space';
import type { WordVectors } from './word-vectors';

/** Gender along axis 0, royalty along axis 1, a little noise on axis 2. */
const toy: WordVectors = {
  words: ['king', 'queen', 'man', 'woman', 'apple', '国王', 'zero'],
  dim: 3,
  vectors: Float32Array.from([
    1, 1, 0.1, -1, 1, 0.05, 1, 0, 0.02, -1, 0, 0.03, 0, -0.2, 1, 0.9, 1.1, 0.1, 0, 0, 0,
  ]),
};

/** The same answer by brute force: every cosine computed, sorted. */
function bruteForce(v: WordVectors, q: readonly number[], k: number, exclude: number[]) {
  const cos = v.words.map((_, i) => {
    const row = Array.from(v.vectors.subarray(i * v.dim, (i + 1) * v.dim));
    const dot = row.reduce((s, x, d) => s + x * q[d]!, 0);
    const n = Math.hypot(...row) * Math.hypot(...q);
    return { i, c: n === 0 ? 0 : dot / n };
  });
  return cos
    .filter((x) => !exclude.includes(x.i))
    .sort((a, b) => b.c - a.c)
    .slice(0, k)
    .map((x) => x.i);
}

describe('vector space', () => {
  const space = vectorSpace(toy);

  it('finds words by exact text, trimmed, or in lower case', () => {
    expect(findWord(space, ' King ')).toBe(0);
    expect(findWord(space, '国王')).toBe(5);
    expect(findWord(space, 'prince')).toBeNull();
  });

  it('ranks neighbours by cosine similarity, the word itself left out', () => {
    const n = nearestNeighbours(space, 0, 3);
    expect(n.map((x) => x.word)).toEqual(['国王', 'man', 'queen']);
    expect(n[0]!.similarity).toBeCloseTo(
      (0.9 + 1.1 + 0.01) / (Math.hypot(1, 1, 0.1) * Math.hypot(0.9, 1.1, 0.1)),
      6,
    );
  });

  it('agrees with brute force on random tables', () => {
    let s = 9;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
    const v: WordVectors = {
      words: Array.from({ length: 300 }, (_, i) => `w${i}`),
      dim: 8,
      vectors: Float32Array.from({ length: 2400 }, rnd),
    };
    const sp = vectorSpace(v);
    for (let i = 0; i < 20; i++) {
      const q = Array.from(v.vectors.subarray(i * 8, i * 8 + 8));
      expect(mostSimilar(sp, q, 10, new Set([i])).map((x) => x.index)).toEqual(
        bruteForce(v, q, 10, [i]),
      );
    }
  });

  it('answers king − man + woman with queen, never one of the three query words', () => {
    const answers = analogy(space, 0, 2, 3, 3);
    expect(answers[0]!.word).toBe('queen');
    expect(answers.map((a) => a.index)).not.toContain(0);
    expect(answers.map((a) => a.index)).not.toContain(2);
    expect(answers.map((a) => a.index)).not.toContain(3);
  });

  it('gives no neighbours for an all-zero vector', () => {
    expect(nearestNeighbours(space, 6, 3)).toEqual([]);
  });
});
