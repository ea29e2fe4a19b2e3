import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDay } from '../helpers/sweep.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { WorkingCalendar } from '../../server/modules/calendar/working-days.js';
import { VN_CALENDAR_2022_2027 } from '../../server/modules/calendar/vn-calendar.data.js';
import { DEFAULT_ESCALATION_POLICY } from '../../server/modules/escalations/escalation-policy.entity.js';

let server: TestServer;
const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const sweep = (asOf: string) => sweepDay(server, asOf);

describe('letters the ladder drafts', () => {
  it('a unit gets one automatic letter per repeat period, however often its work steps up', async () => {
    const { l3, every } = { l3: DEFAULT_ESCALATION_POLICY.level3After, every: DEFAULT_ESCALATION_POLICY.repeatEvery };
    const first = '2026-03-02';
    const [{ units }] = await server.app.orm.em.fork().getConnection().execute('select count(distinct unit_id)::int as units from assignment');
    expect((await sweep(first)).letters).toBe(units);

    // The seeded work (due 31/12/2022) steps to its next level-3 round on this day…
    const late = calendar.workingDaysBetween('2022-12-31', first);
    const gap = every - ((late - l3) % every);
    const nextRound = calendar.addWorkingDays(first, gap);
    const stepped = await sweep(nextRound);
    expect(stepped.escalations).toBe(236);
    // …but a unit sent a letter fewer than `repeatEvery` working days ago gets none.
    expect(stepped.letters).toBe(gap < every ? 0 : units);

    const after = calendar.addWorkingDays(nextRound, every);
    const again = await sweep(after);
    expect(again.escalations).toBe(236);
    expect(again.letters).toBe(units);
  });
});
