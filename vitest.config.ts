import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const coreIndex = fileURLToPath(new URL('./core/index.ts', import.meta.url));
const coreTesting = fileURLToPath(new URL('./core/testing.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Tests may also use core's test support (`@core/testing`); the app bundle cannot.
    alias: [
      { find: /^@core\/testing$/, replacement: coreTesting },
      { find: /^@core$/, replacement: coreIndex },
    ],
  },
  test: {
    include: [
      'core/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'e2e/lint-rules.test.ts',
      'e2e/config.test.ts',
    ],
    environment: 'node',
    globalSetup: ['scripts/build-wasm.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // The theme contrast test reads the colour tokens as text (`?raw`); other CSS stays stubbed.
    css: { include: [/renderer\/styles\/theme\.css/] },
  },
});
