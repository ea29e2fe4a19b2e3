import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { SESSION_COOKIE } from '../../server/auth/auth.service.js';
import { QueueName } from '../../jobs/registry.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

describe('the queue dashboard at /admin/queues', () => {
  it('asks for credentials, refuses every role but ADMIN, and shows ADMIN every queue', async () => {
    const anonymous = await get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues', { authorization: 'Bearer not-a-token' })).status).toBe(401);

    for (const user of ['phochutich', 'vhtt', 'gddt']) {
      const token = await server.login(user);
      const refused = await get('/admin/queues/api/queues', { authorization: `Bearer ${token}` });
      expect(refused.status, user).toBe(403);
      expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    }

    const admin = await server.login('admin');
    const page = await get('/admin/queues', { authorization: `Bearer ${admin}` });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Tiến độ: hàng đợi');

    // The browser's session cookie works as well as a Bearer token.
    const api = await get('/admin/queues/api/queues', { cookie: `${SESSION_COOKIE}=${admin}` });
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: Array<{ name: string }> };
    expect(queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(['deadlines', 'email', 'webhooks']));
  });
});
