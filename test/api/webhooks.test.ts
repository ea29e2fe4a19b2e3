import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { silentLogger } from '../../server/shared/logger.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { attachSampleEvidence } from '../helpers/evidence.js';
import { eventually, startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { insertEscalationWebhooks } from '../../server/modules/webhooks/webhook.events.js';

const ENDPOINT_FIELDS = 'id version url description events active secret createdByUsername';
const CREATE = `mutation($url: String!, $events: [WebhookEventType!]!, $description: String) {
  createWebhookEndpoint(url: $url, events: $events, description: $description) { ${ENDPOINT_FIELDS} }
}`;
const DELIVERIES = `query($endpointId: ID!) { webhookDeliveries(endpointId: $endpointId) {
  id endpointId eventType messageId state attempts lastStatusCode lastError payload history { at statusCode error durationMs }
} }`;
const REDELIVER = 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id state attempts } }';

/** The receiver's own check, written from the Standard Webhooks spec rather than from the server's code. */
function signatureValid(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest('base64');
  return headers['webhook-signature'].split(' ').some((sig) => sig === `v1,${expected}`);
}

let server: TestServer;
let strict: TestServer;
let workers: Workers;
let strictWorkers: Workers;
let admin: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  // Tests talk to a receiver on 127.0.0.1 over http: only allowed with WEBHOOK_ALLOW_PRIVATE_URLS.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_BASE_MS: '100' });
  strict = await startTestServer({ WEBHOOK_RETRY_BASE_MS: '100' });
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  strictWorkers = startWorkers({ orm: strict.app.orm, config: strict.config, logger: silentLogger });
  admin = await server.login('admin');
  // Every message fails twice with 500, then is accepted.
  const seen = new Map<string, number>();
  receiver = await startWebhookReceiver(({ headers }) => {
    const n = (seen.get(headers['webhook-id']) ?? 0) + 1;
    seen.set(headers['webhook-id'], n);
    return n <= 2 ? 500 : 204;
  });
}, 60_000);
afterAll(async () => {
  await workers?.close();
  await strictWorkers?.close();
  await receiver?.close();
  await server?.close();
  await strict?.close();
});

describe('webhooks for integrators', () => {
  it('an assignment change reaches the endpoint signed, after two failures, with every attempt recorded', async () => {
    const created = await server.gql(CREATE, { url: receiver.url, events: ['ASSIGNMENT_STATUS_CHANGED'], description: 'Cổng dữ liệu tỉnh' }, admin);
    expect(created.errors).toBeUndefined();
    const endpoint = created.data!.createWebhookEndpoint;
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(Buffer.from(endpoint.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(endpoint.createdByUsername).toBe('admin');

    const officer = await server.login('gddt');
    const assignment = await findAssignment(server, officer, 'PHONG-GDDT', '4');
    const started = await server.gql(TRANSITION, { id: assignment.id, action: 'START', version: assignment.version }, officer);
    expect(started.errors).toBeUndefined();

    const delivery = await eventually(async () => {
      const res = await server.gql(DELIVERIES, { endpointId: endpoint.id }, admin);
      const [d] = res.data!.webhookDeliveries;
      return d?.state === 'SUCCEEDED' ? d : undefined;
    }, 30_000, 'the delivery to succeed');
    expect(delivery.attempts).toBe(3);
    expect(delivery.lastStatusCode).toBe(204);
    expect(delivery.history.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204]);
    expect(receiver.received).toHaveLength(3);

    // The same message each time, each request signed anew and verifiable by the receiver.
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids).toEqual(new Set([delivery.messageId]));
    for (const request of receiver.received) {
      expect(signatureValid(endpoint.secret, request.headers, request.body)).toBe(true);
      expect(() => new Webhook(endpoint.secret).verify(request.body, request.headers)).not.toThrow();
      expect(signatureValid('whsec_' + Buffer.alloc(32, 1).toString('base64'), request.headers, request.body)).toBe(false);
    }
    const body = JSON.parse(receiver.received[2].body);
    expect(body).toMatchObject({
      type: 'ASSIGNMENT_STATUS_CHANGED',
      data: { assignmentId: assignment.id, taskNumber: '4', unitCode: 'PHONG-GDDT', action: 'START', fromStatus: 'NOT_STARTED', toStatus: 'IN_PROGRESS' },
    });
    expect(new Date(body.timestamp).getTime()).not.toBeNaN();
    expect(receiver.received[2].body).toBe(delivery.payload);

    // Sent again by hand: a new round with the same webhook-id.
    receiver.received.length = 0;
    const again = await server.gql(REDELIVER, { id: delivery.id }, admin);
    expect(again.data!.redeliverWebhook).toMatchObject({ state: 'PENDING', attempts: 0 });
    await eventually(async () => receiver.received.find((r) => r.status === 204), 30_000, 'the redelivery');
    expect(receiver.received.every((r) => r.headers['webhook-id'] === delivery.messageId)).toBe(true);
    const after = await eventually(async () => {
      const res = await server.gql(DELIVERIES, { endpointId: endpoint.id }, admin);
      const d = res.data!.webhookDeliveries[0];
      return d.state === 'SUCCEEDED' ? d : undefined;
    });
    expect(after.history.length).toBeGreaterThanOrEqual(4);
    const twice = await server.gql(REDELIVER, { id: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(twice.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('the secret is shown once: never readable afterwards, and rotating issues a new one', async () => {
    const created = (await server.gql(CREATE, { url: receiver.url, events: ['EVIDENCE_ADDED'] }, admin)).data!.createWebhookEndpoint;
    const one = await server.gql(`query($id: ID!) { WebhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`, { id: created.id }, admin);
    expect(one.data!.WebhookEndpoint.secret).toBeNull();
    const all = await server.gql(`{ allWebhookEndpoints { id secret } }`, {}, admin);
    expect(all.data!.allWebhookEndpoints.every((e: { secret: string | null }) => e.secret === null)).toBe(true);
    const conn = await server.gql(`{ webhookEndpoints(first: 10) { edges { node { secret } } } }`, {}, admin);
    expect(conn.data!.webhookEndpoints.edges.every((e: { node: { secret: string | null } }) => e.node.secret === null)).toBe(true);
    const rotated = await server.gql(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { id secret } }`, { id: created.id }, admin);
    expect(rotated.data!.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data!.rotateWebhookSecret.secret).not.toBe(created.secret);
    const updated = await server.gql(
      `mutation($id: ID!, $version: Int!) { updateWebhookEndpoint(id: $id, version: $version, active: false) { active secret } }`,
      { id: created.id, version: one.data!.WebhookEndpoint.version + 1 },
      admin,
    );
    expect(updated.data!.updateWebhookEndpoint).toEqual({ active: false, secret: null });
  });

  it('attaching evidence tells the endpoints subscribed to EVIDENCE_ADDED', async () => {
    const hook = await startWebhookReceiver(() => 200);
    try {
      const endpoint = (await server.gql(CREATE, { url: hook.url, events: ['EVIDENCE_ADDED'] }, admin)).data!.createWebhookEndpoint;
      const officer = await server.login('xa-habac');
      const assignment = await findAssignment(server, officer, 'XA-HABAC', '1.2');
      await server.gql(TRANSITION, { id: assignment.id, action: 'START', version: assignment.version }, officer);
      const evidence = await attachSampleEvidence(server, officer, assignment.id, 'bao-cao.pdf');
      const request = await eventually(async () => hook.received[0], 20_000, 'the evidence webhook');
      expect(JSON.parse(request.body)).toMatchObject({
        type: 'EVIDENCE_ADDED',
        data: { assignmentId: assignment.id, unitCode: 'XA-HABAC', evidence: [{ id: evidence.id, name: 'bao-cao.pdf' }] },
      });
      expect(signatureValid(endpoint.secret, request.headers, request.body)).toBe(true);
      // Only the subscribed event: the START above was not sent here.
      expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['EVIDENCE_ADDED']);
    } finally {
      await hook.close();
    }
  });

  it('escalations are reported by one statement, once per escalation and endpoint', async () => {
    const hook = await startWebhookReceiver(() => 200);
    try {
      await server.gql(CREATE, { url: hook.url, events: ['ESCALATION_RAISED'] }, admin);
      const em = server.app.orm.em.fork();
      const [a] = await em.execute<Array<{ id: string; plan_id: string; unit_id: string }>>(
        `select a.id, a.plan_id, a.unit_id from assignment a join unit u on u.id = a.unit_id where u.code = 'XA-HABINH' limit 1`,
      );
      const [escalation] = await em.execute<Array<{ id: string }>>(
        `insert into escalation (id, created_at, updated_at, version, plan_id, assignment_id, unit_id, kind, level, round, basis, working_days_late, raised_at, recipient_ids, recipient_label)
         values (gen_random_uuid(), now(), now(), 1, ?, ?, ?, 'OVERDUE', 2, 0, '2022-12-31', 5, now(), '{}', 'Phòng Văn hóa và Thông tin') returning id`,
        [a.plan_id, a.id, a.unit_id],
      );
      const ids = await em.transactional((tx) => insertEscalationWebhooks(tx, [escalation.id]));
      expect(ids).toHaveLength(1);
      expect(await insertEscalationWebhooks(em, { sql: `select id from escalation where level = ?`, params: [2] })).toEqual([]);
      await server.app.queues.deliverWebhooks(ids.map((id) => ({ deliveryId: id, jobId: id })));
      const request = await eventually(async () => hook.received[0], 20_000, 'the escalation webhook');
      expect(JSON.parse(request.body)).toMatchObject({
        type: 'ESCALATION_RAISED',
        data: { escalationId: escalation.id, level: 2, kind: 'OVERDUE', unitCode: 'XA-HABINH', recipientLabel: 'Phòng Văn hóa và Thông tin' },
      });
      expect(request.headers['webhook-id']).toBe(`msg_esc_${escalation.id.replaceAll('-', '')}`);
    } finally {
      await hook.close();
    }
  });

  it('private, loopback and plain-http URLs are refused unless the setting allows them', async () => {
    const strictAdmin = await strict.login('admin');
    for (const url of ['https://127.0.0.1/hook', 'https://localhost/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://10.1.2.3/',
      'https://169.254.169.254/latest/meta-data', 'https://[fd00::1]/', 'https://100.64.0.1/', 'http://example.com/hook', 'ftp://example.com/']) {
      const res = await strict.gql(CREATE, { url, events: ['ESCALATION_RAISED'] }, strictAdmin);
      expect(res.errors?.[0].extensions?.code, url).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message, url).toMatch(/Địa chỉ webhook|tên miền/);
    }
    const refused = await strict.gql(CREATE, { url: 'https://192.168.1.10/hook', events: ['ESCALATION_RAISED'] }, strictAdmin);
    expect(refused.errors![0].message).toBe(
      'Địa chỉ webhook trỏ tới mạng nội bộ hoặc địa chỉ dành riêng (192.168.1.10): chỉ chấp nhận địa chỉ công khai trên Internet.',
    );

    // An endpoint that became private after registration (DNS rebinding) is refused when sending too.
    const em = strict.app.orm.em.fork();
    const [endpoint] = await em.execute<Array<{ id: string }>>(
      `insert into webhook_endpoint (id, created_at, updated_at, version, url, events, secret, active)
       values (gen_random_uuid(), now(), now(), 1, ?, '{ASSIGNMENT_STATUS_CHANGED}', 'whsec_${Buffer.alloc(24, 7).toString('base64')}', true) returning id`,
      [receiver.url],
    );
    const officer = await strict.login('gddt');
    const assignment = await findAssignment(strict, officer, 'PHONG-GDDT', '3');
    const before = receiver.received.length;
    await strict.gql(TRANSITION, { id: assignment.id, action: 'START', version: assignment.version }, officer);
    const delivery = await eventually(async () => {
      const res = await strict.gql(DELIVERIES, { endpointId: endpoint.id }, strictAdmin);
      const d = res.data!.webhookDeliveries[0];
      return d?.state === 'FAILED' ? d : undefined;
    }, 20_000, 'the refused delivery');
    expect(delivery.attempts).toBe(1);
    expect(delivery.lastError).toMatch(/nội bộ|https/);
    // The receiver is shared with the other tests, whose retries may still arrive: this delivery never did.
    expect(receiver.received.slice(before).filter((r) => r.headers['webhook-id'] === delivery.messageId)).toEqual([]);
  });

  it('only ADMIN manages webhooks: leaders, officers and anonymous callers are refused', async () => {
    const endpoint = (await server.gql(CREATE, { url: receiver.url, events: ['ESCALATION_RAISED'] }, admin)).data!.createWebhookEndpoint;
    const operations: Array<[string, Record<string, unknown>]> = [
      ['{ allWebhookEndpoints { id } }', {}],
      ['{ _allWebhookEndpointsMeta { count } }', {}],
      ['{ webhookEndpoints(first: 5) { totalCount } }', {}],
      ['query($id: ID!) { WebhookEndpoint(id: $id) { id } }', { id: endpoint.id }],
      [DELIVERIES, { endpointId: endpoint.id }],
      [CREATE, { url: receiver.url, events: ['ESCALATION_RAISED'] }],
      ['mutation($id: ID!) { updateWebhookEndpoint(id: $id, version: 1, active: false) { id } }', { id: endpoint.id }],
      ['mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id: endpoint.id }],
      ['mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id: endpoint.id }],
      [REDELIVER, { id: endpoint.id }],
    ];
    for (const [who, expected] of [['phochutich', 'FORBIDDEN'], ['vhtt', 'FORBIDDEN'], ['gddt', 'FORBIDDEN'], [null, 'UNAUTHENTICATED']] as const) {
      const token = who ? await server.login(who) : undefined;
      for (const [query, variables] of operations) {
        const res = await server.gql(query, variables, token);
        expect(res.errors?.[0]?.extensions?.code, `${who} ${query}`).toBe(expected);
      }
    }
    const still = await server.gql(`query($id: ID!) { WebhookEndpoint(id: $id) { active secret } }`, { id: endpoint.id }, admin);
    expect(still.data!.WebhookEndpoint).toEqual({ active: true, secret: null });
  });
});
