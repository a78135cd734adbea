import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { kernelExportsFile, kernelExportsSource } from './kernel-exports-gen';

describe('core/engine/kernel-exports.ts', () => {
  it('is what the AssemblyScript sources generate (run npm run build:wasm after changing a kernel)', async () => {
    expect(readFileSync(kernelExportsFile, 'utf8')).toBe(await kernelExportsSource());
  });
});
