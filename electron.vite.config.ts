import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Thread entries are their own files so worker_threads can load them beside index.js.
        input: {
          index: resolve('src/main/electron/index.ts'),
          worker: resolve('src/main/jobs/worker.ts'),
          'backend-thread': resolve('src/main/service/backend-thread.ts'),
          // The CLI and serve mode run built too (bin/consult.js), as the desktop app does.
          cli: resolve('src/main/cli-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { minify: true, rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [react()],
  },
});
