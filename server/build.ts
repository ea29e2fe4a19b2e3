/**
 * Bundles the API and the worker into dist/ for `npm start` and production. Our own code becomes a few
 * files and packages are loaded by Node directly, which is what keeps start-up short: run from sources,
 * every module of every package passes through the TypeScript loader's hooks.
 * Decorators are compiled as TypeScript's legacy ones, like tsx and Vitest do; nothing relies on
 * design-time type metadata.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { 'server/main': 'server/main.ts', 'jobs/main': 'jobs/main.ts' },
  outdir: 'dist',
  bundle: true,
  // Dynamic imports (the S3 store, the spreadsheet writer) stay separate chunks, loaded on first use.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log('dist/server/main.js, dist/jobs/main.js');
