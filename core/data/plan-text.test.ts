import { describe, expect, it } from 'vitest';

import { discoverClasses } from './class-discovery';
import { defaultTextOptions } from './config';
import { inspectTextBytes } from './inspect-file';
import type { FileCheck } from './plan';
import { planTextDataset } from './plan-text';
import { chooseSequenceLength, maxTokenSlots, splitForScript } from './text-defaults';

const encode = (s: string) => new TextEncoder().encode(s);
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');

/** A text folder from `path → bytes`, planned as the loaders do. */
function plan(files: Record<string, Uint8Array>, chooseDefaults: boolean, sequenceLength = 64) {
  const listing = Object.entries(files).map(([path, b]) => ({ path, size: b.length, mtimeMs: 0 }));
  const discovery = discoverClasses(listing, 'text', []);
  const checks = new Map<string, FileCheck>(
    discovery.candidates.map((c) => [
      c.path,
      inspectTextBytes(files[c.path] as Uint8Array, 'files'),
    ]),
  );
  return planTextDataset({
    discovery,
    checks,
    split: { seed: 1, validationShare: 0.2 },
    text: { ...defaultTextOptions, sequenceLength },
    chooseDefaults,
  });
}

/** 20 English mails: 18 of 100 words, 2 of 400. */
const mails = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [
    `${i % 2 ? 'ham' : 'spam'}/${i}.txt`,
    encode(words(i < 2 ? 400 : 100, i % 2 ? 'meeting' : 'money')),
  ]),
);

describe('planTextDataset', () => {
  it('on a new folder picks whitespace words for English and a length holding 90% of the texts', () => {
    const { options, plan: p } = plan(mails, true);
    expect(options.split).toBe('whitespace');
    expect(options.sequenceLength).toBe(104); // 100 tokens, rounded up to a multiple of 8
    expect(p.report.text).toMatchObject({ truncatedCount: 2, truncatedShare: 0.1, longest: 400 });
    expect(p.report.issues.map((i) => i.code)).not.toContain('dataset-text-truncated');
  });
  it('warns, with the fix, when the chosen length cuts more than 20% of the texts', () => {
    const { plan: p, options } = plan(mails, false, 64);
    expect(options.sequenceLength).toBe(64);
    const issue = p.report.issues.find((i) => i.code === 'dataset-text-truncated');
    expect(issue).toMatchObject({
      severity: 'warning',
      count: 20,
      values: { percent: 100, length: 64, suggested: 100, kept: 'end' },
    });
  });
  it('picks Chinese word segmentation for Chinese texts', () => {
    expect(splitForScript(['我喜欢机器学习和神经网络', '这封邮件是广告'])).toBe('word');
    expect(splitForScript(['Hi Tom, meeting tomorrow?', 'Ünïcode café'])).toBe('whitespace');
    expect(splitForScript(['LSTM 模型学习了很多中文句子'])).toBe('word');
  });
  it('names the encodings it guessed', () => {
    const latin1 = Uint8Array.from([0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9]); // résumé
    const { plan: p } = plan({ ...mails, 'ham/latin.txt': latin1 }, true);
    expect(p.report.text?.encodings).toEqual(
      expect.arrayContaining([{ encoding: 'windows-1252', files: 1, guessed: 1 }]),
    );
    const issue = p.report.issues.find((i) => i.code === 'dataset-encoding-guessed');
    expect(issue).toMatchObject({ subject: 'windows-1252', count: 1 });
  });
});

describe('chooseSequenceLength', () => {
  it('holds at least 90% of the texts whole', () => {
    const lengths = Array.from({ length: 100 }, (_, i) => i + 1);
    const choice = chooseSequenceLength(lengths);
    expect(choice).toMatchObject({ length: 96, wanted: 96, cap: null });
    expect(choice.coverage).toBeGreaterThanOrEqual(0.9);
  });
  it('is capped so that samples × length fits the memory budget, and says so', () => {
    const samples = 100_000;
    const choice = chooseSequenceLength(Array.from({ length: samples }, () => 1000));
    expect(choice.cap).toBe(Math.floor(maxTokenSlots / samples / 8) * 8);
    expect(choice.length * samples).toBeLessThanOrEqual(maxTokenSlots);
    expect(choice.wanted).toBe(1000);
  });
});
