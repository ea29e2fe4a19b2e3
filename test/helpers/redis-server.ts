import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './process.js';

export interface OwnRedis {
  url: string;
  port: number;
  /** Stops it (SIGKILL with `crash`), keeping its port and data folder. */
  stop(crash?: boolean): Promise<void>;
  /** Starts it again on the same port and folder: with the append-only file on, the data comes back. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

async function waitForPing(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      client.disconnect();
    }
  }
}

/**
 * A redis-server of the test's own on a free port, for tests that stop, crash or restart Redis
 * without touching the shared one. `appendOnly` keeps every write in an fsync-always AOF, as the
 * production Redis of a queue should.
 */
export async function startOwnRedis({ appendOnly = false }: { appendOnly?: boolean } = {}): Promise<OwnRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tiendo-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--maxmemory-policy', 'noeviction',
        '--appendonly', appendOnly ? 'yes' : 'no', '--appendfsync', 'always'],
      { stdio: 'ignore' },
    );
    await waitForPing(url);
  };
  const stop = async (crash = false) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(crash ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    port,
    start,
    stop,
    async close() {
      await stop(true);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
