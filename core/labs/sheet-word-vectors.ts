/**
 * The word-vectors lab's sheet: the vocabulary, the chosen word's one-hot x, h = Wᵀx
 * (row k of W after the epochs trained), and its cosine with every other word. Words
 * come from the user's corpus: the page escapes them like any other text.
 */
import type { AnswerKeyLanguage } from './answer-key';
import type { FormulaLine } from './backprop-formulas';
import { formatFactor as ff, formatNumber as fn } from './format';
import type { WordVectorsLabState } from './lab-file';
import type { LabSheetContent } from './lab-sheet';
import { cosine, hiddenOf, nearestWords, oneHot, trainWord2Vec } from './word2vec';

const D = 4;

const WORDS = {
  en: {
    corpus: 'Corpus',
    settings: (s: WordVectorsLabState) =>
      `Window ${s.window}, dimension ${s.dimension}, η = ${s.eta}, seed ${s.seed}, epochs trained ${s.epochs}`,
    vocab: 'Vocabulary (in order of first appearance)',
    W: 'W (one row per word)',
    word: (w: string) => `The word “${w}”`,
    cosines: 'Cosine similarity with every other word',
    nearest: 'Nearest words',
    empty: 'The corpus has no words.',
  },
  'zh-CN': {
    corpus: '语料',
    settings: (s: WordVectorsLabState) =>
      `窗口 ${s.window}，维数 ${s.dimension}，η = ${s.eta}，种子 ${s.seed}，已训练 ${s.epochs} 轮`,
    vocab: '词表（按首次出现的顺序）',
    W: 'W（每个词一行）',
    word: (w: string) => `词“${w}”`,
    cosines: '与其他每个词的余弦相似度',
    nearest: '最近的词',
    empty: '语料中没有词。',
  },
} as const;

export function wordVectorsSheet(s: WordVectorsLabState, lang: AnswerKeyLanguage): LabSheetContent {
  const w = WORDS[lang];
  const { model } = trainWord2Vec(s, s.epochs);
  const V = model.vocab.length;
  const given = [`${w.corpus}: ${s.corpus}`, w.settings(s)];
  if (V === 0) return { given, notes: [w.empty], blocks: [], decimals: D };
  const k = Math.min(s.selected, V - 1);
  const word = model.vocab[k] ?? '';
  const vec = (v: readonly number[]) => `(${v.map((x) => fn(x, D)).join(', ')})`;
  given.push(
    `${w.vocab}: ${model.vocab.map((x, i) => `${i + 1}. ${x}`).join(', ')}`,
    `${w.W}: ${model.W.map((r, i) => `${model.vocab[i] ?? ''} ${vec(r)}`).join('; ')}`,
  );
  const h = hiddenOf(model, k);
  const x = oneHot(k, V);
  const wordLines: FormulaLine[] = [
    {
      lhs: 'x',
      symbolic: `one-hot(${k + 1}, V = ${V})`,
      substituted: `k = ${k + 1}`,
      result: `(${x.join(', ')})`,
    },
    {
      lhs: 'h',
      symbolic: `Wᵀx = W[${k + 1}]`,
      substituted: `Wᵀ·(${x.join(', ')})`,
      result: vec(h),
    },
  ];
  const norm = (v: readonly number[]) => Math.sqrt(v.reduce((a, b) => a + b * b, 0));
  const cosLines: FormulaLine[] = model.vocab.flatMap((other, i) => {
    if (i === k) return [];
    const o = model.W[i] ?? [];
    const dot = h.reduce((a, v, j) => a + v * (o[j] ?? 0), 0);
    return [
      {
        lhs: `cos(${word}, ${other})`,
        symbolic: `h·W[${i + 1}] / (‖h‖·‖W[${i + 1}]‖)`,
        substituted: `${ff(dot, D)} / (${fn(norm(h), D)}·${fn(norm(o), D)})`,
        result: fn(cosine(h, o), D),
      },
    ];
  });
  const nearest = nearestWords(model, k, 3)
    .map((n) => `${n.word} (${fn(n.similarity, D)})`)
    .join(', ');
  return {
    given,
    blocks: [
      { heading: w.word(word), lines: wordLines },
      { heading: w.cosines, lines: cosLines },
      { heading: w.nearest, lines: [{ note: nearest, answer: true }] },
    ],
    decimals: D,
  };
}
