import { describe, expect, it } from 'vitest';

import { toProjectorTsv, toWord2VecText, wordVectorsExportFiles } from './word-vectors-export';
import type { WordVectors } from './word-vectors';

const vectors: WordVectors = {
  words: ['猫', 'dog', 'a b\tc'],
  dim: 2,
  vectors: Float32Array.from([0.1, -2.5e-7, 3, 123456.789, -0.333333343, 1e-30]),
};

describe('word vector exports', () => {
  it('writes the word2vec text format: a "V dim" header, then one word and its values per line', () => {
    const lines = toWord2VecText(vectors).trimEnd().split('\n');
    expect(lines[0]).toBe('3 2');
    expect(lines[1]!.split(' ')[0]).toBe('猫');
    // Words with white space would break the format: their spaces become underscores.
    expect(lines[3]!.split(' ')[0]).toBe('a_b_c');
    const values = lines.slice(1).flatMap((l) => l.split(' ').slice(1).map(Number));
    expect(Float32Array.from(values)).toEqual(vectors.vectors);
  });

  it('writes the Embedding Projector pair: tab-separated rows and one word per metadata line', () => {
    const tsv = toProjectorTsv(vectors);
    const rows = tsv.vectors.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(Float32Array.from(rows.flatMap((r) => r.split('\t').map(Number)))).toEqual(
      vectors.vectors,
    );
    expect(tsv.metadata).toBe('猫\ndog\na_b_c\n');
    expect(Object.keys(wordVectorsExportFiles(vectors)).sort()).toEqual([
      'metadata.tsv',
      'vectors.tsv',
      'vectors.txt',
    ]);
  });
});
