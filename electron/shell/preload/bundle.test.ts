import path from 'node:path';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

import { electronBundles } from '../../../scripts/electron-bundles';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Every `require("…")` left in a bundle. */
async function requiresOf(which: 'main' | 'preload'): Promise<string[]> {
  const result = await build({
    ...electronBundles(repoRoot)[which],
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles?.[0]?.text ?? '';
  return [
    ...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] ?? '')),
  ].sort();
}

describe('Electron bundles', () => {
  it('the sandboxed preload requires nothing but electron (no fs, no path)', async () => {
    expect(await requiresOf('preload')).toEqual(['electron']);
  });

  it('the main bundle inlines its npm dependencies (only electron and Node built-ins stay external)', async () => {
    const external = await requiresOf('main');
    expect(external).toContain('electron');
    expect(
      external.filter(
        (name) =>
          name !== 'electron' &&
          !/^(node:)?(fs|fs\/promises|path|os|crypto|util|worker_threads|child_process|url|events|stream)$/.test(
            name,
          ),
      ),
    ).toEqual([]);
  });
});
