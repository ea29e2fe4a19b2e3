import { writeFile } from 'node:fs/promises';
import { createSchema, printSdl, SCHEMA_FILE } from './schema.js';

await writeFile(SCHEMA_FILE, printSdl(await createSchema()));
console.log(`wrote ${SCHEMA_FILE}`);
