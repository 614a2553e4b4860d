// Builds the Custom UI (static/admin) into static/admin/build, the `admin-ui` resource of
// manifest.yml. Forge serves it from its own path inside an iframe: relative asset URLs, no CDN.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'static/admin',
  base: './',
  plugins: [react()],
  build: {
    outDir: 'build',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
