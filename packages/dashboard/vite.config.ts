import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is static files served by the OnePin server at `/`: every request goes to
// the same origin, nothing is loaded from another host. `npm run dev -w @onepin/dashboard`
// serves it with hot reload and forwards /api to a server on 127.0.0.1:8000.
const API_SERVER = 'http://127.0.0.1:8000';

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
    proxy: {
      '/api': {
        target: API_SERVER,
        // The server answers browsers only at its own host name (DNS rebinding), and its
        // sign-in checks Origin: present this dev server's requests as the server's own. Only
        // requests from this dev server's own pages: another site's Origin is passed on as is.
        // (Vite itself refuses requests to host names it does not know: server.allowedHosts.)
        changeOrigin: true,
        configure(proxy) {
          proxy.on('proxyReq', (proxied, incoming) => {
            if (incoming.headers.origin === `http://${incoming.headers.host}`) {
              proxied.setHeader('origin', API_SERVER);
            }
          });
        },
      },
    },
  },
});
