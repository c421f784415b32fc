// Vite build of the Sunlight web app into web/dist, served by `sunlight serve`.
//
// Assets go to dist/assets/ with content hashes (the server marks them immutable). The base
// is "/" rather than "./": the server answers deep links such as /warnings/12 with index.html,
// and a relative "./assets/x.js" would then resolve under /warnings/.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: '/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // No inline scripts or styles beyond what the server's CSP allows (script-src 'self').
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) {
            return 'echarts';
          }
          if (id.includes('node_modules/element-plus')) return 'element-plus';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` against a running `sunlight serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.js'],
    css: false,
    // The machine is shared: mounting Element Plus can take seconds under load.
    testTimeout: 30000,
    server: { deps: { inline: ['element-plus'] } },
  },
});
