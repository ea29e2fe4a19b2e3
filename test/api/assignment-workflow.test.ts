import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { attachSampleEvidence } from '../helpers/evidence.js';
import { GET_ASSIGNMENT, TRANSITION, UPDATE_ASSIGNMENT, findAssignment, step } from '../helpers/queries.js';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['gddt', 'vanphong', 'vhtt', 'phochutich', 'admin', 'xa-habac', 'xa-hason']) {
    tokens[user] = await server.login(user);
  }
});
afterAll(() => server?.close());

const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe('the assignment workflow over GraphQL', () => {
  it('an officer starts, reports progress on and submits its own assignment, and the history records each step', async () => {
    const a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '4');
    expect(a.status).toBe('NOT_STARTED');
    expect(a.allowedActions).toEqual(['START']);

    const started = await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, tokens.gddt);
    expect(started.errors).toBeUndefined();
    const s = started.data!.transitionAssignment;
    expect(s.status).toBe('IN_PROGRESS');
    expect(s.version).toBe(a.version + 1);
    expect(s.startedAt).not.toBeNull();
    expect(s.allowedActions).toEqual(['SUBMIT', 'BLOCK', 'UPDATE_PROGRESS']);
    await attachSampleEvidence(server, tokens.gddt, a.id, 'bien-ban-tap-huan.pdf');

    const progressed = await server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: s.version, progress: 60, note: 'Đã tập huấn 12/20 trường' }, tokens.gddt);
    expect(progressed.errors).toBeUndefined();
    expect(progressed.data!.updateAssignment).toMatchObject({ progress: 60, note: 'Đã tập huấn 12/20 trường' });

    const submitted = await server.gql(
      TRANSITION,
      { id: a.id, action: 'SUBMIT', version: progressed.data!.updateAssignment.version, comment: 'Gửi kết quả' },
      tokens.gddt,
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.transitionAssignment.status).toBe('SUBMITTED');
    expect(submitted.data!.transitionAssignment.allowedActions).toEqual([]);
    expect(submitted.data!.transitionAssignment.history).toEqual([
      { action: 'SUBMIT', fromStatus: 'IN_PROGRESS', toStatus: 'SUBMITTED', comment: 'Gửi kết quả', actorUsername: 'gddt', progress: 60 },
      { action: 'UPDATE_PROGRESS', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', comment: 'Đã tập huấn 12/20 trường', actorUsername: 'gddt', progress: 60 },
      { action: 'ATTACH_EVIDENCE', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', comment: 'Đính kèm minh chứng: bien-ban-tap-huan.pdf', actorUsername: 'gddt', progress: 0 },
      { action: 'START', fromStatus: 'NOT_STARTED', toStatus: 'IN_PROGRESS', comment: null, actorUsername: 'gddt', progress: 0 },
    ]);
  });

  it('the coordinator returns submitted work with a comment, the officer resubmits, and the coordinator verifies it', async () => {
    let a = await findAssignment(server, tokens.vanphong, 'VP-HDND-UBND', '5');
    for (const action of ['START', 'SUBMIT']) a = await step(server, tokens.vanphong, a, action);
    const noComment = await server.gql(TRANSITION, { id: a.id, action: 'RETURN', version: a.version }, tokens.vhtt);
    expect(code(noComment)).toBe('BAD_USER_INPUT');
    expect(noComment.errors![0].extensions).toMatchObject({ argument: 'comment' });

    const returned = await server.gql(TRANSITION, { id: a.id, action: 'RETURN', version: a.version, comment: 'Thiếu số liệu bệnh viện huyện' }, tokens.vhtt);
    expect(returned.errors).toBeUndefined();
    a = returned.data!.transitionAssignment;
    expect(a.status).toBe('IN_PROGRESS');
    expect(a.submittedAt).toBeNull();
    expect(a.history[0]).toMatchObject({ action: 'RETURN', comment: 'Thiếu số liệu bệnh viện huyện', actorUsername: 'vhtt' });

    a = await step(server, tokens.vanphong, a, 'SUBMIT');
    const verified = await server.gql(TRANSITION, { id: a.id, action: 'VERIFY', version: a.version }, tokens.vhtt);
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.transitionAssignment).toMatchObject({ status: 'DONE', progress: 100, allowedActions: [] });
    expect(verified.data!.transitionAssignment.completedAt).not.toBeNull();
  });

  it('an officer is FORBIDDEN on another unit’s assignment and the row stays unchanged', async () => {
    const other = await findAssignment(server, tokens.gddt, 'XA-HASON', '1.2');
    expect(other.allowedActions).toEqual([]);
    const forged = await server.gql(TRANSITION, { id: other.id, action: 'START', version: other.version }, tokens['xa-habac']);
    expect(code(forged)).toBe('FORBIDDEN');
    const progress = await server.gql(UPDATE_ASSIGNMENT, { id: other.id, version: other.version, progress: 90 }, tokens.gddt);
    expect(code(progress)).toBe('FORBIDDEN');
    const after = await server.gql(GET_ASSIGNMENT, { id: other.id }, tokens.gddt);
    expect(after.data!.Assignment).toEqual(other);
  });

  it('an officer cannot verify its own unit’s work, and the coordinator cannot verify its own office’s work', async () => {
    let own = await findAssignment(server, tokens.vhtt, 'PHONG-VHTT', '6');
    for (const action of ['START', 'SUBMIT']) own = await step(server, tokens.vhtt, own, action);
    expect(own.status).toBe('SUBMITTED');
    const selfVerify = await server.gql(TRANSITION, { id: own.id, action: 'VERIFY', version: own.version }, tokens.vhtt);
    expect(code(selfVerify)).toBe('FORBIDDEN');
    const leader = await server.gql(TRANSITION, { id: own.id, action: 'VERIFY', version: own.version }, tokens.phochutich);
    expect(leader.data!.transitionAssignment.status).toBe('DONE');

    let commune = await findAssignment(server, tokens['xa-habac'], 'XA-HABAC', '3');
    for (const action of ['START', 'SUBMIT']) commune = await step(server, tokens['xa-habac'], commune, action);
    const officerVerify = await server.gql(TRANSITION, { id: commune.id, action: 'VERIFY', version: commune.version }, tokens['xa-habac']);
    expect(code(officerVerify)).toBe('FORBIDDEN');
  });

  it('a stale version gets CONFLICT and changes nothing', async () => {
    const a = await findAssignment(server, tokens['xa-hason'], 'XA-HASON', '2.2');
    const first = await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, tokens['xa-hason']);
    expect(first.errors).toBeUndefined();
    const fresh = first.data!.transitionAssignment;

    const stale = await server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: a.version, progress: 10 }, tokens['xa-hason']);
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: fresh.version });
    const staleTransition = await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: a.version }, tokens['xa-hason']);
    expect(code(staleTransition)).toBe('CONFLICT');

    const after = (await server.gql(GET_ASSIGNMENT, { id: a.id }, tokens['xa-hason'])).data!.Assignment;
    expect(after).toEqual(fresh);
  });

  it('two offices racing on the same version: exactly one write wins, the other gets CONFLICT', async () => {
    const a = await findAssignment(server, tokens['xa-habac'], 'XA-HABAC', '2.1');
    const started = (await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, tokens['xa-habac'])).data!.transitionAssignment;
    const second = await server.login('xa-habac');
    const results = await Promise.all([
      server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: started.version, progress: 30 }, tokens['xa-habac']),
      server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: started.version, progress: 70 }, second),
    ]);
    const codes = results.map((r) => (r.errors ? code(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.errors)!.data!.updateAssignment;
    const after = (await server.gql(GET_ASSIGNMENT, { id: a.id }, second)).data!.Assignment;
    expect(after.progress).toBe(winner.progress);
    expect(after.history.filter((h: { action: string }) => h.action === 'UPDATE_PROGRESS')).toHaveLength(1);
  });

  it('invalid moves are refused with a reason and change nothing', async () => {
    const a = await findAssignment(server, tokens['xa-habac'], 'XA-HABAC', '1.1');
    const submitUnstarted = await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: a.version }, tokens['xa-habac']);
    expect(code(submitUnstarted)).toBe('BAD_USER_INPUT');
    expect(submitUnstarted.errors![0].extensions).toMatchObject({ reason: 'INVALID_TRANSITION', status: 'NOT_STARTED', allowedActions: ['START'] });

    const progressUnstarted = await server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: a.version, progress: 20 }, tokens['xa-habac']);
    expect(progressUnstarted.errors![0].extensions).toMatchObject({ reason: 'INVALID_TRANSITION' });

    const started = (await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, tokens['xa-habac'])).data!.transitionAssignment;
    const blockNoReason = await server.gql(TRANSITION, { id: a.id, action: 'BLOCK', version: started.version, comment: '   ' }, tokens['xa-habac']);
    expect(code(blockNoReason)).toBe('BAD_USER_INPUT');
    const blocked = await server.gql(TRANSITION, { id: a.id, action: 'BLOCK', version: started.version, comment: 'Chưa có đường truyền' }, tokens['xa-habac']);
    expect(blocked.data!.transitionAssignment).toMatchObject({ status: 'BLOCKED', blockedReason: 'Chưa có đường truyền', allowedActions: ['UNBLOCK', 'UPDATE_PROGRESS'] });
    const unblocked = await server.gql(TRANSITION, { id: a.id, action: 'UNBLOCK', version: blocked.data!.transitionAssignment.version }, tokens['xa-habac']);
    expect(unblocked.data!.transitionAssignment).toMatchObject({ status: 'IN_PROGRESS', blockedReason: null });

    const officerCancel = await server.gql(TRANSITION, { id: a.id, action: 'CANCEL', version: unblocked.data!.transitionAssignment.version, comment: 'x' }, tokens['xa-habac']);
    expect(code(officerCancel)).toBe('FORBIDDEN');
    const after = (await server.gql(GET_ASSIGNMENT, { id: a.id }, tokens['xa-habac'])).data!.Assignment;
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.version).toBe(unblocked.data!.transitionAssignment.version);
  });

  it('the leader cancels work with a reason; cancelled work is final', async () => {
    const a = await findAssignment(server, tokens.phochutich, 'VT-VNPT', '6');
    const cancelled = await server.gql(TRANSITION, { id: a.id, action: 'CANCEL', version: a.version, comment: 'Doanh nghiệp không có mặt trên địa bàn' }, tokens.phochutich);
    expect(cancelled.data!.transitionAssignment).toMatchObject({ status: 'CANCELLED', deadlineClass: null });
    const restart = await server.gql(TRANSITION, { id: a.id, action: 'START', version: cancelled.data!.transitionAssignment.version }, tokens.admin);
    expect(code(restart)).toBe('FORBIDDEN');
  });

  it('malformed input gets BAD_USER_INPUT, never a 500', async () => {
    const a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '1.1');
    const tooMuch = await server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: a.version, progress: 150 }, tokens.gddt);
    expect(code(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0].extensions!.fields).toEqual([{ field: 'progress', problems: [expect.any(String)] }]);

    const badDate = await server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: a.version, dueDate: '2022-02-30' }, tokens.admin);
    expect(code(badDate)).toBe('BAD_USER_INPUT');
    const badAction = await server.gql(TRANSITION, { id: a.id, action: 'FINISH', version: a.version }, tokens.gddt);
    expect(code(badAction)).toBe('BAD_USER_INPUT');
    const notUuid = await server.gql(TRANSITION, { id: 'not-an-id', action: 'START', version: 1 }, tokens.gddt);
    expect(code(notUuid)).toBe('NOT_FOUND');
    const unknown = await server.gql(TRANSITION, { id: '00000000-0000-4000-8000-000000000000', action: 'START', version: 1 }, tokens.gddt);
    expect(code(unknown)).toBe('NOT_FOUND');
    for (const res of [tooMuch, badDate, badAction, notUuid, unknown]) {
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.ts:\d+|stacktrace/);
    }
    const after = (await server.gql(GET_ASSIGNMENT, { id: a.id }, tokens.gddt)).data!.Assignment;
    expect(after).toEqual(a);
  });

  it('without signing in every read and write is UNAUTHENTICATED', async () => {
    const a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '3');
    expect(code(await server.gql('{ allAssignments { id } }'))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, 'forged-token'))).toBe('UNAUTHENTICATED');
  });
});
