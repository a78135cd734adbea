import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const coreIndex = fileURLToPath(new URL('./core/index.ts', import.meta.url));

// Rolldown warns when plugins take "significant time": on a busy 2-core machine
// every build does, and the warning is about the bundler, not about LayerLab.
const quietChecks = { checks: { bundlerTimings: false } };

// The renderer is one static bundle served from app:// (Electron) or the
// loopback server (browser mode). `base: './'` keeps every URL relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: { '@core': coreIndex } },
  worker: { format: 'es', rolldownOptions: quietChecks },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rolldownOptions: quietChecks,
  },
});
