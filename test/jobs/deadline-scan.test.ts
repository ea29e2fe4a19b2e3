import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { QueueName } from '../../jobs/registry.js';
import { silentLogger } from '../../server/shared/logger.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';

let server: TestServer;
let workers: Workers;
let events: QueueEvents;

beforeAll(async () => {
  server = await startTestServer();
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  events = new QueueEvents(QueueName.DEADLINES, { connection: { url: REDIS_URL } as never, prefix: server.config.queuePrefix });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events?.close();
  await workers?.close();
  await server?.close();
});

const notifications = async (day: string) =>
  (await server.app.orm.em.getConnection().execute<Array<{ kind: string; unit: string; message: string }>>(
    `select n.kind, u.code as unit, n.message from notification n join unit u on u.id = n.unit_id where n.day = ? order by u.code, n.message`,
    [day],
  ));

describe('the deadline reminder job on a real Redis queue', () => {
  it('reminds each unit of its open overdue work once per day, however often the job is delivered', async () => {
    const token = await server.login('gddt');
    const submitted = await findAssignment(server, token, 'PHONG-GDDT', '4');
    await server.gql(TRANSITION, { id: submitted.id, action: 'START', version: submitted.version }, token);

    const jobId = await server.app.queues.scanDeadlines({ asOf: '2023-01-05' });
    const job = (await server.app.queues.deadlines.getJob(jobId!))!;
    const result = await job.waitUntilFinished(events, 20_000);
    expect(result).toEqual({ asOf: '2023-01-05', created: 116 });
    const rows = await notifications('2023-01-05');
    expect(rows).toHaveLength(116);
    expect(rows.every((r) => r.kind === 'OVERDUE')).toBe(true);
    expect(rows.find((r) => r.unit === 'PHONG-GDDT' && r.message.includes('nhiệm vụ 4 '))!.message).toBe(
      'Quá hạn 5 ngày: nhiệm vụ 4 (Công tác đào tạo, tập huấn, phổ biến kiến thức, kỹ năng về chuyển đổi số, thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục), hạn 31/12/2022.',
    );

    // The same day again: BullMQ deduplicates by job id, and the table's key stops a forced second run.
    expect(await server.app.queues.scanDeadlines({ asOf: '2023-01-05' })).toBe(jobId);
    const again = await server.app.queues.deadlines.add('deadline-scan', { asOf: '2023-01-05' });
    expect(await again.waitUntilFinished(events, 20_000)).toEqual({ asOf: '2023-01-05', created: 0 });
    expect(await notifications('2023-01-05')).toHaveLength(116);
  });

  it('reminds of work due within a week as DUE_SOON and says nothing about cancelled work', async () => {
    const leader = await server.login('phochutich');
    const cancelled = await findAssignment(server, leader, 'VT-MOBIFONE', '6');
    const res = await server.gql(TRANSITION, { id: cancelled.id, action: 'CANCEL', version: cancelled.version, comment: 'Không tham gia' }, leader);
    expect(res.errors).toBeUndefined();
    const job = await server.app.queues.deadlines.add('deadline-scan', { asOf: '2022-12-28' });
    const result = await job.waitUntilFinished(events, 20_000);
    expect(result.created).toBe(115);
    const rows = await notifications('2022-12-28');
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['DUE_SOON']));
    expect(rows[0].message).toMatch(/^Sắp đến hạn 31\/12\/2022: nhiệm vụ/);
  });

  it('a malformed payload fails at once without retries', async () => {
    const job = await server.app.queues.deadlines.add('deadline-scan', { asOf: '2023-02-30' }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/invalid asOf/);
    const failed = (await server.app.queues.deadlines.getJob(job.id!))!;
    expect(failed.attemptsMade).toBe(1);
  });
});
