import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Entities and GraphQL types use legacy decorators; Vite's default transform leaves them as syntax.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: ['test/**/*.test.ts'],
  },
});
