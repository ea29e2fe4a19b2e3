import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startProcess } from '../helpers/process.js';
import { REDIS_URL } from '../helpers/server.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function gql(port: number, query: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

describe('starting the server', () => {
  it('without Redis it stops with one line saying how to get one, and no stack trace', async () => {
    const closedPort = await freePort();
    const run = startProcess('server/main.ts', { REDIS_URL: `redis://127.0.0.1:${closedPort}`, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n').filter((l) => !l.startsWith('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Redis/);
    expect(lines[0]).toContain('REDIS_URL');
    expect(lines[0]).toContain('docker compose up -d redis');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('a bad variable stops it naming the variable', async () => {
    const run = startProcess('server/main.ts', { PORT: 'four-thousand', REDIS_URL });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/^Invalid environment: PORT: /m);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('with no DATABASE_URL it runs an embedded PostgreSQL, seeds it, and keeps the data across restarts, from sources and from the bundle', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tiendo-embedded-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_POSTGRES_PORT: String(await freePort()), REDIS_URL, QUEUE_PREFIX: `tiendo-start-${port}` };

    const first = startProcess('server/main.ts', env);
    await first.waitFor(/Tiến độ đang chạy/);
    expect(first.output()).toMatch(/Tài khoản dùng thử \(mật khẩu "tiendo-demo"\): admin, phochutich, vhtt, gddt/);
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    const login = await gql(port, 'mutation { login(username: "gddt", password: "tiendo-demo") { token } }');
    const token = login.data.login.token as string;
    // The demo has already recorded work on most of the office's assignments: take one nobody has started.
    const mine = await gql(port, '{ assignments(first: 1, filter: { q: "PHONG-GDDT", status: [NOT_STARTED] }, orderBy: { field: TASK, direction: DESC }) { edges { node { id version task { number } } } } }', token);
    const a = mine.data.assignments.edges[0].node;
    const started = await gql(port, `mutation { transitionAssignment(id: "${a.id}", action: START, version: ${a.version}) { status } }`, token);
    expect(started.data.transitionAssignment.status).toBe('IN_PROGRESS');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The second start runs the bundle `npm start` builds and runs.
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'server/build.ts'], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const second = startProcess('dist/server/main.js', env);
    await second.waitFor(/Tiến độ đang chạy/);
    const again = await gql(port, `{ Assignment(id: "${a.id}") { status } _allAssignmentsMeta { count } _allPlansMeta { count } }`, token);
    // The transcribed plans and the demo copy running this year, created once.
    expect(again.data).toEqual({ Assignment: { status: 'IN_PROGRESS' }, _allAssignmentsMeta: { count: 472 }, _allPlansMeta: { count: 3 } });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
