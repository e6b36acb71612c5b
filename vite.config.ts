import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The React app lives in web/ and is built into dist/web, which Fastify serves in production.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
});
