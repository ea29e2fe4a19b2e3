import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { loadConfig } from '../../server/config.js';
import { addressKey } from '../../server/security/request-budget.js';
import { startReplicas, type Replica, type Replicas } from '../helpers/replicas.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startOwnRedis, type OwnRedis } from '../helpers/redis-server.js';
import { REDIS_URL } from '../helpers/redis.js';
import { subscribe } from '../helpers/subscriptions.js';
import { CREATE_TOKEN, unitId } from './helpers.js';

/**
 * Budgets small enough to spend in a few requests, in a window long enough (the default minute) that it
 * cannot roll over between two requests of a test: "refused on the other server too" must mean shared.
 * The tests' own sign-ins are anonymous requests from 127.0.0.1: they spend that address's 10 points
 * (one each), so the anonymous tests spend other addresses' budgets, given as X-Forwarded-For.
 */
const BUDGETS = {
  API_BUDGET_TOKEN_POINTS: '20',
  API_BUDGET_USER_POINTS: '100',
  API_BUDGET_ANONYMOUS_POINTS: '10',
  API_BUDGET_WINDOW_SECONDS: '60',
};

/** Each costs exactly its page size: one row per item of a top-level list, no nested objects. */
const plans = (perPage: number) => `{ allPlans(perPage: ${perPage}) { id } }`;
const units = (perPage: number) => `{ allUnits(perPage: ${perPage}) { id } }`;
/** Costs 2 (`me` and its unit); answers null without a credential. */
const ME = '{ me { username unit { code } } }';

interface Sent {
  status: number;
  headers: Headers;
  json: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

/** POSTs a query as a program or a browser would: a Bearer token, a session cookie, or nothing, from an address. */
async function post(
  target: { url: string },
  query: string,
  { token, cookie, from }: { token?: string; cookie?: string; from?: string } = {},
): Promise<Sent> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie: `tiendo_session=${cookie}` } : {}),
      // The servers trust the loopback proxy (TRUST_PROXY's default), as they would trust nginx in front.
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Sent['json'] };
}

function budgetOf(sent: Sent) {
  const header = (name: string) => {
    const value = sent.headers.get(name);
    expect(value, `${name} header`).toMatch(/^\d+$/);
    return Number(value);
  };
  return {
    limit: header('x-ratelimit-limit'),
    remaining: header('x-ratelimit-remaining'),
    used: header('x-ratelimit-used'),
    cost: header('x-ratelimit-cost'),
    reset: header('x-ratelimit-reset'),
  };
}

function expectAllowed(sent: Sent) {
  expect(sent.json.errors, JSON.stringify(sent.json.errors)).toBeUndefined();
  expect(sent.status).toBe(200);
  return budgetOf(sent);
}

/** A 429 that says when to come back, in the header, in the error's figures and in its sentence; nothing ran. */
function expectRateLimited(sent: Sent, { limit, cost, windowSeconds }: { limit: number; cost: number; windowSeconds: number }) {
  expect(sent.status).toBe(429);
  expect(sent.json.data).toBeUndefined();
  const retryAfter = Number(sent.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  const [error] = sent.json.errors!;
  expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, limit, cost });
  expect(error.extensions).not.toHaveProperty('http');
  expect(error.message).toMatch(/hết hạn mức truy vấn/);
  expect(error.message).toMatch(/Hãy thử lại sau \d+ giây \(lúc \d{2}:\d{2}:\d{2}\)/);
  const budget = budgetOf(sent);
  expect(budget).toMatchObject({ limit, cost });
  expect(budget.remaining).toBeLessThan(cost);
  return { retryAfter, budget };
}

describe('budget settings', () => {
  it('default to a minute’s points no smaller than one operation may cost, and a bad value names its variable', () => {
    const { budget, maxCost } = loadConfig({}).limits;
    expect(budget).toEqual({ userPoints: 60_000, tokenPoints: 15_000, anonymousPoints: 2_000, windowSeconds: 60 });
    // An operation the cost limit lets through always fits in a fresh budget of a user or a token.
    expect(budget.userPoints).toBeGreaterThanOrEqual(maxCost);
    expect(budget.tokenPoints).toBeGreaterThanOrEqual(maxCost);
    expect(loadConfig({ API_BUDGET_TOKEN_POINTS: '500', API_BUDGET_WINDOW_SECONDS: '2' }).limits.budget).toMatchObject({ tokenPoints: 500, windowSeconds: 2 });
    expect(() => loadConfig({ API_BUDGET_USER_POINTS: 'nhieu' })).toThrow(/API_BUDGET_USER_POINTS/);
    expect(() => loadConfig({ API_BUDGET_ANONYMOUS_POINTS: '0' })).toThrow(/API_BUDGET_ANONYMOUS_POINTS/);
    expect(() => loadConfig({ API_BUDGET_WINDOW_SECONDS: '0' })).toThrow(/API_BUDGET_WINDOW_SECONDS/);
  });

  it('count an IPv6 client by its /64 and an IPv4 client seen through a dual-stack socket by its IPv4 address', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:a:b::1')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:0DB8:000a:000b:ffff:1:2:3')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('budgets shared by two API servers', { timeout: 60_000 }, () => {
  let cluster: Replicas;
  let a: Replica;
  let b: Replica;
  let tokens: Array<{ id: string; secret: string }>;
  let adminSession: string;

  beforeAll(async () => {
    cluster = await startReplicas('budget', { env: BUDGETS });
    ({ a, b } = cluster);
    adminSession = await a.login('admin');
    const unit = await unitId(a, adminSession, 'PHONG-GDDT');
    tokens = [];
    for (const name of ['Cổng dữ liệu tỉnh', 'Phần mềm của phòng', 'Kho dữ liệu huyện']) {
      const created = await b.gql(CREATE_TOKEN, { name, unitId: unit, scope: 'READ' }, adminSession);
      tokens.push(created.data!.createApiToken);
    }
  }, 180_000);
  afterAll(() => cluster?.close(), 60_000);

  it('an API token’s remaining points fall on both servers alike, then both refuse it with 429 and RATE_LIMITED', async () => {
    const [token, other] = tokens;
    const seen = [];
    for (const server of [a, b, a, b, a]) seen.push(expectAllowed(await post(server, plans(4), { token: token.secret })));
    expect(seen.map((s) => s.remaining)).toEqual([16, 12, 8, 4, 0]);
    expect(seen.map((s) => s.used)).toEqual([4, 8, 12, 16, 20]);
    expect(new Set(seen.map((s) => `${s.limit}/${s.cost}`))).toEqual(new Set(['20/4']));
    const now = Date.now() / 1000;
    for (const s of seen) {
      expect(s.reset).toBeGreaterThan(now);
      expect(s.reset).toBeLessThanOrEqual(Math.ceil(now) + 60);
    }

    expectRateLimited(await post(b, plans(4), { token: token.secret }), { limit: 20, cost: 4, windowSeconds: 60 });
    // Even a one-point request does not fit, on either server.
    expectRateLimited(await post(a, plans(1), { token: token.secret }), { limit: 20, cost: 1, windowSeconds: 60 });

    // The budget is kept in the shared Redis, under the servers' own prefix.
    const redis = new Redis(REDIS_URL);
    try {
      expect(Number(await redis.get(`${cluster.prefix}:budget-token:${token.id}`))).toBe(20);
    } finally {
      redis.disconnect();
    }

    // Another token of the same unit has a budget of its own, and so has the ADMIN who made both.
    expect(expectAllowed(await post(b, plans(4), { token: other.secret }))).toMatchObject({ limit: 20, remaining: 16 });
    expect(expectAllowed(await post(a, plans(4), { token: adminSession }))).toMatchObject({ limit: 100 });
  });

  it('an operation costing more than the whole budget is refused as too costly, not asked to wait, and costs a point', async () => {
    const token = tokens[2].secret;
    const refused = await post(a, plans(21), { token });
    expect(refused.status).toBe(400);
    expect(refused.json.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(refused.json.errors![0].message).toMatch(/quá tốn kém \(ước tính 21 điểm\) so với cả hạn mức 20 điểm/);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(budgetOf(refused)).toMatchObject({ limit: 20, cost: 1, used: 1, remaining: 19 });

    // A request that never gets as far as its cost (unreadable) costs a point too, and says so.
    const broken = await post(b, '{ allPlans(perPage: 4) { id ', { token });
    expect(broken.status).toBe(400);
    expect(budgetOf(broken)).toMatchObject({ cost: 1, used: 2, remaining: 18 });

    // The whole budget fits exactly.
    expect(expectAllowed(await post(b, plans(18), { token }))).toMatchObject({ used: 20, remaining: 0 });
  });

  it('a signed-in user’s sessions, cookie or Bearer, on either server, spend one budget; another user keeps theirs', async () => {
    const browser = await a.login('gddt');
    const phone = await b.login('gddt');
    const seen = [];
    for (const server of [a, b, a, b, a]) seen.push(expectAllowed(await post(server, units(20), { cookie: browser })));
    expect(seen.map((s) => s.remaining)).toEqual([80, 60, 40, 20, 0]);
    expect(seen[0].limit).toBe(100);

    expectRateLimited(await post(b, units(20), { cookie: browser }), { limit: 100, cost: 20, windowSeconds: 60 });
    expectRateLimited(await post(a, units(20), { token: phone }), { limit: 100, cost: 20, windowSeconds: 60 });

    const other = await a.login('vanphong');
    expect(expectAllowed(await post(b, units(20), { token: other }))).toMatchObject({ limit: 100, used: 20, remaining: 80 });
  });

  it('requests without a credential spend their address’s budget, an IPv6 client’s whole /64 together', async () => {
    const seen = [];
    for (const server of [a, b, a, b, a]) seen.push(expectAllowed(await post(server, ME, { from: '203.0.113.7' })));
    expect(seen.map((s) => s.remaining)).toEqual([8, 6, 4, 2, 0]);
    expect(seen[0]).toMatchObject({ limit: 10, cost: 2 });
    expectRateLimited(await post(b, ME, { from: '203.0.113.7' }), { limit: 10, cost: 2, windowSeconds: 60 });

    // Another address has its own; a user signing in from the spent address spends their own budget.
    expect(expectAllowed(await post(a, ME, { from: '203.0.113.8' }))).toMatchObject({ remaining: 8 });
    const signedIn = await a.login('vhtt');
    const mine = await post(b, ME, { from: '203.0.113.7', token: signedIn });
    expect(expectAllowed(mine)).toMatchObject({ limit: 100 });
    expect(mine.json.data.me.username).toBe('vhtt');

    for (const server of [a, b, a, b, a]) expectAllowed(await post(server, ME, { from: '2001:db8:a:b::1' }));
    expectRateLimited(await post(b, ME, { from: '2001:db8:a:b:ffff::2' }), { limit: 10, cost: 2, windowSeconds: 60 });
    expect(expectAllowed(await post(a, ME, { from: '2001:db8:a:c::1' }))).toMatchObject({ remaining: 8 });
  });

  it('rateLimit tells a caller where their budget stands; subscribing spends a subscription’s cost once, and is refused when spent', async () => {
    const session = await b.login('agribank');
    const RATE = '{ rateLimit { limit cost used remaining resetAt windowSeconds } }';
    const first = await post(a, RATE, { token: session });
    expect(expectAllowed(first)).toMatchObject({ cost: 1, used: 1 });
    expect(first.json.data.rateLimit).toMatchObject({ limit: 100, cost: 1, used: 1, remaining: 99, windowSeconds: 60 });
    expect(Math.ceil(Date.parse(first.json.data.rateLimit.resetAt) / 1000)).toBe(budgetOf(first).reset);

    const live = subscribe(b.url, 'subscription { notificationsChanged { unreadCount } }', { token: session });
    try {
      expect((await live.next()).data?.notificationsChanged).toBeDefined();
      // The subscription cost one point, counted when it began.
      expect((await post(a, RATE, { token: session })).json.data.rateLimit).toMatchObject({ used: 3, remaining: 97 });
    } finally {
      await live.close();
    }

    for (let i = 0; i < 4; i++) expectAllowed(await post(i % 2 ? a : b, units(20), { token: session }));
    // 83 used, 17 left: a request of 20 does not fit and spends nothing, so one of 17 still does.
    expectRateLimited(await post(a, units(20), { token: session }), { limit: 100, cost: 20, windowSeconds: 60 });
    expect(expectAllowed(await post(b, units(17), { token: session }))).toMatchObject({ used: 100, remaining: 0 });

    const refused = subscribe(b.url, 'subscription { notificationsChanged { unreadCount } }', { token: session });
    const ended = (await refused.ended) as { error: Array<{ message: string; extensions: Record<string, unknown> }> };
    await refused.close();
    expect(ended.error[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 100, cost: 1 });
    expect(ended.error[0].extensions).not.toHaveProperty('http');
  });
});

describe('a short budget window, on a Redis of the test’s own', { timeout: 90_000 }, () => {
  let redis: OwnRedis;
  let server: TestServer;

  beforeAll(async () => {
    redis = await startOwnRedis();
    server = await startTestServer({ REDIS_URL: redis.url, API_BUDGET_USER_POINTS: '10', API_BUDGET_WINDOW_SECONDS: '2' });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.close();
  });

  /** Spends until refused; the window may roll over meanwhile, which only takes more requests. */
  async function spendUntilRefused(session: string): Promise<Sent[]> {
    const answers: Sent[] = [];
    for (let i = 0; i < 30; i++) {
      const sent = await post(server, units(5), { token: session });
      answers.push(sent);
      if (sent.status !== 200) return answers;
    }
    throw new Error(`never refused: ${answers.map((a) => a.status).join(', ')}`);
  }

  it('the budget comes back once the window has passed', async () => {
    const session = await server.login('gddt');
    const answers = await spendUntilRefused(session);
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expectRateLimited(answers.at(-1)!, { limit: 10, cost: 5, windowSeconds: 2 });

    let again: Sent;
    const deadline = Date.now() + 15_000;
    do {
      await new Promise((r) => setTimeout(r, 200));
      again = await post(server, units(5), { token: session });
    } while (again.status === 429 && Date.now() < deadline);
    // The first request let through after a refusal opens a new window: the refusals spent nothing.
    expect(expectAllowed(again)).toMatchObject({ limit: 10, cost: 5, used: 5, remaining: 5 });
  });

  it('with Redis gone the server keeps answering and counting on its own, never with a server error', async () => {
    const session = await server.login('vanphong');
    expectAllowed(await post(server, units(5), { token: session }));
    await redis.stop(true);
    try {
      const answers = await spendUntilRefused(session);
      for (const sent of answers.slice(0, -1)) expect(expectAllowed(sent).limit).toBe(10);
      expectRateLimited(answers.at(-1)!, { limit: 10, cost: 5, windowSeconds: 2 });
    } finally {
      await redis.start();
    }
  });
});
