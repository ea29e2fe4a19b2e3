/** The one printed table, and the full results as JSON under bench/results/. */
import { mkdir, writeFile } from 'node:fs/promises';
import type { LoadResult } from './load.js';
import type { Contestant } from './servers.js';
import type { SweepResult } from './sweep.js';
import type { WriteResult } from './writes.js';

export interface Row {
  label: string;
  workload: string;
  concurrency: number;
  results: Partial<Record<Contestant, LoadResult & { maxRssMiB: number }>>;
  statementsPerRequest?: number | null;
  writes?: WriteResult;
}

export interface Results {
  scale: string;
  startedAt: string;
  secondsPerRun: number;
  machine: { cpus: number; node: string };
  coldStartMs: Partial<Record<Contestant, number>>;
  fixtures: unknown;
  rows: Row[];
  sweep: SweepResult;
  agreement: Record<string, boolean | string>;
  /** One request alone, before the load runs (the first of its kind for that server). */
  aloneMs: Record<string, { product?: number; floor?: number }>;
}

const num = (value: number | null | undefined, digits = 0) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
const ratio = (a?: LoadResult, b?: LoadResult) => (a && b && b.requestsPerSecond > 0 ? (a.requestsPerSecond / b.requestsPerSecond).toFixed(2) : '—');

export function printTable(results: Results): void {
  const header = ['workload', 'conc', 'product req/s', 'p50', 'p99', 'floor req/s', 'p50', 'p99', 'peer req/s', 'p50', 'p99', 'SQL/req', 'product max RSS MiB', '÷floor', '÷peer', 'failed'];
  const lines = results.rows.map((row) => {
    const { product, floor, peer } = row.results;
    // A run in which no answer came back before the clock stopped has no latency to show.
    const cell = (r?: LoadResult) =>
      r && r.requests === 0 ? ['0', 'none', 'none'] : [num(r?.requestsPerSecond, r && r.requestsPerSecond < 10 ? 1 : 0), num(r?.p50), num(r?.p99)];
    const failed = (['product', 'floor', 'peer'] as const).map((c) => row.results[c]?.failed ?? 0).join('/');
    return [row.workload, String(row.concurrency), ...cell(product), ...cell(floor), ...cell(peer), num(row.statementsPerRequest),
      num(product?.maxRssMiB), ratio(product, floor), ratio(product, peer), failed];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${results.scale} scale, ${results.secondsPerRun} s per run, ${results.machine.cpus} CPUs, Node ${results.machine.node}; latencies in ms`);
  for (const row of results.rows) if (row.concurrency === 10) console.log(`  ${row.workload}: ${row.label}`);
  console.log();
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  for (const row of results.rows.filter((r) => r.writes)) {
    const w = row.writes!;
    console.log(`W4 at ${row.concurrency}: ${w.successes} writes accepted, ${w.conflicts} CONFLICT, ${w.otherErrors} other errors; ` +
      `history +${w.historyAdded}, versions +${w.versionsAdvanced} (${w.unanswered} committed after the clock stopped): ` +
      `${w.lostUpdates === 0 ? '0 lost updates' : `${w.lostUpdates} LOST UPDATES`}`);
  }
  const cold = Object.entries(results.coldStartMs).map(([name, ms]) => `${name} ${num(ms)} ms`).join(', ');
  console.log(`cold start (spawn → ready): ${cold}`);
  const s = results.sweep;
  const made = s.result ? `${s.result.reminders} reminders, ${s.result.escalations} escalations, ${s.result.emails} e-mails, ${s.result.letters} letters` : '—';
  console.log(`deadline sweep of ${s.open ?? '—'} open assignments: ${s.ms === null ? 'did not finish' : `${num(s.ms)} ms`}, ${made} (deleted afterwards), ` +
    `the same day again ${s.againMs == null ? '—' : `${num(s.againMs)} ms`}, peak RSS ${num(s.maxRssMiB)} MiB${s.error ? `, FAILED: ${s.error}` : ''}`);
  console.log(`floor answers the same as the product: ${Object.entries(results.agreement).map(([k, v]) => `${k} ${v === true ? 'yes' : v}`).join(', ')}`);
  const alone = Object.entries(results.aloneMs).map(([w, t]) => `${w} ${num(t.product)}/${num(t.floor)}`).join(', ');
  console.log(`one request alone, product/floor ms: ${alone}`);
  const failures = results.rows.flatMap((r) => Object.entries(r.results).filter(([, x]) => x?.failed && x.firstFailure).map(([c, x]) => `${r.workload}@${r.concurrency} ${c}: ${x!.firstFailure}`));
  for (const f of failures.slice(0, 8)) console.log(`failed answer: ${f}`);
}

export async function writeResults(results: Results): Promise<string> {
  const dir = new URL('../../bench/results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const file = new URL(`${results.scale}-${results.startedAt.replace(/[:.]/g, '-')}.json`, dir);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file.pathname;
}
