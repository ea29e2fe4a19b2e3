import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId } from '../helpers/queries.js';

let server: TestServer;
let admin: string;
let leader: string;
let coordinator: string;
let officer: string;
let seededPlan: string;

beforeAll(async () => {
  server = await startTestServer();
  [admin, leader, coordinator, officer] = await Promise.all(['admin', 'phochutich', 'vhtt', 'gddt'].map((u) => server.login(u)));
  seededPlan = await planId(server, admin);
});

afterAll(async () => {
  await server?.close();
});

const POLICY_FIELDS = `id planId version isDefault enabled reminderDays level1After level2After level3After repeatEvery
  reviewAfter reviewLeaderAfter autoLetter coordinatorUnitId coordinatorUnit { code }`;
const READ = `query($id: ID!) { Plan(id: $id) { escalationPolicy { ${POLICY_FIELDS} } } }`;
const UPDATE = `mutation($planId: ID!, $version: Int!, $input: EscalationPolicyInput!) {
  updateEscalationPolicy(planId: $planId, version: $version, input: $input) { ${POLICY_FIELDS} }
}`;

const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
const argument = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.argument;

async function read(id: string, token = officer) {
  const res = await server.gql(READ, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.Plan.escalationPolicy;
}

let serial = 0;
/** A plan of its own for each test, with no settings yet. */
async function newPlan(): Promise<string> {
  const res = await server.gql(
    'mutation($code: String!) { createPlan(code: $code, title: "Kế hoạch thử nhắc việc", issuingBody: "UBND huyện Hà Trung") { id } }',
    { code: `KH-NHAC-${process.pid}-${++serial}` },
    admin,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createPlan.id;
}

describe('reading a plan’s reminder and escalation settings', () => {
  it('the seeded plan has settings of its own, with its coordinating office resolved', async () => {
    const policy = await read(seededPlan);
    expect(policy).toMatchObject({
      planId: seededPlan, isDefault: false, version: 1, reminderDays: [7, 3, 1, 0], level1After: 1, level2After: 3, level3After: 7,
      coordinatorUnit: { code: 'PHONG-VHTT' },
    });
  });

  it('a plan without settings reads the defaults, as version 0', async () => {
    const plan = await newPlan();
    expect(await read(plan)).toEqual({
      id: plan, planId: plan, version: 0, isDefault: true, enabled: true, reminderDays: [7, 3, 1, 0], level1After: 1, level2After: 3,
      level3After: 7, repeatEvery: 7, reviewAfter: 3, reviewLeaderAfter: 6, autoLetter: true, coordinatorUnitId: null, coordinatorUnit: null,
    });
  });

  it('every plan of a list carries its settings', async () => {
    const res = await server.gql('{ allPlans(perPage: 50) { id escalationPolicy { planId isDefault } } }', {}, officer);
    expect(res.errors).toBeUndefined();
    for (const plan of res.data!.allPlans) expect(plan.escalationPolicy.planId).toBe(plan.id);
  });
});

describe('changing the settings', () => {
  it('a leader sets the level 2 threshold on a plan with no settings: the row is created at version 1', async () => {
    const plan = await newPlan();
    const res = await server.gql(UPDATE, { planId: plan, version: 0, input: { level2After: 5 } }, leader);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEscalationPolicy).toMatchObject({ version: 1, isDefault: false, level1After: 1, level2After: 5, level3After: 7 });
    expect(await read(plan)).toMatchObject({ version: 1, level2After: 5, reminderDays: [7, 3, 1, 0] });
    // Someone who still read the defaults is refused.
    const stale = await server.gql(UPDATE, { planId: plan, version: 0, input: { level2After: 4 } }, leader);
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.currentVersion).toBe(1);
  });

  it('ADMIN changes reminders, the office for level 2 and turns letters off; reminders are kept furthest first', async () => {
    const units = await server.gql('{ allUnits(filter: { q: "PHONG-GDDT" }) { id code } }', {}, admin);
    const gddt = units.data!.allUnits.find((u: { code: string }) => u.code === 'PHONG-GDDT').id;
    const res = await server.gql(
      UPDATE,
      { planId: seededPlan, version: 1, input: { reminderDays: [1, 10, 0], coordinatorUnitId: gddt, autoLetter: false } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEscalationPolicy).toMatchObject({
      version: 2, reminderDays: [10, 1, 0], coordinatorUnitId: gddt, coordinatorUnit: { code: 'PHONG-GDDT' }, autoLetter: false,
    });
    const cleared = await server.gql(UPDATE, { planId: seededPlan, version: 2, input: { coordinatorUnitId: null, reminderDays: [] } }, admin);
    expect(cleared.data!.updateEscalationPolicy).toMatchObject({ version: 3, coordinatorUnit: null, reminderDays: [] });
  });

  it('an officer and a coordinator are FORBIDDEN, signed out is UNAUTHENTICATED, and nothing changes', async () => {
    const plan = await newPlan();
    for (const token of [officer, coordinator]) {
      expect(code(await server.gql(UPDATE, { planId: plan, version: 0, input: { level2After: 4 } }, token))).toBe('FORBIDDEN');
    }
    expect(code(await server.gql(UPDATE, { planId: plan, version: 0, input: { level2After: 4 } }))).toBe('UNAUTHENTICATED');
    expect(await read(plan)).toMatchObject({ version: 0, isDefault: true, level2After: 3 });
  });

  it('an unknown plan is NOT_FOUND', async () => {
    const res = await server.gql(UPDATE, { planId: '00000000-0000-4000-8000-000000000000', version: 0, input: {} }, leader);
    expect(code(res)).toBe('NOT_FOUND');
  });

  it('settings that do not make sense are refused with the field named, and nothing is saved', async () => {
    const plan = await newPlan();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ reminderDays: [7, 3, 3] }, 'input.reminderDays'],
      [{ reminderDays: [31] }, 'input.reminderDays'],
      [{ reminderDays: [-1] }, 'input.reminderDays'],
      [{ reminderDays: [10, 7, 5, 3, 2, 1, 0] }, 'input.reminderDays'],
      // The ladder is ordered: the field just changed is the one named.
      [{ level2After: 0 }, 'input.level2After'],
      [{ level2After: 8 }, 'input.level2After'],
      [{ level1After: 4 }, 'input.level1After'],
      [{ level3After: 2 }, 'input.level3After'],
      [{ level1After: 0 }, 'input.level1After'],
      [{ repeatEvery: 0 }, 'input.repeatEvery'],
      [{ reviewAfter: 0 }, 'input.reviewAfter'],
      [{ reviewLeaderAfter: 2 }, 'input.reviewLeaderAfter'],
      [{ reviewAfter: 7 }, 'input.reviewAfter'],
      [{ coordinatorUnitId: '00000000-0000-4000-8000-000000000000' }, 'input.coordinatorUnitId'],
      [{ coordinatorUnitId: 'not-an-id' }, 'input.coordinatorUnitId'],
    ];
    for (const [input, named] of cases) {
      const res = await server.gql(UPDATE, { planId: plan, version: 0, input }, leader);
      expect(code(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(argument(res), JSON.stringify(input)).toBe(named);
    }
    expect(await read(plan)).toMatchObject({ version: 0, isDefault: true });
    // Moving the whole ladder at once is fine.
    const moved = await server.gql(UPDATE, { planId: plan, version: 0, input: { level1After: 4, level2After: 8, level3After: 12 } }, leader);
    expect(moved.data!.updateEscalationPolicy).toMatchObject({ level1After: 4, level2After: 8, level3After: 12 });
  });
});
