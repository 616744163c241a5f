import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The Host serves the built app from Designer/dist; in `npm run dev` the API is proxied to a running Host.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:5080', '/hangfire': 'http://localhost:5080' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
