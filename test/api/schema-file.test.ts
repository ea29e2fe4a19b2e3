import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSchema, printSdl, SCHEMA_FILE } from '../../server/schema.js';

describe('schema/schema.graphql', () => {
  it('is the SDL the server builds today (run `npm run schema` after changing the API)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(printSdl(await createSchema())).toBe(committed);
  });
});
