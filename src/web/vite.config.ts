import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The UI is built into src/web/dist and served by `dateline serve` from the same process as the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8717' } },
});
