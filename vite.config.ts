import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const coreIndex = fileURLToPath(new URL('./core/index.ts', import.meta.url));

// The renderer is one static bundle served from app:// (Electron) or the
// loopback server (browser mode). `base: './'` keeps every URL relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: { '@core': coreIndex } },
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
  },
});
