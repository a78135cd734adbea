/**
 * The word2vec text export as another tool reads it: a small Python + numpy reader
 * (the same parsing gensim's `load_word2vec_format(binary=False)` does) loads the
 * file we write for trained vectors, and every value equals ours as float32.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  buildWord2VecCorpus,
  chineseTokenizing,
  createWord2VecTrainer,
  defaultWord2VecTrainingSettings,
  toWord2VecText,
  tokenizeCorpus,
} from '../core/labs/word-vectors/index';

const reader = String.raw`
import sys, json, numpy as np
with open(sys.argv[1], encoding='utf-8') as f:
    count, dim = map(int, f.readline().split())
    words, rows = [], []
    for line in f:
        parts = line.rstrip('\n').split(' ')
        words.append(parts[0])
        rows.append(np.asarray(parts[1:], dtype=np.float32))
m = np.stack(rows)
assert m.shape == (count, dim), m.shape
sys.stdout.write(json.dumps({'words': words, 'bits': m.view(np.uint32).ravel().tolist()}))
`;

const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-w2v-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('word2vec text export, read back by Python and numpy', () => {
  it('gives the same words and bit-identical float32 values', () => {
    const text = ['机器学习是人工智能的一个分支。', '深度学习是机器学习的一个分支。'];
    const corpus = buildWord2VecCorpus(tokenizeCorpus(text, chineseTokenizing), 1);
    const trainer = createWord2VecTrainer(corpus, {
      ...defaultWord2VecTrainingSettings,
      dimension: 13,
      minCount: 1,
    });
    trainer.run(Infinity);
    const vectors = trainer.vectors();
    const file = path.join(dir, 'vectors.txt');
    writeFileSync(file, toWord2VecText(vectors));
    writeFileSync(path.join(dir, 'reader.py'), reader);
    const out = JSON.parse(
      execFileSync('python3', [path.join(dir, 'reader.py'), file], { encoding: 'utf8' }),
    ) as { words: string[]; bits: number[] };
    expect(out.words).toEqual(vectors.words);
    expect(out.bits).toEqual([...new Uint32Array(vectors.vectors.buffer)]);
  });
});
