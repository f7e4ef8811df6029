import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // zod is bundled: loaded from node_modules it is some 200 files, which costs a command-line call
      // or the core host's start more than the rest of the program.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          reportWorker: resolve('electron/report/worker.ts'),
          // The core host: the workspace and the services, on a worker thread of their own.
          coreHost: resolve('electron/core/host.ts'),
          // The search index's check after the start, on a thread of its own beside the core host.
          indexCheck: resolve('electron/core/indexCheck.ts'),
          // The command line, built: starts several times faster than from the TypeScript sources.
          cli: resolve('electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Bundle everything: a sandboxed preload can only require('electron').
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: { rollupOptions: { input: { index: resolve('renderer/index.html') } } },
    plugins: [
      react(),
      // The dev server's hot reload talks over a websocket; the built app allows no such connection.
      {
        name: 'kuulo-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace("connect-src 'self';", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*;"),
      },
    ],
  },
});
