import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Legacy decorators as tsx runs them: no design-time metadata, so a missing explicit type fails here too.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  resolve: {
    // graphql ships both index.mjs and index.js; type-graphql loads the CommonJS one, and two copies
    // of graphql make every `instanceof GraphQLScalarType` check fail. Give our code the same copy.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/e2e/build-admin.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
