/**
 * Trains word2vec (skip-gram, the defaults) on each bundled corpus and prints five
 * probe words per language with their five nearest neighbours: the check that a
 * trained model's neighbours are sensible. `npx tsx scripts/word2vec-probes.ts`
 */
import { readFileSync } from 'node:fs';

import {
  buildWord2VecCorpus,
  chineseTokenizing,
  createWord2VecTrainer,
  defaultWord2VecTrainingSettings,
  englishTokenizing,
  nearestByCosine,
  tokenizeCorpus,
  type CorpusTokenizing,
} from '../core/labs/word-vectors/index';

const runs: { name: string; file: string; tokenizing: CorpusTokenizing; probes: string[] }[] = [
  {
    name: 'en',
    file: 'assets/corpora/en-debian-handbook/corpus.txt',
    tokenizing: englishTokenizing,
    probes: ['server', 'network', 'password', 'disk', 'email'],
  },
  {
    name: 'zh-CN',
    file: 'assets/corpora/zh-debian-docs/corpus.txt',
    tokenizing: chineseTokenizing,
    probes: ['软件', '网络', '密码', '磁盘', '邮件'],
  },
];

const epochs = Number(process.env['W2V_EPOCHS'] ?? 10);
for (const run of runs) {
  const started = performance.now();
  const corpus = buildWord2VecCorpus(
    tokenizeCorpus([readFileSync(run.file, 'utf8')], run.tokenizing),
    defaultWord2VecTrainingSettings.minCount,
  );
  const trainer = createWord2VecTrainer(corpus, { ...defaultWord2VecTrainingSettings, epochs });
  const progress = trainer.run(Infinity);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${run.name}: ${corpus.trainWords} words, vocabulary ${corpus.words.length}, ${epochs} epochs, final loss ${progress.loss.toFixed(3)}, ${seconds.toFixed(1)} s`,
  );
  const vectors = trainer.vectors();
  for (const probe of run.probes) {
    const near = nearestByCosine(vectors, probe, 5);
    console.log(
      `  ${probe}: ${near ? near.map((n) => `${n.word} ${n.similarity.toFixed(2)}`).join(', ') : '(not in the vocabulary)'}`,
    );
  }
}
