/**
 * npm run bench:word2vec — word2vec training speed against the reference.
 *
 * Skip-gram with negative sampling (dimension 100, window 5, 5 negatives, min
 * count 5, subsampling 1e-3, one epoch) on the bundled English corpus
 * (assets/corpora/en-debian-handbook) repeated until it holds at least 1 M
 * tokens. All engines read the same tokens: ours are written to a text file,
 * one sentence a line, which the others read.
 *
 * Rows:
 * - Node, our trainer with its WebAssembly SIMD kernel (what the app's worker runs),
 *   and with the TypeScript kernel (the fallback);
 * - the reference C word2vec (word2vec.c) with 1 and 2 threads: a `word2vec` binary on
 *   PATH (Debian package `word2vec`), or WORD2VEC_BIN, or compiled here from
 *   WORD2VEC_SOURCE (a word2vec.c) with the reference makefile's flags;
 * - gensim (Debian `python3-gensim`, /usr/bin/python3) with 1 and 2 workers, when importable.
 * Each engine runs ROUNDS times (default 2), interleaved, and the best round is kept
 * (on a shared machine the best is the least disturbed). words/s counts every corpus
 * word read (before subsampling), as word2vec.c and gensim do. Wall times stretch
 * with the machine's load; CPU time is given for Node and the processes' own CPU time
 * for the others (the reference: its own words per CPU-second).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  buildWord2VecCorpus,
  createWord2VecTrainer,
  defaultWord2VecTrainingSettings,
  englishTokenizing,
  tokenizeCorpus,
} from '../core/labs/word-vectors/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env.ROUNDS ?? 2);
const minTokens = 1_000_000;
const settings = { ...defaultWord2VecTrainingSettings, epochs: 1 };
const work = mkdtempSync(path.join(os.tmpdir(), 'layerlab-bench-w2v-'));

interface Row {
  readonly engine: string;
  readonly threads: number;
  words: number;
  wall: number;
  cpu: number;
}

const text = readFileSync(path.join(repo, 'assets/corpora/en-debian-handbook/corpus.txt'), 'utf8');
const once = tokenizeCorpus([text], englishTokenizing);
const perCopy = once.reduce((n, s) => n + s.length, 0);
const copies = Math.ceil(minTokens / perCopy);
const sentences = Array.from({ length: copies }, () => once).flat();
const tokens = perCopy * copies;
const corpusFile = path.join(work, 'corpus.txt');
writeFileSync(corpusFile, sentences.map((s) => s.join(' ')).join('\n') + '\n');

function nodeRun(kernel: 'best' | 'typescript'): Row {
  const corpus = buildWord2VecCorpus(sentences, settings.minCount);
  const trainer = createWord2VecTrainer(corpus, settings, kernel);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const p = trainer.run(Infinity);
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  return {
    engine: `Node ${process.version}, ours (${trainer.kernel})`,
    threads: 1,
    words: p.wordsDone,
    wall,
    cpu: (used.user + used.system) / 1e6,
  };
}

function findReference(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v word2vec'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  if (process.env.WORD2VEC_BIN && existsSync(process.env.WORD2VEC_BIN))
    return process.env.WORD2VEC_BIN;
  const source = process.env.WORD2VEC_SOURCE;
  if (source && existsSync(source)) {
    const bin = path.join(work, 'word2vec');
    // The reference makefile's flags.
    execFileSync('gcc', [
      source,
      '-o',
      bin,
      '-lm',
      '-pthread',
      '-O3',
      '-march=native',
      '-Wall',
      '-funroll-loops',
      '-Wno-unused-result',
    ]);
    return bin;
  }
  return null;
}

/**
 * The reference's training only, as it measures itself: it starts its clock after reading
 * the vocabulary and filling its 10^8-entry noise table, and prints words per CPU-second
 * ("Words/thread/sec", over all threads' CPU time) as it goes. Wall time runs from its
 * first progress line (after its first 10,000 words) to its exit.
 */
function referenceRun(bin: string, threads: number): Promise<Row> {
  // The same settings; -cbow 0 -hs 0 is skip-gram with negative sampling only.
  const args = [
    '-train',
    corpusFile,
    '-output',
    path.join(work, 'ref.txt'),
    '-cbow',
    '0',
    '-size',
    '100',
    '-window',
    '5',
    '-negative',
    '5',
    '-hs',
    '0',
    '-sample',
    '1e-3',
    '-min-count',
    '5',
    '-iter',
    '1',
    '-threads',
    String(threads),
    '-binary',
    '0',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let first: { at: number; progress: number } | null = null;
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const m = /Progress: ([\d.]+)%/.exec(chunk);
      if (!first && m) first = { at: performance.now(), progress: Number(m[1]) / 100 };
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const rates = [...output.matchAll(/Words\/thread\/sec: ([\d.]+)k/g)];
      const rate = Number(rates.at(-1)?.[1] ?? NaN) * 1000;
      if (code !== 0 || !first || !Number.isFinite(rate))
        return reject(new Error(`word2vec failed (${code}): ${output.slice(-500)}`));
      const words = tokens * (1 - first.progress);
      const wall = (performance.now() - first.at) / 1000;
      resolve({ engine: 'reference C word2vec.c', threads, words, wall, cpu: words / rate });
    });
  });
}

const gensimScript = String.raw`
import sys, time
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
path, workers = sys.argv[1], int(sys.argv[2])
m = Word2Vec(vector_size=100, window=5, min_count=5, sg=1, hs=0, negative=5, sample=1e-3, workers=workers, epochs=1)
m.build_vocab(LineSentence(path))
w0, c0 = time.time(), time.process_time()
m.train(LineSentence(path), total_examples=m.corpus_count, epochs=1)
print(m.corpus_total_words, time.time() - w0, time.process_time() - c0)
`;

function gensimAvailable(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import gensim'], { encoding: 'utf8' }).status === 0;
}

function gensimRun(workers: number): Row {
  const script = path.join(work, 'gensim-bench.py');
  writeFileSync(script, gensimScript);
  const out = execFileSync('/usr/bin/python3', [script, corpusFile, String(workers)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [words, wall, cpu] = out.trim().split(/\s+/).map(Number) as [number, number, number];
  return { engine: 'gensim (train() only)', threads: workers, words, wall, cpu };
}

const reference = findReference();
const gensim = gensimAvailable();
const plan: { key: string; run: () => Row | Promise<Row> }[] = [
  { key: 'node-wasm', run: () => nodeRun('best') },
  ...(reference
    ? [
        { key: 'c-1', run: () => referenceRun(reference, 1) },
        { key: 'c-2', run: () => referenceRun(reference, 2) },
      ]
    : []),
  ...(gensim
    ? [
        { key: 'gensim-1', run: () => gensimRun(1) },
        { key: 'gensim-2', run: () => gensimRun(2) },
      ]
    : []),
];
const best = new Map<string, Row>();
const keep = (key: string, row: Row): void => {
  const prior = best.get(key);
  if (!prior || row.words / row.wall > prior.words / prior.wall) best.set(key, row);
};
console.log(
  `bench:word2vec — skip-gram, negative sampling, dim 100, window 5, 5 negatives, 1 epoch; ` +
    `${tokens.toLocaleString('en')} tokens (en-debian-handbook ×${copies}); ${os.cpus().length} CPUs, ` +
    `load ${os.loadavg()[0]!.toFixed(1)}; best of ${rounds} rounds`,
);
if (!reference)
  console.log(
    'reference C word2vec: not found (no word2vec on PATH, WORD2VEC_BIN or WORD2VEC_SOURCE)',
  );
if (!gensim) console.log('gensim: not importable by /usr/bin/python3');
for (let r = 0; r < rounds; r++) for (const step of plan) keep(step.key, await step.run());
keep('node-ts', nodeRun('typescript'));

const fmt = (n: number): string => Math.round(n).toLocaleString('en').padStart(9);
console.log(`\n${'engine'.padEnd(46)} threads   words/s (wall)   words/s (CPU)`);
for (const row of best.values())
  console.log(
    `${row.engine.padEnd(46)} ${String(row.threads).padStart(7)}   ${fmt(row.words / row.wall)}        ${fmt(row.words / row.cpu)}`,
  );
const ours = best.get('node-wasm')!;
for (const key of ['c-1', 'gensim-1']) {
  const ref = best.get(key);
  if (ref)
    console.log(
      `ours / ${key}: ${(ours.words / ours.wall / (ref.words / ref.wall)).toFixed(2)} (wall), ` +
        `${(ours.words / ours.cpu / (ref.words / ref.cpu)).toFixed(2)} (CPU); target ≥ 0.5`,
    );
}
console.log(`load at the end: ${os.loadavg()[0]!.toFixed(1)}`);
rmSync(work, { recursive: true, force: true });
