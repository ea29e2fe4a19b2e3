/**
 * W4: officers of many units record progress on their own unit's work at the same time. Two officers
 * share each unit and its two assignments and some of their writes race, so some must be refused as
 * CONFLICT; after the run every accepted write must have left exactly one history row and one version step.
 */
import type pg from 'pg';
import { graphqlClient } from '../helpers/client.js';
import { runLoad, type LoadResult } from './load.js';
import { settle, type Server } from './servers.js';
import { PRODUCT_QUERIES } from './workloads.js';

interface Slot {
  id: string;
  version: number;
  progress: number;
  tokens: string[];
}

export interface WriteFixtures {
  slots: Slot[];
  officers: number;
}

export interface WriteResult extends LoadResult {
  successes: number;
  conflicts: number;
  otherErrors: number;
  historyAdded: number;
  versionsAdvanced: number;
  /** Writes the server committed after the run's clock stopped, so their answers were never read. */
  unanswered: number;
  /** Accepted writes without exactly one history row, plus any gap between history rows and version steps. */
  lostUpdates: number;
}

const UNITS = 40;

/** Two officers each of 40 units with work in progress, signed in; two of each unit's editable assignments. */
export async function prepareWrites(db: pg.Client, baseUrl: string): Promise<WriteFixtures> {
  const { rows } = await db.query<{ unit_id: string; officers: string[]; ids: string[] }>(
    `select u.id as unit_id,
            (select array_agg(username order by username) from (select username from app_user where unit_id = u.id and role = 'OFFICER' and active
              order by username limit 2) o) as officers,
            (select array_agg(id order by id) from (select id from assignment where unit_id = u.id and status in ('IN_PROGRESS', 'BLOCKED')
              order by md5(id::text) limit 2) a) as ids
       from unit u
      where exists (select 1 from app_user au where au.unit_id = u.id and au.role = 'OFFICER')
        and (select count(*) from assignment a where a.unit_id = u.id and a.status in ('IN_PROGRESS', 'BLOCKED')) >= 2
        and (select count(*) from app_user au where au.unit_id = u.id and au.role = 'OFFICER' and au.active) >= 2
      order by md5(u.code) limit ${UNITS}`,
  );
  const client = graphqlClient(baseUrl);
  const slots: Slot[] = [];
  for (const unit of rows) {
    const tokens = await Promise.all(unit.officers.map((username) => client.login(username)));
    for (const id of unit.ids) slots.push({ id, version: 0, progress: 0, tokens });
  }
  await refresh(db, slots);
  return { slots, officers: rows.length * 2 };
}

async function refresh(db: pg.Client, slots: Slot[]) {
  const { rows } = await db.query<{ id: string; version: number; progress: number }>(
    `select id, version, progress from assignment where id = any($1::uuid[])`,
    [slots.map((s) => s.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const s of slots) Object.assign(s, { version: byId.get(s.id)!.version, progress: byId.get(s.id)!.progress });
}

async function totals(db: pg.Client, ids: string[]) {
  const { rows } = await db.query<{ history: number; versions: number }>(
    `select (select count(*)::int from status_change where assignment_id = any($1::uuid[])) as history,
            (select sum(version)::int from assignment where id = any($1::uuid[])) as versions`,
    [ids],
  );
  return rows[0];
}

export async function runWrites(db: pg.Client, server: Server, w: WriteFixtures, connections: number, seconds: number): Promise<WriteResult> {
  await refresh(db, w.slots);
  const ids = w.slots.map((s) => s.id);
  const before = await totals(db, ids);
  // Each write's note is unique, and the history row records it: every accepted note must appear exactly once.
  const run = `bench ${connections}-${Date.now()}`;
  const accepted = new Set<string>();
  let conflicts = 0;
  let otherErrors = 0;
  const result = await runLoad({
    baseUrl: server.baseUrl,
    connections,
    seconds,
    next: (n) => {
      // One request in eight is the unit's other officer writing the same assignment with the same version
      // as the request just before: when the two overlap, one must be refused.
      const slot = w.slots[(n - Math.floor((n + 1) / 8)) % w.slots.length];
      // Every write changes the progress, so each accepted one is a real change with a history row.
      const progress = (slot.progress + 1 + (n % 7)) % 101;
      const note = `${run} ${n}`;
      return {
        path: '/graphql',
        body: JSON.stringify({ query: PRODUCT_QUERIES.w4, variables: { id: slot.id, v: slot.version, p: progress, note } }),
        headers: { authorization: `Bearer ${slot.tokens[n % slot.tokens.length]}` },
        tag: { slot, note },
      };
    },
    onAnswer: (_status, body, request) => {
      const { slot, note } = request.tag as { slot: Slot; note: string };
      const answer = JSON.parse(body) as {
        data?: { updateAssignment?: { id: string; version: number; progress: number } };
        errors?: Array<{ extensions?: { code?: string; currentVersion?: number } }>;
      };
      const updated = answer.data?.updateAssignment;
      if (updated) {
        accepted.add(note);
        if (updated.version > slot.version) Object.assign(slot, { version: updated.version, progress: updated.progress });
      } else if (answer.errors?.[0]?.extensions?.code === 'CONFLICT') {
        conflicts++;
        // A stale version is told the current one; a lost race is not, and the next success will tell.
        const current = answer.errors[0].extensions.currentVersion;
        if (typeof current === 'number' && current > slot.version) slot.version = current;
      } else {
        otherErrors++;
      }
    },
  });
  await settle(server.process.child.pid!);
  const after = await totals(db, ids);
  const { rows: recorded } = await db.query<{ note: string; n: number }>(
    `select comment as note, count(*)::int as n from status_change where assignment_id = any($1::uuid[]) and comment like $2 group by comment`,
    [ids, `${run} %`],
  );
  const times = new Map(recorded.map((r) => [r.note, r.n]));
  const notExactlyOnce = [...accepted].filter((note) => times.get(note) !== 1).length;
  const historyAdded = after.history - before.history;
  const versionsAdvanced = after.versions - before.versions;
  return {
    ...result,
    // Conflicts are the expected answer to a race, not a failure of the run.
    failed: result.failed - conflicts,
    successes: accepted.size,
    conflicts,
    otherErrors,
    historyAdded,
    versionsAdvanced,
    unanswered: historyAdded - accepted.size,
    lostUpdates: notExactlyOnce + Math.abs(historyAdded - versionsAdvanced) + Math.max(0, accepted.size - historyAdded),
  };
}
