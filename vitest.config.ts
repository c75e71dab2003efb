import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Vite resolves `chrono-node/en` against the package's "./*/*" export (resolve.exports 2.0.3
      // reads the second `*` of the key as a regex quantifier) and finds nothing; Node resolves it
      // through "./*" to this file, which is what the alias names.
      'chrono-node/en': fileURLToPath(new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
