/** Times the deadline sweep over the whole database and samples its peak memory from outside. */
import type { DeadlineScanResult } from '../../jobs/deadline-scan/deadline-scan.job.js';
import { startProcess } from '../helpers/process.js';
import { sampleRss } from './servers.js';

export interface SweepResult {
  ms: number | null;
  maxRssMiB: number;
  /** Assignments not yet done: what the sweep looks at. */
  open?: number;
  result?: DeadlineScanResult;
  /** The same day swept again: creates nothing; what a retried job costs. */
  againMs?: number | null;
  error?: string;
}

export async function runSweep(databaseUrl: string, asOf?: string): Promise<SweepResult> {
  const child = startProcess('test/bench/sweep-child.ts', { DATABASE_URL: databaseUrl, ...(asOf ? { SWEEP_AS_OF: asOf } : {}) });
  const rss = sampleRss(child.child.pid!);
  const code = await child.exited;
  const maxRssMiB = await rss.stop();
  const line = child.output().split('\n').find((l) => l.startsWith('{"sweep"'));
  if (!line) return { ms: null, maxRssMiB, error: `exit ${code}: ${child.output().slice(-500)}` };
  const { sweep } = JSON.parse(line) as {
    sweep: { open: number; ms: number; result?: DeadlineScanResult; error?: string; again?: { ms: number; error?: string } };
  };
  return {
    ms: sweep.ms, maxRssMiB, open: sweep.open, result: sweep.result, againMs: sweep.again?.ms ?? null, error: sweep.error ?? sweep.again?.error,
  };
}
