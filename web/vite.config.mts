import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev`: Vite with hot reload on 5173, proxying GraphQL (HTTP and websocket) to the API (LEADPLANE_API,
// default http://localhost:4000) so the browser sees one origin, exactly as with `npm start`.
const api = globalThis.process?.env.LEADPLANE_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/healthz': api,
    },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 900 },
});
