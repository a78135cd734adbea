import { defaultWord2VecTrainingSettings } from '@core';
import { describe, expect, it } from 'vitest';

import type { FromWord2VecWorker } from './word2vec-protocol';
import { createWord2VecWorkerSession } from './word2vec-worker-session';

const text = Array.from({ length: 300 }, (_, i) =>
  i % 2 === 0 ? 'the cat eats fish and the dog eats meat' : 'one two three four five six seven',
).join('\n');

function session(options: { cancelAfter?: number } = {}) {
  const messages: FromWord2VecWorker[] = [];
  let yields = 0;
  let time = 0;
  const s = createWord2VecWorkerSession({
    post: (m) => messages.push(m),
    yieldToEventLoop: async () => {
      yields++;
      if (options.cancelAfter !== undefined && yields === options.cancelAfter)
        s.handle({ type: 'cancel', runId: 1 });
    },
    loadBundled: async () => text,
    now: () => (time += 10),
  });
  return { s, messages };
}

const settings = { ...defaultWord2VecTrainingSettings, dimension: 8, epochs: 40, minCount: 1 };
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('word2vec worker session', () => {
  it('prepares, reports progress with a falling loss, and ends with the vectors', async () => {
    const { s, messages } = session();
    s.handle({
      type: 'train',
      runId: 1,
      source: { kind: 'bundled', corpus: 'en-debian-handbook' },
      split: 'whitespace',
      settings,
    });
    await settle();
    expect(messages[0]).toMatchObject({ type: 'prepared', runId: 1, vocabulary: 14 });
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    const loss = (m: FromWord2VecWorker | undefined) => (m?.type === 'progress' ? m.loss : NaN);
    expect(loss(progress.at(-1))).toBeLessThan(loss(progress[0]));
    expect(progress.at(-1)).toMatchObject({ wordsDone: 40 * 2400, wordsTotal: 40 * 2400 });
    const done = messages.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type === 'done') {
      expect(done.words).toHaveLength(14);
      expect(done.vectors).toHaveLength(14 * 8);
    }
  });

  it('stops when cancelled between slices', async () => {
    const { s, messages } = session({ cancelAfter: 3 });
    s.handle({
      type: 'train',
      runId: 1,
      source: { kind: 'texts', texts: [text] },
      split: 'word',
      settings,
    });
    await settle();
    expect(messages.at(-1)).toEqual({ type: 'cancelled', runId: 1 });
    expect(messages.some((m) => m.type === 'done')).toBe(false);
  });

  it('refuses a corpus with too few words and a setting out of range, with a reason code', async () => {
    const { s, messages } = session();
    s.handle({
      type: 'train',
      runId: 1,
      source: { kind: 'texts', texts: ['a b'] },
      split: 'word',
      settings: { ...settings, minCount: 5 },
    });
    s.handle({
      type: 'train',
      runId: 2,
      source: { kind: 'texts', texts: [text] },
      split: 'word',
      settings: { ...settings, window: 0 },
    });
    await settle();
    expect(messages).toContainEqual({ type: 'failed', runId: 1, code: 'corpus-too-small' });
    expect(messages).toContainEqual({ type: 'failed', runId: 2, code: 'setting-out-of-range' });
  });
});
