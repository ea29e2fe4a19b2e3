import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT = path.join(ROOT, 'admin/dist/index.html');
// The admin also bundles files from outside admin/: the schema and the server's Vietnamese facility labels.
const SOURCES = [
  path.join(ROOT, 'admin/src'),
  path.join(ROOT, 'admin/index.html'),
  path.join(ROOT, 'admin/vite.config.ts'),
  path.join(ROOT, 'schema/schema.graphql'),
  path.join(ROOT, 'server/modules/facilities/facility-labels.ts'),
];

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestChange(path.join(target, name))));
}

/**
 * The browser tests drive the built admin that the API serves. Build it once per run when it is
 * missing or older than its sources, so `npm test` works on a fresh clone.
 */
export default function setup() {
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  if (builtAt >= Math.max(...SOURCES.map(newestChange))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
