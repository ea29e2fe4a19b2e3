import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { ATTACH_EVIDENCE, samplePdf } from '../helpers/evidence.js';

let server: TestServer;

beforeAll(async () => {
  // A JSON request may take 300 ms; an upload may take far longer.
  server = await startTestServer({ REQUEST_TIMEOUT_MS: '300', UPLOAD_TIMEOUT_MS: '30000' });
});
afterAll(() => server?.close());

/** Sends a multipart upload in small pieces with pauses, as a phone on a weak link does. */
function slowUpload(token: string, assignmentId: string, file: Buffer, pauseMs: number): Promise<{ status: number; body: any }> {
  const boundary = '----tiendo-slow-upload';
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    part('operations', JSON.stringify({ query: ATTACH_EVIDENCE, variables: { assignmentId, files: [null], descriptions: ['Biên bản'] } })) +
      part('map', JSON.stringify({ 0: ['variables.files.0'] })) +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="bien-ban.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const body = Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const url = new URL(`${server.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': body.length,
        'apollo-require-preflight': 'true',
        authorization: `Bearer ${token}`,
      } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    const pieces = 6;
    const size = Math.ceil(body.length / pieces);
    let i = 0;
    const send = () => {
      req.write(body.subarray(i * size, (i + 1) * size));
      i++;
      if (i < pieces) setTimeout(send, pauseMs);
      else req.end();
    };
    send();
  });
}

describe('uploads on a slow link', () => {
  it('an upload that takes longer than the ordinary request limit still completes', async () => {
    const token = await server.login('xa-habac');
    const a = await findAssignment(server, token, 'XA-HABAC', '1.2');
    const started = await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, token);
    expect(started.errors).toBeUndefined();
    const res = await slowUpload(token, a.id, samplePdf('Biên bản tập huấn'), 250);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.attachEvidence[0].evidence.originalName).toBe('bien-ban.pdf');
  });

  it('an ordinary request past its limit is still cut off', async () => {
    const token = await server.login('xa-habac');
    // The session lookup alone is fast; a slow body keeps the request open past 300 ms.
    const url = new URL(`${server.url}/graphql`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: {
        'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': 30,
      } }, (res) => { res.resume(); resolve(res.statusCode!); });
      req.on('error', reject);
      req.write('{"query": "{ me { id } }" ');
      setTimeout(() => req.end('  }'), 1500);
    });
    expect(status).toBe(503);
  });
});
