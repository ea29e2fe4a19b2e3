/**
 * The floor only means something if it answers the same question: compare its answers with the
 * product's once, before timing anything. Also counts the product's SQL statements per request.
 */
import { performance } from 'node:perf_hooks';
import type { Request } from './load.js';
import type { ReadCase } from './workloads.js';
import type { Server } from './servers.js';

async function send(baseUrl: string, r: Request): Promise<any> {
  const response = await fetch(`${baseUrl}${r.path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...r.headers }, body: r.body });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`${r.path}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const FIGURE_KEYS = [['total', 'total'], ['doneOnTime', 'done_on_time'], ['doneLate', 'done_late'],
  ['notDoneWithinDeadline', 'not_done_within_deadline'], ['overdue', 'overdue'], ['comeDue', 'come_due']] as const;
const figures = (f: any, snake: boolean) => FIGURE_KEYS.map(([camel, s]) => f?.[snake ? s : camel]);

/** How long one request takes alone, in ms: the only number for a read too slow to finish under load. */
export type AloneMs = Record<string, { product?: number; floor?: number }>;

/** Compares one answer per read workload; a difference is reported, not thrown: the timings still run. */
export async function checkAgreement(cases: ReadCase[], product: Server, floor: Server, alone: AloneMs): Promise<Record<string, boolean | string>> {
  const verdicts: Record<string, boolean | string> = {};
  const timed = async (server: Server, request: Request) => {
    const started = performance.now();
    const data = await send(server.baseUrl, request);
    return { data, ms: performance.now() - started };
  };
  for (const c of cases) {
    try {
      const { data: p, ms: productMs } = await timed(product, c.request.product!(0));
      const { data: f, ms: floorMs } = await timed(floor, c.request.floor!(0));
      alone[c.workload] = { product: productMs, floor: floorMs };
      let agree: boolean;
      if (c.workload === 'W1') {
        const pn = p.assignments.edges.map((e: any) => e.node);
        agree = p.assignments.totalCount === f.totalCount && same(
          pn.map((n: any) => [n.id, n.deadlineClass, n.task.number, n.unit.code, n.history.map((h: any) => h.action)]),
          f.nodes.map((n: any) => [n.id, n.deadline_class, n.task_number, n.unit_code, n.history.map((h: any) => h.action)]),
        );
      } else if (c.workload === 'W2' || c.workload === 'W2-large') {
        const pp = p.planProgress;
        agree = same(figures(pp.overall, false), figures(f.overall, true)) &&
          same(pp.byUnit.map((u: any) => [u.unit.code, ...figures(u.figures, false)]), f.byUnit.map((u: any) => [u.unit.code, ...figures(u.figures, true)])) &&
          same(pp.byTask.map((t: any) => [t.task.number, ...figures(t.figures, false)]), f.byTask.map((t: any) => [t.task.number, ...figures(t.figures, true)]));
      } else if (c.workload === 'W3') {
        const a = p.Assignment;
        agree = same([a.id, a.status, a.progress, a.dueDate, a.version, a.deadlineClass, a.task.number, a.unit.code],
          [f.id, f.status, f.progress, f.due_date, f.version, f.deadline_class, f.task_number, f.unit_code]);
      } else {
        const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
        agree = same(p.Plan.targets.map((t: any) => [t.code, round(t.current.valuePercent), t.current.met, t.current.facilitiesCounted]),
          f.map((t: any) => [t.code, round(t.valuePercent), t.met, t.facilitiesCounted]));
      }
      verdicts[c.workload] = agree || 'NO (answers differ)';
    } catch (error) {
      verdicts[c.workload] = `error: ${String(error).slice(0, 200)}`;
    }
  }
  return verdicts;
}

/**
 * Statements the product sends for one request, from a server started with LOG_SQL=true: every
 * statement MikroORM runs is one "[query]" line on its stdout, the session lookup included.
 */
export async function countStatements(logging: Server, request: () => Promise<Request>): Promise<number | null> {
  const count = () => (logging.process.output().match(/^\[query\]/gm) ?? []).length;
  try {
    // The first request warms what later requests do not repeat (metadata, pool connections).
    await send(logging.baseUrl, await request()).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const before = count();
    await send(logging.baseUrl, await request());
    await new Promise((r) => setTimeout(r, 300));
    return count() - before;
  } catch {
    return null;
  }
}
