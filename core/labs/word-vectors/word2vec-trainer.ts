/**
 * word2vec with negative sampling, skip-gram or CBOW, following the reference C
 * implementation (Mikolov et al., word2vec.c) step for step in one thread: the
 * same random windows, subsampling formula, unigram^0.75 noise table, clipped
 * sigmoid table and linearly decaying learning rate. This file reads sentences
 * and draws the random numbers; the vector arithmetic is the kernel's
 * (word2vec-kernel.ts: WebAssembly SIMD, or TypeScript as a fallback). Nothing
 * is allocated per word.
 *
 * The trainer runs in slices (`run(budget)` processes whole sentences until
 * about `budget` words are read) so a worker can report progress and notice a
 * cancel between slices.
 */
import {
  typescriptWord2VecKernel,
  wasmWord2VecKernel,
  word2vecLayout,
  type Word2VecKernel,
} from './word2vec-kernel';
import type { Word2VecCorpus } from './word2vec-corpus';
import type { Word2VecTrainingSettings } from './word2vec-settings';
import type { WordVectors } from './word-vectors';

/** As in word2vec.c: σ is tabulated on [−6, 6] in 1000 steps. */
const maxExp = 6;
const expTableSize = 1000;
/** A longer line is cut into sentences of this many words (word2vec.c's MAX_SENTENCE_LENGTH). */
const maxSentenceLength = 1000;
/** The learning rate is recomputed every this many words. */
const rateInterval = 10_000;

export interface Word2VecProgress {
  /** Words read so far over all epochs, and the run's total (epochs × train words). */
  readonly wordsDone: number;
  readonly wordsTotal: number;
  readonly epoch: number;
  readonly learningRate: number;
  /** Mean negative-sampling loss per (input, target) pair since the previous slice; NaN if none. */
  readonly loss: number;
  readonly done: boolean;
}

export interface Word2VecTrainer {
  readonly wordsTotal: number;
  readonly kernel: Word2VecKernel['build'];
  /** Trains on about `budget` more words (whole sentences); returns where the run is. */
  run(budget: number): Word2VecProgress;
  /** The input vectors (syn0) as trained so far, packed `dim` floats a row; a copy. */
  vectors(): WordVectors;
}

/** Word indices repeated in proportion to count^0.75 (the noise distribution). */
export function unigramTable(counts: Float64Array, size: number): Int32Array {
  const table = new Int32Array(size);
  const V = counts.length;
  if (V === 0) return table;
  let total = 0;
  for (let i = 0; i < V; i++) total += Math.pow(counts[i]!, 0.75);
  let word = 0;
  let share = Math.pow(counts[0]!, 0.75) / total;
  for (let a = 0; a < size; a++) {
    table[a] = word;
    if (a / size > share && word < V - 1) {
      word++;
      share += Math.pow(counts[word]!, 0.75) / total;
    }
  }
  return table;
}

/** A non-zero 32-bit xorshift state from a seed. */
function seedState(seed: number): number {
  const s = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) | 0;
  return s === 0 ? 1 : s;
}

export function createWord2VecTrainer(
  corpus: Word2VecCorpus,
  settings: Word2VecTrainingSettings,
  kernelBuild: 'best' | 'typescript' = 'best',
): Word2VecTrainer {
  const V = corpus.words.length;
  const dim = settings.dimension;
  const layout = word2vecLayout(V, dim, settings.negatives, settings.window);
  const kernel =
    (kernelBuild === 'best' ? wasmWord2VecKernel(layout.bytes) : null) ??
    typescriptWord2VecKernel(layout.bytes);
  const stride = layout.stride;
  const f32 = new Float32Array(kernel.buffer());
  const i32 = new Int32Array(kernel.buffer());
  for (let i = 0; i <= expTableSize; i++) {
    const x = (i / expTableSize) * 2 * maxExp - maxExp;
    f32[(layout.sigmoid >> 2) + i] = 1 / (1 + Math.exp(-x));
    f32[(layout.logSigmoid >> 2) + i] = -Math.log1p(Math.exp(-x));
  }

  const trainWords = corpus.trainWords;
  const wordsTotal = settings.epochs * trainWords;
  const tableSize = Math.min(10_000_000, Math.max(1_000_000, V * 100));
  const table = unigramTable(corpus.counts, tableSize);
  const tableRandomScale = tableSize / 4294967296;

  // The probability of keeping word i, as word2vec.c computes it per occurrence.
  const keep = new Float32Array(V);
  const threshold = settings.subsample * trainWords;
  for (let i = 0; i < V; i++) {
    const c = corpus.counts[i]!;
    keep[i] = threshold > 0 ? (Math.sqrt(c / threshold) + 1) * (threshold / c) : 2;
  }

  let random = seedState(settings.seed);
  for (let w = 0; w < V; w++)
    for (let k = 0; k < dim; k++) {
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      f32[(layout.syn0 >> 2) + w * stride + k] = ((random >>> 0) / 4294967296 - 0.5) / dim;
    }
  const sentence = new Int32Array(maxSentenceLength);

  let position = 0; // next index into the stream
  let epoch = corpus.stream.length === 0 ? settings.epochs : 0;
  let wordsDone = 0;
  let lastRateUpdate = 0;
  let rate = settings.learningRate;

  function run(budget: number): Word2VecProgress {
    // Locals, not closure slots, in the hot loop: V8 keeps them in registers.
    const stream = corpus.stream;
    const epochs = settings.epochs;
    const window = settings.window;
    const negatives = settings.negatives;
    const cbow = settings.architecture === 'cbow';
    const startRate = settings.learningRate;
    const targetsAt = layout.targets >> 2;
    const contextsAt = layout.contexts >> 2;
    const { syn0, syn1, targets, contexts, h, e, sigmoid, logSigmoid } = layout;
    const stopAt = wordsDone + budget;
    let lossSum = 0;
    let lossPairs = 0;
    let r = random;
    let alpha = rate;
    while (epoch < epochs && wordsDone < stopAt) {
      // Read one sentence, subsampling frequent words as we go.
      let length = 0;
      while (position < stream.length && length < maxSentenceLength) {
        const w = stream[position++]!;
        if (w < 0) break;
        wordsDone++;
        if (keep[w]! < 1) {
          r ^= r << 13;
          r ^= r >>> 17;
          r ^= r << 5;
          if (keep[w]! < (r >>> 0) / 4294967296) continue;
        }
        sentence[length++] = w;
      }
      if (position >= stream.length) {
        position = 0;
        epoch++;
      }
      if (wordsDone - lastRateUpdate > rateInterval) {
        lastRateUpdate = wordsDone;
        alpha = Math.max(startRate * (1 - wordsDone / (wordsTotal + 1)), startRate * 0.0001);
      }
      for (let p = 0; p < length; p++) {
        const word = sentence[p]!;
        // The positive target is the centre word, in slot 0 for every step.
        i32[targetsAt] = word;
        r ^= r << 13;
        r ^= r >>> 17;
        r ^= r << 5;
        const b = (r >>> 0) % window;
        const from = Math.max(0, p - window + b);
        const to = Math.min(length - 1, p + window - b);
        if (cbow) {
          let cw = 0;
          for (let c = from; c <= to; c++) if (c !== p) i32[contextsAt + cw++] = sentence[c]!;
          if (cw === 0) continue;
          let count = 1;
          for (let d = 0; d < negatives; d++) {
            r ^= r << 13;
            r ^= r >>> 17;
            r ^= r << 5;
            const target = table[((r >>> 0) * tableRandomScale) | 0]!;
            if (target !== word) i32[targetsAt + count++] = target;
          }
          lossSum += kernel.cbowStep(
            syn0,
            contexts,
            cw,
            syn1,
            targets,
            count,
            stride,
            alpha,
            h,
            e,
            sigmoid,
            logSigmoid,
          );
          lossPairs += count;
        } else {
          // Skip-gram: each context word's vector predicts the centre word.
          for (let c = from; c <= to; c++) {
            if (c === p) continue;
            // Fresh negatives for every (context, centre) pair, as in word2vec.c (the word itself is never one).
            let count = 1;
            for (let d = 0; d < negatives; d++) {
              r ^= r << 13;
              r ^= r >>> 17;
              r ^= r << 5;
              const target = table[((r >>> 0) * tableRandomScale) | 0]!;
              if (target !== word) i32[targetsAt + count++] = target;
            }
            const row = syn0 + sentence[c]! * stride * 4;
            lossSum += kernel.skipGramStep(
              row,
              syn1,
              targets,
              count,
              stride,
              alpha,
              e,
              sigmoid,
              logSigmoid,
            );
            lossPairs += count;
          }
        }
      }
    }
    random = r;
    rate = alpha;
    return {
      wordsDone,
      wordsTotal,
      epoch,
      learningRate: rate,
      loss: lossPairs > 0 ? lossSum / lossPairs : Number.NaN,
      done: epoch >= epochs,
    };
  }

  return {
    wordsTotal,
    kernel: kernel.build,
    run,
    vectors: () => {
      const all = new Float32Array(kernel.buffer(), layout.syn0, V * stride);
      const vectors = new Float32Array(V * dim);
      for (let w = 0; w < V; w++) vectors.set(all.subarray(w * stride, w * stride + dim), w * dim);
      return { words: corpus.words, dim, vectors };
    },
  };
}
