import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDay } from '../helpers/sweep.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(query, params);

const sweep = (asOf: string) => sweepDay(server, asOf, `${asOf}T01:00:00.000Z`);

/** The report notices of a day, as "kind username unit" lines. */
async function reportNotices(day: string) {
  const rows = await sql<{ line: string }>(
    `select n.kind || ' ' || u.username || ' ' || ru.code || ' ' || o.period as line
       from notification n
       join app_user u on u.id = n.user_id
       join unit_report r on r.id = n.unit_report_id
       join unit ru on ru.id = r.unit_id
       join reporting_obligation o on o.id = r.obligation_id
      where n.kind in ('REPORT_REMINDER', 'REPORT_OVERDUE') and n.day = ?::date
      order by 1`,
    [day],
  );
  return rows.map((r) => r.line);
}

describe('period reports are chased like late work', () => {
  it('reminds the unit before the last day, then climbs the ladder: unit, aggregating office, leaders', async () => {
    // Wednesday 29/06/2022 is the last day a report due "before 30/6" is on time.
    const lastDay = await sweep('2022-06-29');
    expect(lastDay.reportNotices).toBe(2);
    expect(await reportNotices('2022-06-29')).toEqual(['REPORT_REMINDER gddt PHONG-GDDT SIX_MONTH', 'REPORT_REMINDER vanphong VP-HDND-UBND SIX_MONTH']);
    const [reminder] = await sql<{ title: string; body: string }>(
      `select title, body from notification where kind = 'REPORT_REMINDER' and day = '2022-06-29' order by title limit 1`,
    );
    expect(reminder.title).toBe('Hôm nay là hạn cuối gửi báo cáo: Báo cáo 6 tháng kết quả triển khai thực hiện Kế hoạch');
    expect(reminder.body).toContain('trước ngày 30/06/2022 qua Phòng Văn hóa và Thông tin');

    // Thursday 30/06: one working day late, level 1 to the unit.
    await sweep('2022-06-30');
    expect(await reportNotices('2022-06-30')).toEqual(['REPORT_OVERDUE gddt PHONG-GDDT SIX_MONTH', 'REPORT_OVERDUE vanphong VP-HDND-UBND SIX_MONTH']);
    // Friday: still level 1, already told: nothing new.
    const friday = await sweep('2022-07-01');
    expect(friday.reportNotices).toBe(0);

    // The Education Office sends its report; only the other office is chased further.
    const gddt = await server.login('gddt');
    const [report] = await sql<{ id: string; version: number }>(
      `select r.id, r.version from unit_report r join unit u on u.id = r.unit_id join reporting_obligation o on o.id = r.obligation_id
        where u.code = 'PHONG-GDDT' and o.period = 'SIX_MONTH'`,
    );
    const saved = await server.gql(
      'mutation($id: ID!, $v: Int!) { saveUnitReport(id: $id, version: $v, results: "Đã triển khai.") { version } }', { id: report.id, v: report.version }, gddt,
    );
    const sent = await server.gql('mutation($id: ID!, $v: Int!) { submitUnitReport(id: $id, version: $v) { state } }', { id: report.id, v: saved.data!.saveUnitReport.version }, gddt);
    expect(sent.data!.submitUnitReport.state).toBe('SUBMITTED');

    // Monday 04/07: three working days late, level 2 to the office it reports through.
    await sweep('2022-07-04');
    expect(await reportNotices('2022-07-04')).toEqual(['REPORT_OVERDUE vhtt VP-HDND-UBND SIX_MONTH']);
    const [urgent] = await sql<{ urgent: boolean; title: string }>(`select urgent, title from notification where kind = 'REPORT_OVERDUE' and day = '2022-07-04'`);
    expect(urgent).toEqual({ urgent: false, title: 'Đôn đốc cấp 2: Văn phòng HĐND và UBND huyện chưa gửi báo cáo, quá hạn 3 ngày làm việc' });

    // Seven working days late: level 3 to the district's leaders.
    await sweep('2022-07-08');
    expect(await reportNotices('2022-07-08')).toEqual(['REPORT_OVERDUE phochutich VP-HDND-UBND SIX_MONTH']);

    // A second run of the same day adds nothing.
    expect((await sweep('2022-07-08')).reportNotices).toBe(0);
  });
});
