import { rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultTextOptions, maxTextFileBytes } from '../../core/data/index';
import { makeTextFixture } from '../../e2e/support/fixture-folders';
import { loadTextFolder } from './load-folder';

/**
 * The one Node text loader (the CLI's `loadTextFolder` wraps it). Both cases
 * change a file after the scan, at the first read, so what the loader reports
 * shows when it looked: files are read in class order, `正面` before `负面`.
 */

let dir: string;
const split = { seed: 1, validationShare: 0.2 };
const text = defaultTextOptions;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'load-text-folder-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('loadTextFolder (Node)', () => {
  it('refuses a file by its listed size before reading it', async () => {
    const root = await mkdtemp(path.join(dir, 'big-'));
    await makeTextFixture(root);
    const big = path.join(root, '负面', 'big.txt');
    await writeFile(big, '');
    await truncate(big, maxTextFileBytes + 1); // sparse: only the listed size is large
    const { plan } = await loadTextFolder(root, {
      text,
      split,
      // Shrunk to a good small text after the scan: reading it would accept it.
      onProgress: (phase, done) => {
        if (phase === 'read' && done === 1) writeFileSync(big, 'short and readable');
      },
    });
    expect(plan.report.skipped).toContainEqual({
      path: '负面/big.txt',
      reason: 'too-large',
      detail: `${maxTextFileBytes + 1} bytes`,
    });
    expect(plan.samples.map((s) => s.path)).not.toContain('负面/big.txt');
  });

  it('reports a file that vanished between the scan and the read as missing', async () => {
    const root = await mkdtemp(path.join(dir, 'vanish-'));
    await makeTextFixture(root);
    const { plan } = await loadTextFolder(root, {
      text,
      split,
      onProgress: (phase, done) => {
        if (phase === 'read' && done === 1) rmSync(path.join(root, '负面', '3.txt'));
      },
    });
    expect(plan.report.skipped).toContainEqual({ path: '负面/3.txt', reason: 'missing' });
  });

  it('uses a given vocabulary instead of building one (a test folder uses the training one)', async () => {
    const root = await mkdtemp(path.join(dir, 'vocab-'));
    await makeTextFixture(root);
    const vocabulary = ['', '[UNK]', '电影'];
    expect((await loadTextFolder(root, { text, split, vocabulary })).vocabulary).toBe(vocabulary);
    expect((await loadTextFolder(root, { text, split })).vocabulary.length).toBeGreaterThan(3);
  });
});
