// Astro configuration of the auditcard site. The build command (`auditcard build`) calls Astro's
// `build()` with its own `root`, `outDir` and `base`, which take precedence over these defaults,
// and sets AUDITCARD_SITE_MODEL to the site model the pages read.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  outDir: './dist',
  base: '/',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Pages read the site model with node:fs at build time; nothing runs in the browser.
  devToolbar: { enabled: false },
  prefetch: false,
});
