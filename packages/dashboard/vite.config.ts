import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is static files served by the OnePin server at `/`: every request goes to
// the same origin, nothing is loaded from another host. `npm run dev -w @onepin/dashboard`
// serves it with hot reload and forwards /api to a server on 127.0.0.1:8000.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // Scope names and explanations come from the one catalogue the server uses.
      '@onepin/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      // How times, statuses and activity read: the same module the CLI uses.
      '@onepin/sdk/format': fileURLToPath(new URL('../sdk/src/format/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8000' },
  },
});
