import { describe, expect, it } from 'vitest';

import {
  buildWord2VecCorpus,
  chineseTokenizing,
  englishTokenizing,
  tokenizeCorpus,
  type Word2VecCorpus,
} from './word2vec-corpus';
import { createWord2VecTrainer, unigramTable } from './word2vec-trainer';
import {
  defaultWord2VecTrainingSettings,
  type Word2VecTrainingSettings,
} from './word2vec-settings';
import { nearestByCosine } from './word-neighbours';

/**
 * Sentences from two topics that never share a sentence: animals and numbers.
 * After training, each word's nearest neighbours must come from its own topic.
 */
function twoTopicCorpus(sentences: number, seed: number): string[][] {
  const topics = [
    ['cat', 'dog', 'horse', 'cow', 'sheep', 'goat', 'mouse', 'bird'],
    ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'],
  ];
  let s = seed;
  const next = (n: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return (((s >>> 8) % n) + n) % n;
  };
  const out: string[][] = [];
  for (let i = 0; i < sentences; i++) {
    const topic = topics[i % 2]!;
    out.push(Array.from({ length: 8 }, () => topic[next(topic.length)]!));
  }
  return out;
}

const small: Word2VecTrainingSettings = {
  ...defaultWord2VecTrainingSettings,
  dimension: 10,
  window: 3,
  epochs: 5,
  minCount: 1,
  subsample: 0,
};

function topicOf(word: string): number {
  return ['cat', 'dog', 'horse', 'cow', 'sheep', 'goat', 'mouse', 'bird'].includes(word) ? 0 : 1;
}

describe('word2vec corpus', () => {
  it('drops words below the minimum count, ranks by count and ends each sentence with -1', () => {
    const corpus = buildWord2VecCorpus(
      [['b', 'a', 'rare', 'a'], ['a', 'b', 'c'], ['rare2'], ['c', 'b']],
      2,
    );
    expect(corpus.words).toEqual(['a', 'b', 'c']);
    expect([...corpus.counts]).toEqual([3, 3, 2]);
    expect([...corpus.stream]).toEqual([1, 0, 0, -1, 0, 1, 2, -1, 2, 1, -1]);
    expect(corpus.trainWords).toBe(8);
  });

  it('tokenises English on white space and Chinese by word segmentation', () => {
    expect(tokenizeCorpus(['The cat, the dog.\nA bird!'], englishTokenizing)).toEqual([
      ['the', 'cat', 'the', 'dog'],
      ['a', 'bird'],
    ]);
    const [zh] = tokenizeCorpus(['我喜欢机器学习。'], chineseTokenizing);
    expect(zh).toContain('喜欢');
    expect(zh!.join('')).toBe('我喜欢机器学习');
  });
});

describe('unigram table', () => {
  it('gives each word a share of the table proportional to count^0.75', () => {
    const counts = Float64Array.from([1000, 100, 10]);
    const table = unigramTable(counts, 100_000);
    const share = [0, 0, 0];
    for (const w of table) share[w]!++;
    const weights = [...counts].map((c) => c ** 0.75);
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, i) => expect(share[i]! / table.length).toBeCloseTo(w / total, 2));
  });
});

describe('word2vec training', () => {
  const corpus: Word2VecCorpus = buildWord2VecCorpus(twoTopicCorpus(2000, 7), 1);

  it.each(['skip-gram', 'cbow'] as const)(
    '%s puts every word nearest to words of its own topic, and the loss falls',
    (architecture) => {
      const trainer = createWord2VecTrainer(corpus, {
        ...small,
        architecture,
        learningRate: architecture === 'cbow' ? 0.05 : 0.025,
      });
      const first = trainer.run(2000);
      let last = first;
      while (!last.done) last = trainer.run(5000);
      expect(last.wordsDone).toBe(trainer.wordsTotal);
      expect(last.loss).toBeLessThan(first.loss);
      const vectors = trainer.vectors();
      expect(vectors.vectors.length).toBe(vectors.words.length * vectors.dim);
      for (const word of vectors.words) {
        const near = nearestByCosine(vectors, word, 3)!;
        expect(near).toHaveLength(3);
        for (const n of near) expect(topicOf(n.word)).toBe(topicOf(word));
      }
    },
  );

  it('runs the same arithmetic in WebAssembly SIMD and in TypeScript (float rounding apart)', () => {
    const settings = { ...small, dimension: 7, epochs: 2 }; // 7: a padded row
    const wasm = createWord2VecTrainer(corpus, settings);
    const ts = createWord2VecTrainer(corpus, settings, 'typescript');
    expect(wasm.kernel).toBe('wasm-simd');
    expect(ts.kernel).toBe('typescript');
    const a = wasm.run(Infinity);
    const b = ts.run(Infinity);
    expect(a.wordsDone).toBe(b.wordsDone);
    expect(a.loss).toBeCloseTo(b.loss, 3);
    const va = wasm.vectors().vectors;
    const vb = ts.vectors().vectors;
    let worst = 0;
    for (let i = 0; i < va.length; i++) worst = Math.max(worst, Math.abs(va[i]! - vb[i]!));
    expect(worst).toBeLessThan(1e-3);
  });

  it('is reproducible for a seed and stops at slice boundaries without losing words', () => {
    const once = createWord2VecTrainer(corpus, small);
    once.run(Infinity);
    const sliced = createWord2VecTrainer(corpus, small);
    let p = sliced.run(100);
    expect(p.done).toBe(false);
    expect(p.wordsDone).toBeGreaterThanOrEqual(100);
    while (!p.done) p = sliced.run(777);
    expect(sliced.vectors().vectors).toEqual(once.vectors().vectors);
  });

  it('decays the learning rate linearly towards 0.0001 of its start', () => {
    const trainer = createWord2VecTrainer(corpus, small);
    const early = trainer.run(20_000);
    let p = early;
    while (!p.done) p = trainer.run(20_000);
    expect(early.learningRate).toBeLessThan(small.learningRate);
    expect(p.learningRate).toBeLessThan(early.learningRate);
    expect(p.learningRate).toBeGreaterThanOrEqual(small.learningRate * 0.0001);
  });

  it('finishes at once on an empty corpus', () => {
    const trainer = createWord2VecTrainer(buildWord2VecCorpus([], 1), small);
    const p = trainer.run(1000);
    expect(p.done).toBe(true);
    expect(trainer.vectors().words).toEqual([]);
  });
});
