import path from 'node:path';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** The npm packages a module loads at run time, following every import (no tree-shaking: Node evaluates them all). */
async function packagesLoadedBy(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const imported = Object.values(result.metafile.inputs).flatMap((input) =>
    input.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path),
  );
  return [
    ...new Set(
      imported.map((p) =>
        p
          .split('/')
          .slice(0, p.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
    ),
  ].sort();
}

// electron/ imports core only through an area's entry (core/<area>/index.ts) or the
// contract; these entries must stay light, because decode workers start one per core.
describe('core entries that Node processes load', () => {
  it.each([
    'core/contract/index.ts',
    'core/data/index.ts',
    'electron/data/decode-worker.ts',
    'electron/host/services/host-services.ts',
  ])('%s loads no TF.js', async (entry) => {
    expect((await packagesLoadedBy(entry)).filter((p) => p.startsWith('@tensorflow'))).toEqual([]);
  });

  it('the contract loads nothing but zod', async () => {
    expect(await packagesLoadedBy('core/contract/index.ts')).toEqual(['zod']);
  });
});
