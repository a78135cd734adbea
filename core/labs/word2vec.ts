/**
 * Word vectors by hand: a tiny corpus, its vocabulary and one-hot vectors, and a
 * skip-gram word2vec with a full softmax (the vocabulary is small), trained by plain
 * SGD in float64. The hidden layer for word k is h = Wᵀx = row k of W: the one-hot x
 * only picks that row. Deterministic: a seed fixes the start, and epochs replay exactly.
 *
 * Per (centre k, context c) pair: u = W′ᵀh, p = softmax(u), L = −ln p[c];
 * e = p − onehot(c); ∂L/∂W′ = h·eᵀ; ∂L/∂h = W′·e, which goes only to row k of W.
 */
import { randomValues, seededRandom } from './dense-net';
import { softmax } from './activations';

/** Largest typed corpus the lab accepts, in characters, and largest vocabulary. */
export const MAX_W2V_CORPUS = 2000;
export const MAX_W2V_VOCAB = 60;

/** Words of the corpus: split on white space and punctuation, lower-cased (Chinese: type spaces between words). */
export function w2vTokenize(corpus: string): string[] {
  return corpus
    .toLowerCase()
    .split(/[\s.,;:!?"'()[\]{}，。；：！？、“”‘’（）]+/u)
    .filter((w) => w.length > 0);
}

/** Vocabulary in order of first appearance. */
export function vocabulary(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}

/** The one-hot vector of word index k in a vocabulary of size V. */
export function oneHot(k: number, V: number): number[] {
  return Array.from({ length: V }, (_, i) => (i === k ? 1 : 0));
}

/** (centre, context) index pairs within `window` words on each side. */
export function skipGramPairs(ids: readonly number[], window: number): [number, number][] {
  const pairs: [number, number][] = [];
  ids.forEach((c, i) => {
    for (let j = Math.max(0, i - window); j <= Math.min(ids.length - 1, i + window); j++)
      if (j !== i) pairs.push([c, ids[j]!]);
  });
  return pairs;
}

export interface Word2VecModel {
  readonly vocab: readonly string[];
  /** W: V × d, row k is the vector of word k (the input embedding). */
  readonly W: readonly (readonly number[])[];
  /** W′: d × V, the output weights. */
  readonly Wout: readonly (readonly number[])[];
}

export interface Word2VecSettings {
  readonly corpus: string;
  readonly window: number;
  readonly dimension: number;
  readonly eta: number;
  readonly seed: number;
}

/** The untrained model: small seeded random weights. */
export function initWord2Vec(s: Word2VecSettings): Word2VecModel {
  const vocab = vocabulary(w2vTokenize(s.corpus)).slice(0, MAX_W2V_VOCAB);
  const r = seededRandom(s.seed);
  const W = vocab.map(() => randomValues(s.dimension, r, 6).map((v) => v * 0.5));
  const Wout = Array.from({ length: s.dimension }, () =>
    randomValues(vocab.length, r, 6).map((v) => v * 0.5),
  );
  return { vocab, W, Wout };
}

/** h = Wᵀx for the one-hot x of word k: exactly row k of W. */
export function hiddenOf(model: Word2VecModel, k: number): number[] {
  const x = oneHot(k, model.vocab.length);
  const d = model.W[0]?.length ?? 0;
  return Array.from({ length: d }, (_, j) => model.W.reduce((s, row, i) => s + row[j]! * x[i]!, 0));
}

/** Loss −ln p[c] and gradients of one pair (exported so the test can compare with tf.grads). */
export function pairGradients(model: Word2VecModel, k: number, c: number) {
  const h = model.W[k] ?? [];
  const V = model.vocab.length;
  const u = Array.from({ length: V }, (_, v) =>
    h.reduce((s, hj, j) => s + hj * model.Wout[j]![v]!, 0),
  );
  const p = softmax(u);
  const e = p.map((pv, v) => pv - (v === c ? 1 : 0));
  const dWout = h.map((hj) => e.map((ev) => hj * ev));
  const dh = model.Wout.map((row) => row.reduce((s, w, v) => s + w * e[v]!, 0));
  return { loss: -Math.log(p[c]!), dWout, dh };
}

/** One epoch of SGD over every pair in corpus order; returns the new model and the mean loss. */
export function trainEpoch(
  model: Word2VecModel,
  s: Word2VecSettings,
): { model: Word2VecModel; loss: number } {
  const index = new Map(model.vocab.map((w, i) => [w, i]));
  const ids = w2vTokenize(s.corpus)
    .map((w) => index.get(w))
    .filter((i): i is number => i !== undefined);
  const W = model.W.map((r) => [...r]);
  const Wout = model.Wout.map((r) => [...r]);
  let total = 0;
  const pairs = skipGramPairs(ids, s.window);
  for (const [k, c] of pairs) {
    const g = pairGradients({ vocab: model.vocab, W, Wout }, k, c);
    total += g.loss;
    g.dWout.forEach((row, j) => row.forEach((v, w) => (Wout[j]![w]! -= s.eta * v)));
    g.dh.forEach((v, j) => (W[k]![j]! -= s.eta * v));
  }
  return { model: { vocab: model.vocab, W, Wout }, loss: pairs.length ? total / pairs.length : 0 };
}

/** Trains `epochs` epochs from the seeded start; losses per epoch. */
export function trainWord2Vec(s: Word2VecSettings, epochs: number) {
  let model = initWord2Vec(s);
  const losses: number[] = [];
  for (let i = 0; i < epochs; i++) {
    const r = trainEpoch(model, s);
    model = r.model;
    losses.push(r.loss);
  }
  return { model, losses };
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((v, i) => {
    ab += v * (b[i] ?? 0);
    aa += v * v;
    bb += (b[i] ?? 0) ** 2;
  });
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/** The `n` words nearest to word k by cosine similarity of their rows of W. */
export function nearestWords(model: Word2VecModel, k: number, n: number) {
  const v = model.W[k] ?? [];
  return model.vocab
    .map((word, i) => ({ word, index: i, similarity: cosine(v, model.W[i] ?? []) }))
    .filter((x) => x.index !== k)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, n);
}
