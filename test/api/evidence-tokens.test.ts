import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachEvidence, samplePdf, sha256 } from '../helpers/evidence.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createToken } from '../security/helpers.js';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['admin', 'gddt']) tokens[user] = await server.login(user);
});
afterAll(() => server?.close());

const download = (url: string, token: string) => fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } });

describe('evidence through integrators’ API tokens', () => {
  it('a READ_WRITE token attaches evidence to its own unit’s work; READ tokens only read, and only their unit’s', async () => {
    const readWrite = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ_WRITE');
    const readOwn = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ');
    const readOther = await createToken(server, tokens.admin, 'XA-HABAC', 'READ');

    let a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '3');
    a = (await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, readWrite.secret)).data!.transitionAssignment;

    const pdf = samplePdf('qua API');
    const denied = await attachEvidence(server, readOwn.secret, a.id, [{ name: 'bao-cao.pdf', content: pdf }]);
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');

    const res = await attachEvidence(server, readWrite.secret, a.id, [{ name: 'bao-cao-tu-he-thong.pdf', content: pdf }]);
    expect(res.errors).toBeUndefined();
    const ev = res.data!.attachEvidence[0].evidence;
    // A token is not a person: nobody is named as the uploader, and the history says so too.
    expect(ev.uploadedByUsername).toBeNull();
    const history = await server.gql(`query($id: ID!) { Assignment(id: $id) { history(last: 1) { action actorUsername } } }`, { id: a.id }, tokens.gddt);
    expect(history.data!.Assignment.history).toEqual([{ action: 'ATTACH_EVIDENCE', actorUsername: null }]);

    const own = await download(ev.downloadUrl, readOwn.secret);
    expect(own.status).toBe(200);
    expect(sha256(Buffer.from(await own.arrayBuffer()))).toBe(sha256(pdf));
    expect((await download(ev.downloadUrl, readOther.secret)).status).toBe(403);
  });
});
