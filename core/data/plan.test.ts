import { describe, expect, it } from 'vitest';
import { discoverClasses } from './class-discovery';
import { hasBlockingIssue } from './health-report';
import { inspectImageBytes, inspectTextBytes } from './inspect-file';
import type { FileCheck } from './plan';
import { planDataset } from './plan';
import { reportToDelimited } from './report-export';
import { asciiBytes, pngHeader } from './test-bytes';

const split = { seed: 42, validationShare: 0.2 };

function imagePlan(files: Record<string, Uint8Array>, folders: string[] = []) {
  const listing = Object.entries(files).map(([path, b]) => ({ path, size: b.length, mtimeMs: 0 }));
  const discovery = discoverClasses(listing, 'image', folders);
  const checks = new Map<string, FileCheck>(
    discovery.candidates.map((c) => [c.path, inspectImageBytes(files[c.path] as Uint8Array)]),
  );
  return planDataset({
    kind: 'image',
    discovery,
    checks,
    split,
    ignored: [{ path: '.DS_Store', reason: 'system-file' }],
  });
}

const codes = (p: ReturnType<typeof imagePlan>) => p.report.issues.map((i) => i.code);

describe('planDataset (images)', () => {
  it('keeps good files and lists every bad one with its reason', () => {
    const good = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `${i % 2 ? 'cat' : 'dog'}/${i}.png`,
        pngHeader(10 + i, 10),
      ]),
    );
    const plan = imagePlan({
      ...good,
      'cat/empty.png': new Uint8Array(0),
      'cat/notes.png': asciiBytes('text'),
      'dog/bomb.png': pngHeader(20000, 20000),
      'cat/doc.pdf': asciiBytes('%PDF'),
    });
    expect(plan.classNames).toEqual(['cat', 'dog']);
    expect(plan.samples).toHaveLength(12);
    expect(plan.report.skipped.map((s) => [s.path, s.reason]).sort()).toEqual([
      ['cat/doc.pdf', 'unsupported-type'],
      ['cat/empty.png', 'empty'],
      ['cat/notes.png', 'not-an-image'],
      ['dog/bomb.png', 'too-large'],
    ]);
    expect(plan.report.classes.map((c) => [c.name, c.count, c.validationCount])).toEqual([
      ['cat', 6, 1],
      ['dog', 6, 1],
    ]);
    expect(plan.validationKeys).toHaveLength(2);
    expect(hasBlockingIssue(plan.report)).toBe(false);
    expect(codes(plan)).toEqual(
      expect.arrayContaining(['dataset-skipped-files', 'dataset-class-too-small']),
    );
  });
  it('flags duplicates, also across classes', () => {
    const plan = imagePlan({
      'a/1.png': pngHeader(3, 3),
      'b/1.png': pngHeader(3, 3),
      'b/2.png': pngHeader(4, 3),
    });
    expect(plan.report.duplicates).toEqual([['a/1.png', 'b/1.png']]);
    expect(codes(plan)).toEqual(
      expect.arrayContaining(['dataset-duplicates', 'dataset-duplicates-across-classes']),
    );
  });
  it.each([
    ['an empty folder', {}, [], 'dataset-empty'],
    ['files but no class folders', { 'a.png': pngHeader(1, 1) }, [], 'dataset-no-class-folders'],
    [
      'one class',
      { 'a/1.png': pngHeader(1, 1), 'a/2.png': pngHeader(1, 2) },
      [],
      'dataset-one-class',
    ],
    [
      'only bad files',
      { 'a/1.png': new Uint8Array(0), 'b/1.png': asciiBytes('x') },
      [],
      'dataset-no-usable-samples',
    ],
  ] as const)('gives a blocking issue for %s', (_t, files, folders, code) => {
    const plan = imagePlan(files as Record<string, Uint8Array>, [...folders]);
    expect(codes(plan)).toContain(code);
    expect(hasBlockingIssue(plan.report)).toBe(true);
  });
  it('reports an empty class folder and leaves it out of the class map', () => {
    const plan = imagePlan({ 'a/1.png': pngHeader(1, 1), 'b/1.png': pngHeader(2, 1) }, [
      'a',
      'b',
      'empty',
    ]);
    expect(plan.classNames).toEqual(['a', 'b']);
    expect(plan.report.emptyClasses).toEqual(['empty']);
    expect(codes(plan)).toContain('dataset-empty-class');
  });
  it('flags imbalance and gives the image size distribution', () => {
    const files: Record<string, Uint8Array> = { 'small/1.png': pngHeader(5, 5) };
    for (let i = 0; i < 4; i++) files[`big/${i}.png`] = pngHeader(28, 28 + (i === 0 ? 1 : 0));
    const plan = imagePlan(files);
    expect(codes(plan)).toContain('dataset-class-imbalance');
    expect(plan.report.distribution).toEqual([
      { label: '28×28', count: 3 },
      { label: '28×29', count: 1 },
      { label: '5×5', count: 1 },
    ]);
  });
  it('re-applies stored validation paths exactly', () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`${i % 2 ? 'x' : 'y'}/${i}.png`, pngHeader(i + 1, 1)]),
    );
    const first = imagePlan(files);
    const listing = Object.entries(files).map(([path, b]) => ({
      path,
      size: b.length,
      mtimeMs: 0,
    }));
    const discovery = discoverClasses(listing, 'image');
    const checks = new Map<string, FileCheck>(
      discovery.candidates.map((c) => [c.path, inspectImageBytes(files[c.path] as Uint8Array)]),
    );
    const again = planDataset({
      kind: 'image',
      discovery,
      checks,
      split: { seed: 999, validationShare: 0.5, validationPaths: first.validationKeys },
    });
    expect(again.validationKeys).toEqual(first.validationKeys);
  });
});

describe('planDataset (text)', () => {
  it('makes one sample per line in lines mode, keyed path#line', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const files = {
      '正面/a.txt': enc('很好\n喜欢'),
      '负面/b.txt': enc('太差了'),
      '负面/c.txt': new Uint8Array(0),
    };
    const discovery = discoverClasses(
      Object.entries(files).map(([path, b]) => ({ path, size: b.length, mtimeMs: 0 })),
      'text',
    );
    const checks = new Map<string, FileCheck>(
      discovery.candidates.map((c) => [
        c.path,
        inspectTextBytes(files[c.path as keyof typeof files], 'lines'),
      ]),
    );
    const plan = planDataset({ kind: 'text', discovery, checks, split, linesMode: true });
    expect(plan.samples.map((s) => s.key)).toEqual([
      '正面/a.txt#1',
      '正面/a.txt#2',
      '负面/b.txt#1',
    ]);
    expect(plan.report.skipped).toEqual([{ path: '负面/c.txt', reason: 'empty' }]);
    expect(plan.report.distribution.reduce((n, b) => n + b.count, 0)).toBe(3);
  });
});

describe('reportToDelimited', () => {
  it('exports CSV with a BOM, quoting, and defused formulas', () => {
    const plan = imagePlan({
      'a,b/=1.png': asciiBytes('x'),
      'c/1.png': pngHeader(1, 1),
      'd/1.png': pngHeader(2, 2),
    });
    const csv = reportToDelimited(plan.report, 'csv');
    expect(csv.startsWith('\ufeffsection,class,path,reason,count,detail\r\n')).toBe(true);
    expect(csv).toContain('skipped,"a,b","a,b/=1.png",not-an-image');
    expect(csv).toContain('ignored,,.DS_Store,system-file');
    const tsv = reportToDelimited(plan.report, 'tsv');
    expect(tsv.split('\r\n')[1]?.split('\t')).toEqual([
      'class',
      'c',
      '',
      '',
      '1',
      'train 1, validation 0',
    ]);
  });
});
