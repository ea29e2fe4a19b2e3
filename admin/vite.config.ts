import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname);

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Apollo Client keeps its development checks and devtools banner unless told it runs in production.
  define: { 'globalThis.__DEV__': 'false' },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // ws: the admin's live notifications are GraphQL subscriptions on the same path.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true }, '/export': 'http://127.0.0.1:4000' },
  },
});
