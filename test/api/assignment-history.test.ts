import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { sweepDay } from '../helpers/sweep.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { createToken, unitId } from '../security/helpers.js';
import { attachSampleEvidence } from '../helpers/evidence.js';

let server: TestServer;
const tokens: Record<string, string> = {};

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(query, params);

const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

const HISTORY = `history { id action fromStatus toStatus progress comment actorKind actorName actorUsername actorTokenId
  changes { field label from to fromId toId } }`;
const FIELDS = `id version status progress note dueDate role assumption unitId unit { code name } allowedActions ${HISTORY}`;
const GET = `query($id: ID!) { Assignment(id: $id) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $progress: Int, $note: String, $dueDate: LocalDate, $role: AssignmentRole,
  $assumption: String, $reason: String) {
  updateAssignment(id: $id, version: $version, progress: $progress, note: $note, dueDate: $dueDate, role: $role,
    assumption: $assumption, reason: $reason) { ${FIELDS} }
}`;
const MOVE = `mutation($id: ID!, $version: Int!, $unitId: ID!, $reason: String!) {
  reassignAssignment(id: $id, version: $version, unitId: $unitId, reason: $reason) { ${FIELDS} }
}`;
const TRANSITION_FULL = `mutation($id: ID!, $action: AssignmentAction!, $version: Int!, $comment: String) {
  transitionAssignment(id: $id, action: $action, version: $version, comment: $comment) { ${FIELDS} }
}`;
const INBOX = '{ myNotifications(first: 20) { edges { node { kind title body assignmentId } } } }';

async function read(id: string, token = tokens.admin) {
  const res = await server.gql(GET, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.Assignment;
}

async function ok(res: { data?: Record<string, any>; errors?: unknown }, field: string) {
  expect(res.errors).toBeUndefined();
  return res.data![field];
}

/** What must not move when a write is refused: the row, its history, the notices and the integrators' queue. */
async function footprint(id: string) {
  const [row] = await sql(
    `select (select to_jsonb(a) from assignment a where a.id = ?) as assignment,
            (select count(*)::int from status_change where assignment_id = ?) as history,
            (select count(*)::int from notification where assignment_id = ?) as notices,
            (select count(*)::int from webhook_delivery) as deliveries,
            (select count(*)::int from escalation where assignment_id = ? and state = 'OPEN') as open_escalations`,
    [id, id, id, id],
  );
  return row;
}

beforeAll(async () => {
  // The integrators' endpoint below is on this machine: allowed only when private addresses are.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
  for (const user of ['admin', 'phochutich', 'vhtt', 'gddt', 'vanphong', 'xa-habac', 'xa-hason', 'tt-hatrung']) {
    tokens[user] = await server.login(user);
  }
}, 60_000);
afterAll(() => server?.close());

describe('planning edits by ADMIN', () => {
  it('a due date moved without a reason is refused; with one it makes one EDIT entry with both dates and the admin as actor', async () => {
    const a = await findAssignment(server, tokens.admin, 'PHONG-GDDT', '1.2');
    const before = await footprint(a.id);
    const silent = await server.gql(UPDATE, { id: a.id, version: a.version, dueDate: '2023-03-31' }, tokens.admin);
    expect(code(silent)).toBe('BAD_USER_INPUT');
    expect(silent.errors![0].extensions).toMatchObject({ argument: 'reason' });
    const blank = await server.gql(UPDATE, { id: a.id, version: a.version, dueDate: '2023-03-31', reason: '   ' }, tokens.admin);
    expect(code(blank)).toBe('BAD_USER_INPUT');
    const tooLong = await server.gql(UPDATE, { id: a.id, version: a.version, dueDate: '2023-03-31', reason: 'x'.repeat(2001) }, tokens.admin);
    expect(code(tooLong)).toBe('BAD_USER_INPUT');
    // The unit cannot move its own deadline, with or without a reason.
    const officer = await server.gql(UPDATE, { id: a.id, version: a.version, dueDate: '2023-03-31', reason: 'Xin lùi hạn' }, tokens.gddt);
    expect(code(officer)).toBe('FORBIDDEN');
    expect(await footprint(a.id)).toEqual(before);

    const moved = await ok(
      await server.gql(UPDATE, { id: a.id, version: a.version, dueDate: '2023-03-31', reason: 'Chờ kinh phí năm 2023' }, tokens.admin),
      'updateAssignment',
    );
    expect(moved).toMatchObject({ dueDate: '2023-03-31', version: a.version + 1 });
    expect(moved.history).toHaveLength(1);
    expect(moved.history[0]).toMatchObject({
      action: 'EDIT',
      fromStatus: 'NOT_STARTED',
      toStatus: 'NOT_STARTED',
      comment: 'Chờ kinh phí năm 2023',
      actorKind: 'USER',
      actorName: 'Quản trị hệ thống',
      actorUsername: 'admin',
      actorTokenId: null,
      changes: [{ field: 'dueDate', label: 'Hạn', from: a.dueDate, to: '2023-03-31', fromId: null, toId: null }],
    });

    // The form sends the whole record back: what did not change makes no entry and needs no reason.
    const same = await ok(
      await server.gql(UPDATE, { id: a.id, version: moved.version, dueDate: '2023-03-31', role: moved.role, progress: 0, note: null }, tokens.admin),
      'updateAssignment',
    );
    expect(same.version).toBe(moved.version);
    expect(same.history).toHaveLength(1);
  });

  it('a role change is recorded, and a write changing role, due date and assumption makes one entry listing all three', async () => {
    const a = await findAssignment(server, tokens.admin, 'AGRIBANK-HT', '1.2');
    const before = await read(a.id);
    expect(before).toMatchObject({ role: 'COORDINATE', assumption: null });
    const edited = await ok(
      await server.gql(
        UPDATE,
        {
          id: a.id, version: before.version, role: 'LEAD', dueDate: '2023-06-30', assumption: '  Theo công văn của Ngân hàng Nhà nước tỉnh  ',
          reason: 'Ngân hàng chủ trì phần thanh toán không dùng tiền mặt',
        },
        tokens.admin,
      ),
      'updateAssignment',
    );
    expect(edited).toMatchObject({ role: 'LEAD', dueDate: '2023-06-30', assumption: 'Theo công văn của Ngân hàng Nhà nước tỉnh' });
    expect(edited.history.map((h: any) => h.action)).toEqual(['EDIT']);
    expect(edited.history[0].changes).toEqual([
      { field: 'dueDate', label: 'Hạn', from: before.dueDate, to: '2023-06-30', fromId: null, toId: null },
      { field: 'role', label: 'Vai trò', from: 'COORDINATE', to: 'LEAD', fromId: null, toId: null },
      { field: 'assumption', label: 'Giả định', from: null, to: 'Theo công văn của Ngân hàng Nhà nước tỉnh', fromId: null, toId: null },
    ]);

    const back = await ok(
      await server.gql(UPDATE, { id: a.id, version: edited.version, role: 'COORDINATE', reason: 'Trả lại vai trò phối hợp' }, tokens.admin),
      'updateAssignment',
    );
    expect(back.history.map((h: any) => [h.action, h.comment, h.changes.map((c: any) => `${c.field}:${c.from}→${c.to}`)])).toEqual([
      ['EDIT', 'Trả lại vai trò phối hợp', ['role:LEAD→COORDINATE']],
      [
        'EDIT', 'Ngân hàng chủ trì phần thanh toán không dùng tiền mặt',
        [`dueDate:${before.dueDate}→2023-06-30`, 'role:COORDINATE→LEAD', 'assumption:null→Theo công văn của Ngân hàng Nhà nước tỉnh'],
      ],
    ]);
  });

  it('workflow steps and progress reports carry what they changed', async () => {
    const a = await findAssignment(server, tokens.vanphong, 'VP-HDND-UBND', '2.1');
    const started = await ok(await server.gql(TRANSITION_FULL, { id: a.id, action: 'START', version: a.version }, tokens.vanphong), 'transitionAssignment');
    const progressed = await ok(
      await server.gql(UPDATE, { id: a.id, version: started.version, progress: 35, note: 'Đã khảo sát 7/20 trạm y tế' }, tokens.vanphong),
      'updateAssignment',
    );
    const blocked = await ok(
      await server.gql(TRANSITION_FULL, { id: a.id, action: 'BLOCK', version: progressed.version, comment: 'Chưa có đường truyền' }, tokens.vanphong),
      'transitionAssignment',
    );
    const changes = (h: any) => h.changes.map((c: any) => `${c.field}:${c.from}→${c.to}`);
    expect(blocked.history.map((h: any) => [h.action, ...changes(h)])).toEqual([
      ['BLOCK', 'status:IN_PROGRESS→BLOCKED', 'blockedReason:null→Chưa có đường truyền'],
      ['UPDATE_PROGRESS', 'progress:0→35', 'note:null→Đã khảo sát 7/20 trạm y tế'],
      ['START', 'status:NOT_STARTED→IN_PROGRESS'],
    ]);
    expect(blocked.history.every((h: any) => h.actorKind === 'USER' && h.actorUsername === 'vanphong')).toBe(true);
  });

  it('entries written before changes were kept still read, with no changes and no actor', async () => {
    const a = await findAssignment(server, tokens.admin, 'PHONG-VHTT', '6');
    // As an install before this version wrote them: no changes, no token column.
    await sql(
      `insert into status_change (id, assignment_id, plan_id, actor_id, action, from_status, to_status, progress, comment, at, is_demo)
       select gen_random_uuid(), a.id, a.plan_id, null, 'START', 'NOT_STARTED', 'IN_PROGRESS', 0, 'Bắt đầu', now(), false
         from assignment a where a.id = ?`,
      [a.id],
    );
    const after = await read(a.id);
    expect(after.history).toEqual([
      expect.objectContaining({ action: 'START', actorKind: 'SYSTEM', actorName: null, actorUsername: null, actorTokenId: null, changes: [] }),
    ]);
  });
});

describe('an integrator’s API token in the history', () => {
  it('a progress update made with a READ_WRITE token names the token, not a user', async () => {
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ_WRITE');
    const a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '3');
    const started = await ok(await server.gql(TRANSITION_FULL, { id: a.id, action: 'START', version: a.version }, token.secret), 'transitionAssignment');
    const progressed = await ok(
      await server.gql(UPDATE, { id: a.id, version: started.version, progress: 40, note: 'Đồng bộ từ phần mềm của phòng' }, token.secret),
      'updateAssignment',
    );
    expect(progressed.history.map((h: any) => h.action)).toEqual(['UPDATE_PROGRESS', 'START']);
    for (const entry of progressed.history) {
      expect(entry).toMatchObject({ actorKind: 'TOKEN', actorName: 'Mã API: Tích hợp PHONG-GDDT READ_WRITE', actorUsername: null, actorTokenId: token.id });
    }
    expect(progressed.history[0].changes).toEqual([
      { field: 'progress', label: 'Tiến độ (%)', from: '0', to: '40', fromId: null, toId: null },
      { field: 'note', label: 'Ghi chú tiến độ', from: null, to: 'Đồng bộ từ phần mềm của phòng', fromId: null, toId: null },
    ]);
    // The officer's own write next to it still names the officer.
    const byOfficer = await ok(await server.gql(UPDATE, { id: a.id, version: progressed.version, progress: 45 }, tokens.gddt), 'updateAssignment');
    expect(byOfficer.history[0]).toMatchObject({ actorKind: 'USER', actorUsername: 'gddt', actorName: 'Cán bộ Phòng Giáo dục và Đào tạo' });
  });
});

describe('moving an assignment to another unit', () => {
  it('a leader moves the work: it keeps its id and history, gains a REASSIGN entry, the new unit works on it and the old one is refused', async () => {
    const endpoint = await ok(
      await server.gql(
        'mutation($url: String!) { createWebhookEndpoint(url: $url, events: [ASSIGNMENT_REASSIGNED]) { id } }',
        { url: 'http://127.0.0.1:9/tien-do' },
        tokens.admin,
      ),
      'createWebhookEndpoint',
    );
    const a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '4');
    const started = await ok(await server.gql(TRANSITION_FULL, { id: a.id, action: 'START', version: a.version }, tokens.gddt), 'transitionAssignment');
    const worked = await ok(
      await server.gql(UPDATE, { id: a.id, version: started.version, progress: 20, note: 'Đã lập danh sách' }, tokens.gddt),
      'updateAssignment',
    );
    const earlier = worked.history;
    const habac = await unitId(server, tokens.admin, 'XA-HABAC');
    const gddt = await unitId(server, tokens.admin, 'PHONG-GDDT');

    const moved = await ok(
      await server.gql(MOVE, { id: a.id, version: worked.version, unitId: habac, reason: '  Xã Hà Bắc nhận làm điểm theo chỉ đạo  ' }, tokens.phochutich),
      'reassignAssignment',
    );
    expect(moved).toMatchObject({ id: a.id, version: worked.version + 1, unitId: habac, unit: { code: 'XA-HABAC' }, status: 'IN_PROGRESS', progress: 20 });
    expect(moved.history.slice(1)).toEqual(earlier);
    expect(moved.history[0]).toMatchObject({
      action: 'REASSIGN',
      fromStatus: 'IN_PROGRESS',
      toStatus: 'IN_PROGRESS',
      progress: 20,
      comment: 'Xã Hà Bắc nhận làm điểm theo chỉ đạo',
      actorKind: 'USER',
      actorUsername: 'phochutich',
      actorName: 'Hoàng Văn Long',
      changes: [{ field: 'unit', label: 'Đơn vị thực hiện', from: 'Phòng Giáo dục và Đào tạo', to: 'Xã Hà Bắc', fromId: gddt, toId: habac }],
    });

    // The new unit works on it now; the old one is refused and sees no buttons.
    expect((await read(a.id, tokens['xa-habac'])).allowedActions).toEqual(['SUBMIT', 'BLOCK', 'UPDATE_PROGRESS']);
    expect((await read(a.id, tokens.gddt)).allowedActions).toEqual([]);
    expect(code(await server.gql(UPDATE, { id: a.id, version: moved.version, progress: 90 }, tokens.gddt))).toBe('FORBIDDEN');
    expect(code(await server.gql(TRANSITION, { id: a.id, action: 'BLOCK', version: moved.version, comment: 'x' }, tokens.gddt))).toBe('FORBIDDEN');
    const continued = await ok(
      await server.gql(UPDATE, { id: a.id, version: moved.version, progress: 30, note: 'Xã đã tiếp nhận' }, tokens['xa-habac']),
      'updateAssignment',
    );
    expect(continued.history[0]).toMatchObject({ action: 'UPDATE_PROGRESS', actorUsername: 'xa-habac' });

    // Both units are told, each from its side; the leader who moved it is not.
    const told = async (user: string) =>
      (await server.gql(INBOX, {}, tokens[user])).data!.myNotifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'REASSIGNED');
    const [losing] = await told('gddt');
    expect(losing).toMatchObject({ assignmentId: a.id, title: expect.stringContaining('Nhiệm vụ đã chuyển sang đơn vị khác: 4') });
    expect(losing.body).toContain('từ Phòng Giáo dục và Đào tạo sang Xã Hà Bắc');
    expect(losing.body).toContain('Lý do: Xã Hà Bắc nhận làm điểm theo chỉ đạo');
    const [gaining] = await told('xa-habac');
    expect(gaining).toMatchObject({ assignmentId: a.id, title: expect.stringContaining('Nhiệm vụ được chuyển đến đơn vị: 4') });
    expect(gaining.body).toContain('tiến độ 20%');
    expect(await told('phochutich')).toEqual([]);
    expect(await told('xa-hason')).toEqual([]);

    // Integrators subscribed to moves are told, with both units.
    const deliveries = await sql('select event_type, payload from webhook_delivery where endpoint_id = ?', [endpoint.id]);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].event_type).toBe('ASSIGNMENT_REASSIGNED');
    expect(deliveries[0].payload.data).toMatchObject({
      assignmentId: a.id, taskNumber: '4', unitId: habac, unitCode: 'XA-HABAC', unitName: 'Xã Hà Bắc',
      fromUnitId: gddt, fromUnitCode: 'PHONG-GDDT', fromUnitName: 'Phòng Giáo dục và Đào tạo', reason: 'Xã Hà Bắc nhận làm điểm theo chỉ đạo',
    });
  });

  it('the evidence goes with the work: the new unit reads and downloads it, the first unit keeps its own file, a third unit sees neither', async () => {
    const a = await findAssignment(server, tokens.vanphong, 'VP-HDND-UBND', '2.2');
    const started = await ok(await server.gql(TRANSITION_FULL, { id: a.id, action: 'START', version: a.version }, tokens.vanphong), 'transitionAssignment');
    const file = await attachSampleEvidence(server, tokens.vanphong, a.id, 'danh-sach-truong.pdf');
    const office = await unitId(server, tokens.admin, 'PHONG-GDDT');
    await ok(
      await server.gql(MOVE, { id: a.id, version: started.version, unitId: office, reason: 'Phòng Giáo dục và Đào tạo tiếp nhận' }, tokens.phochutich),
      'reassignAssignment',
    );
    const EVIDENCE = `query($id: ID!) { Assignment(id: $id) { evidence { id downloadName } history { action comment } } }`;
    const download = (token: string) => fetch(`${server.url}/evidence/${file.id}/download`, { headers: { authorization: `Bearer ${token}` } });

    const holder = (await server.gql(EVIDENCE, { id: a.id }, tokens.gddt)).data!.Assignment;
    expect(holder.evidence).toEqual([{ id: file.id, downloadName: 'danh-sach-truong.pdf' }]);
    expect(holder.history.find((h: any) => h.action === 'ATTACH_EVIDENCE').comment).toContain('danh-sach-truong.pdf');
    expect((await download(tokens.gddt)).status).toBe(200);
    // The first unit no longer holds the work, but the file it uploaded stays its own.
    expect((await download(tokens.vanphong)).status).toBe(200);
    expect((await server.gql('query($id: ID!) { evidence(id: $id) { id } }', { id: file.id }, tokens.vanphong)).data?.evidence?.id).toBe(file.id);
    // A unit with no part in it reads neither the file nor its name.
    const other = (await server.gql(EVIDENCE, { id: a.id }, tokens['xa-habac'])).data!.Assignment;
    expect(other.evidence).toEqual([]);
    expect(other.history.find((h: any) => h.action === 'ATTACH_EVIDENCE').comment).toBeNull();
    expect((await download(tokens['xa-habac'])).status).toBe(403);
  });

  it('ADMIN may move work too; the old unit’s chasing ends and the new unit is chased on its own', async () => {
    const a = await findAssignment(server, tokens.vanphong, 'VP-HDND-UBND', '5');
    // Test setup: due the Monday after Tết 2026, chased up to the leaders by the sweeps.
    await sql(`update assignment set due_date = '2026-02-23' where id = ?`, [a.id]);
    for (const day of ['2026-02-24', '2026-02-26', '2026-03-04']) await sweepDay(server, day);
    const ESC = `query($id: ID!) { Assignment(id: $id) { version urgeCount openEscalationLevel escalations { level state unit { code } recipientLabel } } }`;
    const chased = (await server.gql(ESC, { id: a.id }, tokens.admin)).data!.Assignment;
    expect(chased.openEscalationLevel).toBe(3);
    expect(chased.escalations.every((e: any) => e.unit.code === 'VP-HDND-UBND' && e.state === 'OPEN')).toBe(true);

    const hason = await unitId(server, tokens.admin, 'XA-HASON');
    await ok(await server.gql(MOVE, { id: a.id, version: chased.version, unitId: hason, reason: 'Giao xã Hà Sơn làm thí điểm' }, tokens.admin), 'reassignAssignment');
    const settled = (await server.gql(ESC, { id: a.id }, tokens.admin)).data!.Assignment;
    expect(settled.openEscalationLevel).toBeNull();
    expect(settled.urgeCount).toBe(0);
    expect(settled.escalations.map((e: any) => [e.unit.code, e.level, e.state])).toEqual([
      ['VP-HDND-UBND', 3, 'RESOLVED'], ['VP-HDND-UBND', 2, 'RESOLVED'], ['VP-HDND-UBND', 1, 'RESOLVED'],
    ]);

    // The next sweep chases the commune for the same late work at the step its lateness has reached,
    // although the old unit already had that step on the same due date.
    await sweepDay(server, '2026-03-05');
    const again = (await server.gql(ESC, { id: a.id }, tokens.admin)).data!.Assignment;
    expect(again.escalations.filter((e: any) => e.state === 'OPEN').map((e: any) => [e.unit.code, e.level, e.recipientLabel])).toEqual([
      ['XA-HASON', 3, 'Lãnh đạo UBND huyện'],
    ]);
    expect(again.openEscalationLevel).toBe(3);
    expect(again.urgeCount).toBe(1);
  });

  it('only the leadership and ADMIN may move work, with a reason, on the version read, to a unit free to take it; a refusal writes nothing', async () => {
    const a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '1.1');
    const hatrung = await unitId(server, tokens.admin, 'TT-HATRUNG');
    const habac = await unitId(server, tokens.admin, 'XA-HABAC');
    const agribank = await unitId(server, tokens.admin, 'AGRIBANK-HT');
    const before = await footprint(a.id);
    const move = (token: string, vars: Record<string, unknown>) =>
      server.gql(MOVE, { id: a.id, version: a.version, unitId: agribank, reason: 'Chuyển theo chỉ đạo', ...vars }, token);

    // The unit itself, the target unit's own officer, a coordinator, a READ_WRITE token: none of them decides who does the work.
    expect(code(await move(tokens.gddt, {}))).toBe('FORBIDDEN');
    expect(code(await move(tokens['tt-hatrung'], { unitId: hatrung }))).toBe('FORBIDDEN');
    expect(code(await move(tokens.vhtt, {}))).toBe('FORBIDDEN');
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ_WRITE');
    expect(code(await move(token.secret, {}))).toBe('FORBIDDEN');
    expect(code(await move('', {}))).toBe('UNAUTHENTICATED');

    const noReason = await move(tokens.phochutich, { reason: '   ' });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0].extensions).toMatchObject({ argument: 'reason' });
    expect(code(await move(tokens.phochutich, { reason: 'x'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    const stale = await move(tokens.phochutich, { version: a.version - 1 });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: a.version });
    // Thị trấn Hà Trung and Xã Hà Bắc already coordinate task 1.1.
    const taken = await move(tokens.phochutich, { unitId: hatrung });
    expect(code(taken)).toBe('CONFLICT');
    expect(taken.errors![0].message).toBe('Thị trấn Hà Trung đã được giao nhiệm vụ 1.1.');
    expect(code(await move(tokens.admin, { unitId: habac }))).toBe('CONFLICT');
    expect(code(await move(tokens.phochutich, { unitId: await unitId(server, tokens.admin, 'PHONG-GDDT') }))).toBe('BAD_USER_INPUT');
    expect(code(await move(tokens.phochutich, { unitId: '00000000-0000-4000-8000-000000000000' }))).toBe('BAD_USER_INPUT');
    expect(code(await move(tokens.phochutich, { unitId: 'not-an-id' }))).toBe('BAD_USER_INPUT');
    expect(code(await move(tokens.phochutich, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(await footprint(a.id)).toEqual(before);
  });

  it('work at a commune’s own facilities goes only to another commune or township, and finished work does not move', async () => {
    const own = await findAssignment(server, tokens['xa-hason'], 'XA-HASON', '2.2', 'OWN_FACILITIES');
    const gddt = await unitId(server, tokens.admin, 'PHONG-GDDT');
    const before = await footprint(own.id);
    const toOffice = await server.gql(MOVE, { id: own.id, version: own.version, unitId: gddt, reason: 'Phòng làm thay' }, tokens.phochutich);
    expect(code(toOffice)).toBe('BAD_USER_INPUT');
    expect(toOffice.errors![0].extensions).toMatchObject({ argument: 'unitId' });
    expect(await footprint(own.id)).toEqual(before);

    const vnpt = await findAssignment(server, tokens.phochutich, 'VT-VNPT', '6');
    const cancelled = await ok(
      await server.gql(TRANSITION_FULL, { id: vnpt.id, action: 'CANCEL', version: vnpt.version, comment: 'Doanh nghiệp không có mặt trên địa bàn' }, tokens.phochutich),
      'transitionAssignment',
    );
    const afterCancel = await footprint(vnpt.id);
    const final = await server.gql(MOVE, { id: vnpt.id, version: cancelled.version, unitId: gddt, reason: 'Chuyển cho đơn vị khác' }, tokens.phochutich);
    expect(code(final)).toBe('BAD_USER_INPUT');
    expect(final.errors![0].extensions).toMatchObject({ reason: 'INVALID_TRANSITION', status: 'CANCELLED' });
    expect(await footprint(vnpt.id)).toEqual(afterCancel);
  });
});
