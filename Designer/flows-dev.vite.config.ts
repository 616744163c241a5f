// Development only (removed before merge): serves flows-dev.html against the Host on this engineer's port.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({ plugins: [react()], build: { rollupOptions: { input: 'flows-dev.html' } }, server: { port: 5284, strictPort: true, proxy: { '/api': 'http://127.0.0.1:5184' } } });
