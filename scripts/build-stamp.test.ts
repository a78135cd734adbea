import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { checkStep, forgetFileHashes, writeStamp, type BuildStep } from './build-stamp';

let root: string;
const step: BuildStep = {
  name: 'demo',
  label: 'demo',
  inputs: ['src', 'config.json'],
  outputs: ['out/bundle.js'],
  stamp: 'out/.stamp.json',
  run: () => Promise.resolve(),
};

function put(relative: string, text: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Builds the demo step as the runner would: hash before, output, stamp after. */
function build(): void {
  const { inputsHash } = checkStep(root, step);
  put('out/bundle.js', 'built');
  writeStamp(root, step, inputsHash);
}

function isFresh(): boolean {
  forgetFileHashes(); // a new process each time, as for each `npm start`
  return checkStep(root, step).fresh;
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'layerlab-stamp-'));
  put('src/a.ts', 'export const a = 1;');
  put('src/deep/b.ts', 'export const b = 2;');
  put('config.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build stamps', () => {
  it('a step never built, or whose output is gone, must run', () => {
    expect(isFresh()).toBe(false);
    build();
    expect(isFresh()).toBe(true);
    rmSync(path.join(root, 'out/bundle.js'));
    expect(isFresh()).toBe(false);
  });

  it('an edited, added or removed input file makes the step run again', () => {
    build();
    put('src/deep/b.ts', 'export const b = 3;');
    expect(isFresh()).toBe(false);
    build();
    put('src/c.ts', 'export const c = 1;');
    expect(isFresh()).toBe(false);
    build();
    rmSync(path.join(root, 'src/a.ts'));
    expect(isFresh()).toBe(false);
    build();
    put('config.json', '{"x":1}');
    expect(isFresh()).toBe(false);
  });

  it('a touched file with the same content, an edited test or README leaves the step up to date', () => {
    build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/a.ts'), later, later);
    put('src/a.test.ts', 'test');
    put('src/README.md', '# notes');
    expect(isFresh()).toBe(true);
  });

  it('a damaged stamp counts as no stamp', () => {
    build();
    put('out/.stamp.json', '{not json');
    expect(isFresh()).toBe(false);
  });
});
