import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder, found from this file's location: the same answer when the server runs
 * from its TypeScript sources (server/) and from the start-up bundle (dist/server/).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

export const projectPath = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
