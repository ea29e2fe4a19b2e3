/** Times the deadline scan over the whole database and samples its peak memory from outside. */
import { startProcess } from '../helpers/process.js';
import { sampleRss } from './servers.js';

export interface SweepResult {
  ms: number | null;
  maxRssMiB: number;
  notifications: number | null;
  error?: string;
}

export async function runSweep(databaseUrl: string): Promise<SweepResult> {
  const child = startProcess('test/bench/sweep-child.ts', { DATABASE_URL: databaseUrl });
  const rss = sampleRss(child.child.pid!);
  const code = await child.exited;
  const maxRssMiB = await rss.stop();
  const line = child.output().split('\n').find((l) => l.startsWith('{"sweep"'));
  if (!line) return { ms: null, maxRssMiB, notifications: null, error: `exit ${code}: ${child.output().slice(-500)}` };
  const { sweep } = JSON.parse(line) as { sweep: { ms: number; result?: { created: number }; error?: string } };
  return { ms: sweep.ms, maxRssMiB, notifications: sweep.result?.created ?? null, error: sweep.error };
}
