import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createSchema, printSdl, SCHEMA_FILE } from './schema.js';

await writeFile(SCHEMA_FILE, printSdl(await createSchema()));
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
