import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../helpers/db.js';
import {
  EVIDENCE_FIELDS, PNG_1PX, attachEvidence, attachSampleEvidence, compoundFile, samplePdf, sha256, zipOf,
} from '../helpers/evidence.js';
import { GET_ASSIGNMENT, TRANSITION, findAssignment, planId } from '../helpers/queries.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const MAX_BYTES = 64 * 1024;
const MAX_FILES = 3;

let server: TestServer;
let evidenceDir: string;
let db: pg.Client;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'tiendo-evidence-test-'));
  server = await startTestServer({
    EVIDENCE_DIR: evidenceDir,
    EVIDENCE_MAX_FILE_BYTES: String(MAX_BYTES),
    EVIDENCE_MAX_FILES: String(MAX_FILES),
  });
  db = new pg.Client({ connectionString: databaseUrl(server.database) });
  await db.connect();
  for (const user of ['gddt', 'vanphong', 'vhtt', 'phochutich', 'admin', 'xa-habac', 'xa-hason', 'tt-hatrung']) {
    tokens[user] = await server.login(user);
  }
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const reason = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.reason;

/** Every file under EVIDENCE_DIR, staging included, relative to it. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(evidenceDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(evidenceDir, path.join(e.parentPath, e.name))).sort();
}

async function snapshot() {
  const rows = await db.query<{ evidence: string; history: string }>(
    `select (select count(*) from evidence) as evidence, (select count(*) from status_change) as history`,
  );
  return { files: await storedFiles(), ...rows.rows[0] };
}

async function started(unitCode: string, taskNumber: string, token: string) {
  const a = await findAssignment(server, token, unitCode, taskNumber);
  if (a.status !== 'NOT_STARTED') return a;
  const res = await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.transitionAssignment;
}

function download(id: string, auth: { token?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = `tiendo_session=${auth.cookie}`;
  return fetch(`${server.url}/evidence/${id}/download`, { headers });
}

const EVIDENCE_OF = `query($id: ID!, $hidden: Boolean) {
  Assignment(id: $id) { id status version evidenceCount mayAttachEvidence evidence(includeHidden: $hidden) { ${EVIDENCE_FIELDS} }
    history { action comment actorUsername } }
}`;

describe('evidence: upload and download', () => {
  it('an officer uploads two files with descriptions and gets back identical bytes, hash and Vietnamese name', async () => {
    const a = await started('PHONG-GDDT', '1.1', tokens.gddt);
    const pdf = samplePdf('Bien ban tap huan');
    const pdfName = 'Biên bản tập huấn chuyển đổi số (đợt 1).pdf';
    const res = await attachEvidence(
      server,
      tokens.gddt,
      a.id,
      [
        { name: pdfName, content: pdf, type: 'application/pdf' },
        { name: 'ảnh-lớp-học.png', content: PNG_1PX, type: 'image/png' },
      ],
      ['Biên bản có chữ ký', null],
    );
    expect(res.errors).toBeUndefined();
    const [first, second] = res.data!.attachEvidence;
    expect(first).toMatchObject({ duplicate: false });
    expect(first.evidence).toMatchObject({
      ownerKind: 'ASSIGNMENT',
      assignmentId: a.id,
      originalName: pdfName,
      description: 'Biên bản có chữ ký',
      size: pdf.length,
      contentType: 'application/pdf',
      detectedExtension: 'pdf',
      sha256: sha256(pdf),
      uploadedByUsername: 'gddt',
      hidden: false,
      downloadUrl: `/evidence/${first.evidence.id}/download`,
    });
    expect(second.evidence).toMatchObject({ contentType: 'image/png', description: null, sha256: sha256(PNG_1PX) });

    const got = await download(first.evidence.id, { token: tokens.gddt });
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.equals(pdf)).toBe(true);
    expect(sha256(bytes)).toBe(first.evidence.sha256);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = got.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = disposition.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe(pdfName);
    expect(encoded).not.toMatch(/[()' ]/);

    // The session cookie works as well as the bearer token.
    const byCookie = await download(second.evidence.id, { cookie: tokens.gddt });
    expect(Buffer.from(await byCookie.arrayBuffer()).equals(PNG_1PX)).toBe(true);

    // Files are stored under server-made names, none of them from the upload.
    const files = await storedFiles();
    expect(files).toEqual(expect.arrayContaining([expect.stringContaining(first.evidence.id), expect.stringContaining(second.evidence.id)]));
    expect(files.filter((f) => f.startsWith('.staging'))).toEqual([]);
    expect(files.some((f) => /Biên|png|pdf/.test(f))).toBe(false);

    const view = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens.gddt)).data!.Assignment;
    expect(view.evidenceCount).toBe(2);
    expect(view.mayAttachEvidence).toBe(true);
    expect(view.evidence.map((e: { id: string }) => e.id)).toEqual([first.evidence.id, second.evidence.id]);
    expect(view.history.slice(0, 2)).toEqual([
      { action: 'ATTACH_EVIDENCE', comment: 'Đính kèm minh chứng: ảnh-lớp-học.png', actorUsername: 'gddt' },
      { action: 'ATTACH_EVIDENCE', comment: `Đính kèm minh chứng: ${pdfName}`, actorUsername: 'gddt' },
    ]);

    // The reviewers and ADMIN see and download it.
    for (const user of ['vhtt', 'phochutich', 'admin']) {
      const seen = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens[user])).data!.Assignment;
      expect(seen.evidence).toHaveLength(2);
      expect(seen.mayAttachEvidence).toBe(false);
      const res = await download(first.evidence.id, { token: tokens[user] });
      expect(res.status).toBe(200);
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(pdf));
    }
  });

  it('accepts office documents, old Word files and UTF-8 CSV by content', async () => {
    const a = await started('PHONG-GDDT', '1.2', tokens.gddt);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Danh sách').addRow(['Trường', 'Số học sinh nộp học phí không dùng tiền mặt']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const csv = Buffer.from('Trường,Tỷ lệ\nTiểu học Hà Bắc,100%\n', 'utf8');
    const res = await attachEvidence(server, tokens.gddt, a.id, [
      { name: 'danh-sach.xlsx', content: xlsx },
      { name: 'bao-cao-cu.doc', content: compoundFile('WordDocument') },
      { name: 'so-lieu.csv', content: csv, type: 'text/csv' },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.attachEvidence.map((r) => [r.evidence.detectedExtension, r.evidence.contentType])).toEqual([
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['doc', 'application/msword'],
      ['csv', 'text/csv; charset=utf-8'],
    ]);
  });
});

describe('evidence: photos from phones', () => {
  it('accepts jpeg, webp, gif and heic by their signatures', async () => {
    const a = await started('XA-HASON', '2.1', tokens['xa-hason']);
    const pad = (head: Buffer) => Buffer.concat([head, Buffer.alloc(64, 7)]);
    const jpeg = pad(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
    const webp = pad(Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x40, 0, 0, 0]), Buffer.from('WEBPVP8 ')]));
    const gif = pad(Buffer.from('GIF89a'));
    const heic = pad(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic')]));
    const res = await attachEvidence(server, tokens['xa-hason'], a.id, [
      { name: 'IMG_0001.JPG', content: jpeg },
      { name: 'anh.webp', content: webp },
    ]);
    const more = await attachEvidence(server, tokens['xa-hason'], a.id, [
      { name: 'hoat-hinh.gif', content: gif },
      { name: 'IMG_0002.HEIC', content: heic },
    ]);
    expect(res.errors).toBeUndefined();
    expect(more.errors).toBeUndefined();
    expect([...res.data!.attachEvidence, ...more.data!.attachEvidence].map((r) => r.evidence.detectedExtension)).toEqual(['jpg', 'webp', 'gif', 'heic']);
    expect(more.data!.attachEvidence[1].evidence.contentType).toMatch(/^image\/hei[cf]$/);
  });
});

describe('evidence: refusals leave nothing behind', () => {
  let assignmentId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    assignmentId = (await started('XA-HASON', '2.2', tokens['xa-hason'])).id;
    before = await snapshot();
  });

  const refused = async (files: Parameters<typeof attachEvidence>[3], expected: { code: string; reason?: string; status?: number }, options?: { preflight?: boolean }) => {
    const res = await attachEvidence(server, tokens['xa-hason'], assignmentId, files, undefined, options);
    expect(res.data?.attachEvidence ?? null).toBeNull();
    expect(code(res)).toBe(expected.code);
    if (expected.reason) expect(reason(res)).toBe(expected.reason);
    if (expected.status) expect(res.status).toBe(expected.status);
    expect(res.status).toBeLessThan(500);
    expect(res.errors![0].message).toMatch(/[^\x00-\x7f]/);
    expect(await snapshot()).toEqual(before);
    return res;
  };

  it('a file one byte over the limit', async () => {
    const pdf = samplePdf('over');
    const padded = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES + 1 - pdf.length, 0x20)]);
    expect(padded.length).toBe(MAX_BYTES + 1);
    await refused([{ name: 'qua-lon.pdf', content: padded }], { code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' });
  });

  it('more files than allowed in one request', async () => {
    const files = Array.from({ length: MAX_FILES + 1 }, (_, i) => ({ name: `tep-${i}.pdf`, content: samplePdf(`tep ${i}`) }));
    await refused(files, { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_FILES', status: 413 });
  });

  it('an executable named .pdf', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    await refused([{ name: 'bao-cao.pdf', content: exe, type: 'application/pdf' }], { code: 'BAD_USER_INPUT', reason: 'EXECUTABLE_NOT_ALLOWED' });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]);
    await refused([{ name: 'anh.jpg', content: elf }], { code: 'BAD_USER_INPUT', reason: 'EXECUTABLE_NOT_ALLOWED' });
    await refused([{ name: 'so-lieu.csv', content: '#!/bin/sh\nrm -rf /\n' }], { code: 'BAD_USER_INPUT', reason: 'EXECUTABLE_NOT_ALLOWED' });
  });

  it('archives: a plain zip, gzip, and an installer-like compound file', async () => {
    const zip = await zipOf({ 'bao-cao.pdf': samplePdf('trong zip') });
    await refused([{ name: 'ho-so.zip', content: zip }], { code: 'BAD_USER_INPUT', reason: 'ARCHIVE_NOT_ALLOWED' });
    await refused([{ name: 'ho-so.docx', content: zip }], { code: 'BAD_USER_INPUT', reason: 'ARCHIVE_NOT_ALLOWED' });
    await refused([{ name: 'bao-cao.pdf.gz', content: gzipSync(samplePdf('gz')) }], { code: 'BAD_USER_INPUT', reason: 'ARCHIVE_NOT_ALLOWED' });
    await refused([{ name: 'cai-dat.doc', content: compoundFile('SummaryInformation') }], { code: 'BAD_USER_INPUT', reason: 'TYPE_NOT_ALLOWED' });
  });

  it('names with control characters break the multipart part header and are refused as a malformed upload', async () => {
    for (const name of ['bao\u0000cao.pdf', 'bao\u0007cao.pdf', 'bao\u001bcao.pdf', 'bao\u007fcao.pdf']) {
      await refused([{ name, content: samplePdf(name) }], { code: 'BAD_USER_INPUT', reason: 'INVALID_UPLOAD' });
    }
  });

  it('text that is not UTF-8, or carries NUL bytes, is not a CSV; unknown binary is refused', async () => {
    await refused([{ name: 'danh-sach.csv', content: Buffer.from('Tr\xfd\xf4ng,1\n', 'latin1') }], { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT' });
    await refused([{ name: 'danh-sach.csv', content: Buffer.from('a,b\n\u0000\n') }], { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT' });
    await refused([{ name: 'ghi-chu.txt', content: 'văn bản thường' }], { code: 'BAD_USER_INPUT', reason: 'TYPE_NOT_ALLOWED' });
    await refused([{ name: 'rong.pdf', content: Buffer.alloc(0) }], { code: 'BAD_USER_INPUT', reason: 'EMPTY_FILE' });
  });

  it('one bad file refuses the whole request: the good file beside it is not kept either', async () => {
    await refused(
      [
        { name: 'tot.pdf', content: samplePdf('tot') },
        { name: 'xau.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) },
      ],
      { code: 'BAD_USER_INPUT', reason: 'EXECUTABLE_NOT_ALLOWED' },
    );
  });

  it('a multipart request without the CSRF preflight header', async () => {
    await refused([{ name: 'bien-ban.pdf', content: samplePdf('csrf') }], { code: 'BAD_REQUEST', reason: 'CSRF_PREFLIGHT_REQUIRED', status: 400 }, { preflight: false });
  });

  it('a file exactly at the limit is accepted', async () => {
    const pdf = samplePdf('vua du');
    const exact = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES - pdf.length, 0x20)]);
    const res = await attachEvidence(server, tokens['xa-hason'], assignmentId, [{ name: 'vua-du.pdf', content: exact }]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.attachEvidence[0].evidence.size).toBe(MAX_BYTES);
  });
});

describe('evidence: the file name never decides where the file lands', () => {
  it('a name that climbs out of the folder is cut to its last part and the file is stored under its id', async () => {
    const a = await started('XA-HABAC', '2.2', tokens['xa-habac']);
    const outside = path.resolve(evidenceDir, '../../tiendo-pwned.pdf');
    const names = ['../../tiendo-pwned.pdf', '..\\..\\tiendo-pwned-2.pdf', 'a/../../../tiendo-pwned-3.pdf'];
    const res = await attachEvidence(
      server,
      tokens['xa-habac'],
      a.id,
      names.map((name) => ({ name, content: samplePdf(name) })),
    );
    expect(res.errors).toBeUndefined();
    const stored = res.data!.attachEvidence.map((r) => r.evidence);
    expect(stored.map((e) => e.originalName)).toEqual(['tiendo-pwned.pdf', 'tiendo-pwned-2.pdf', 'tiendo-pwned-3.pdf']);
    const files = await storedFiles();
    for (const e of stored) expect(files).toContain(path.join(e.id.slice(0, 2), e.id));
    expect(files.some((f) => f.includes('pwned') || f.includes('..'))).toBe(false);
    for (const target of [outside, path.resolve(evidenceDir, '../tiendo-pwned.pdf'), path.resolve(process.cwd(), '../tiendo-pwned.pdf')]) {
      await expect(stat(target)).rejects.toThrow();
    }
  });
});

describe('evidence: the name a file is served under', () => {
  /** The name a download offers: the UTF-8 form of Content-Disposition, decoded. */
  const servedName = (res: Response) => decodeURIComponent(res.headers.get('content-disposition')!.split("filename*=UTF-8''")[1]);

  it('a PDF that is also an HTML page, uploaded as bao-cao.html, is served as application/pdf named bao-cao.pdf', async () => {
    const a = await started('PHONG-GDDT', '4', tokens.gddt);
    const polyglot = Buffer.concat([
      samplePdf('da dinh dang'),
      Buffer.from('<html><script>fetch("/graphql",{method:"POST",credentials:"include"})</script></html>\n'),
    ]);
    expect(polyglot.subarray(0, 8).toString()).toBe('%PDF-1.4');
    const res = await attachEvidence(server, tokens.gddt, a.id, [{ name: 'bao-cao.html', content: polyglot, type: 'text/html' }]);
    expect(res.errors).toBeUndefined();
    const ev = res.data!.attachEvidence[0].evidence;
    expect(ev).toMatchObject({ originalName: 'bao-cao.html', downloadName: 'bao-cao.pdf', contentType: 'application/pdf', detectedExtension: 'pdf' });
    expect(res.data!.attachEvidence[0].message).toBe('Đã đính kèm bao-cao.pdf.');

    const got = await download(ev.id, { token: tokens.gddt });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao.pdf"; filename*=UTF-8''bao-cao.pdf`);
    expect(Buffer.from(await got.arrayBuffer()).equals(polyglot)).toBe(true);
    const history = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens.gddt)).data!.Assignment.history;
    expect(history[0]).toMatchObject({ action: 'ATTACH_EVIDENCE', comment: 'Đính kèm minh chứng: bao-cao.pdf' });
  });

  it('a PDF named with a right-to-left override as a program is accepted by its content, stored and served without the override, as .pdf', async () => {
    const a = await started('PHONG-GDDT', '4', tokens.gddt);
    const res = await attachEvidence(server, tokens.gddt, a.id, [
      { name: 'bao\u202efdp.exe', content: samplePdf('ky tu dao chieu') },
      { name: 'bien\u200bban\u00ad-hop\ufeff.pdf', content: samplePdf('ky tu an') },
    ]);
    expect(res.errors).toBeUndefined();
    const [rlo, zwsp] = res.data!.attachEvidence.map((r) => r.evidence);
    expect(rlo).toMatchObject({ originalName: 'baofdp.exe', downloadName: 'baofdp.pdf', contentType: 'application/pdf' });
    expect(zwsp).toMatchObject({ originalName: 'bienban-hop.pdf', downloadName: 'bienban-hop.pdf' });
    const rows = await db.query<{ original_name: string }>('select original_name from evidence where id = any($1::uuid[]) order by uploaded_at', [[rlo.id, zwsp.id]]);
    expect(rows.rows.map((r) => r.original_name)).toEqual(['baofdp.exe', 'bienban-hop.pdf']);
    expect(rows.rows.some((r) => /[\u202e\u200b\u00ad\ufeff]/.test(r.original_name))).toBe(false);

    const got = await download(rlo.id, { token: tokens.gddt });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(servedName(got)).toBe('baofdp.pdf');
    expect(got.headers.get('content-disposition')).not.toMatch(/%E2%80%AE/i);
    expect(servedName(await download(zwsp.id, { token: tokens.gddt }))).toBe('bienban-hop.pdf');
  });

  it('a name stored before names were cleaned is cleaned when it is read and downloaded', async () => {
    const a = await started('PHONG-GDDT', '4', tokens.gddt);
    const ev = await attachSampleEvidence(server, tokens.gddt, a.id, 'cu.pdf');
    await db.query('update evidence set original_name = $1 where id = $2', ['bien-ban\u202efdp.html', ev.id]);
    const got = await download(ev.id, { token: tokens.gddt });
    expect(servedName(got)).toBe('bien-banfdp.pdf');
    const read = await server.gql(`query($id: ID!) { evidence(id: $id) { originalName downloadName } }`, { id: ev.id }, tokens.gddt);
    expect(read.data!.evidence).toEqual({ originalName: 'bien-banfdp.html', downloadName: 'bien-banfdp.pdf' });
  });
});

describe('evidence in the history', () => {
  const HISTORY = `query($id: ID!, $plan: ID!) {
    Assignment(id: $id) { history { action comment at actorUsername } }
    latestChanges(planId: $plan, first: 50) { assignmentId action comment at }
  }`;

  it('another unit reads that evidence was attached and removed, and when, but neither the file’s name nor the reason; the unit and the reviewers read both', async () => {
    const a = await started('PHONG-GDDT', '3', tokens.gddt);
    await attachSampleEvidence(server, tokens.gddt, a.id, 'bien-ban-xa-hachau.pdf');
    const removed = await attachSampleEvidence(server, tokens.gddt, a.id, 'danh-sach-chi-tra.pdf');
    const REMOVE = `mutation($id: ID!, $reason: String!) { removeEvidence(id: $id, reason: $reason) { hidden } }`;
    expect((await server.gql(REMOVE, { id: removed.id, reason: 'Tệp có dữ liệu cá nhân' }, tokens.gddt)).errors).toBeUndefined();
    const plan = await planId(server, tokens.gddt);
    const secrets = /bien-ban-xa-hachau|danh-sach-chi-tra|dữ liệu cá nhân/;

    const read = async (user: string) => {
      const res = await server.gql(HISTORY, { id: a.id, plan }, tokens[user]);
      expect(res.errors).toBeUndefined();
      const feed = res.data!.latestChanges.filter((c: { assignmentId: string }) => c.assignmentId === a.id);
      return { history: res.data!.Assignment.history, feed };
    };

    for (const user of ['xa-habac', 'vanphong']) {
      const { history, feed } = await read(user);
      expect(history.slice(0, 3).map((h: { action: string; comment: string | null }) => [h.action, h.comment])).toEqual([
        ['REMOVE_EVIDENCE', null],
        ['ATTACH_EVIDENCE', null],
        ['ATTACH_EVIDENCE', null],
      ]);
      expect(history[0].at).toBeTruthy();
      expect(feed.slice(0, 3).map((c: { action: string; comment: string | null }) => [c.action, c.comment])).toEqual([
        ['REMOVE_EVIDENCE', null],
        ['ATTACH_EVIDENCE', null],
        ['ATTACH_EVIDENCE', null],
      ]);
      expect(JSON.stringify({ history, feed })).not.toMatch(secrets);
    }

    for (const user of ['gddt', 'vhtt', 'phochutich', 'admin']) {
      const { history, feed } = await read(user);
      const expected = [
        ['REMOVE_EVIDENCE', 'Gỡ minh chứng danh-sach-chi-tra.pdf: Tệp có dữ liệu cá nhân'],
        ['ATTACH_EVIDENCE', 'Đính kèm minh chứng: danh-sach-chi-tra.pdf'],
        ['ATTACH_EVIDENCE', 'Đính kèm minh chứng: bien-ban-xa-hachau.pdf'],
      ];
      expect(history.slice(0, 3).map((h: { action: string; comment: string | null }) => [h.action, h.comment]), user).toEqual(expected);
      expect(feed.slice(0, 3).map((c: { action: string; comment: string | null }) => [c.action, c.comment]), user).toEqual(expected);
    }

    // Other comments are not evidence: another unit still reads why work was started, returned or blocked.
    const blocked = await server.gql(TRANSITION, { id: a.id, action: 'BLOCK', version: a.version, comment: 'Chờ kinh phí' }, tokens.gddt);
    expect(blocked.errors).toBeUndefined();
    expect((await read('xa-habac')).history[0]).toMatchObject({ action: 'BLOCK', comment: 'Chờ kinh phí' });
  });
});

describe('evidence: who may see and attach', () => {
  it('another unit’s officer cannot list, read or download evidence, nor attach to the work', async () => {
    const a = await started('VP-HDND-UBND', '2.1', tokens.vanphong);
    const ev = await attachSampleEvidence(server, tokens.vanphong, a.id, 'danh-sach-chi-tra.pdf');
    const before = await snapshot();

    const listed = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens['xa-habac'])).data!.Assignment;
    expect(listed.evidence).toEqual([]);
    expect(listed.evidenceCount).toBe(1);
    expect(listed.mayAttachEvidence).toBe(false);
    const single = await server.gql(`query($id: ID!) { evidence(id: $id) { id originalName } }`, { id: ev.id }, tokens['xa-habac']);
    expect(code(single)).toBe('FORBIDDEN');
    expect(JSON.stringify(single)).not.toContain('danh-sach-chi-tra');

    const dl = await download(ev.id, { token: tokens['xa-habac'] });
    expect(dl.status).toBe(403);
    const body = await dl.text();
    expect(body).not.toContain('%PDF');
    expect(JSON.parse(body).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download(ev.id)).status).toBe(401);
    expect((await download(ev.id, { token: 'forged' })).status).toBe(401);
    expect((await download('00000000-0000-4000-8000-000000000000', { token: tokens.vanphong })).status).toBe(404);
    expect((await download('not-an-id', { token: tokens.vanphong })).status).toBe(404);

    for (const user of ['xa-habac', 'gddt', 'phochutich', 'admin']) {
      const forged = await attachEvidence(server, tokens[user], a.id, [{ name: 'gia-mao.pdf', content: samplePdf(`gia mao ${user}`) }]);
      expect(code(forged)).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('evidence and the workflow', () => {
  it('SUBMIT is refused without evidence, accepted with it; evidence is locked once submitted', async () => {
    const a = await started('XA-HABAC', '1.1', tokens['xa-habac']);
    const refused = await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: a.version }, tokens['xa-habac']);
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(reason(refused)).toBe('EVIDENCE_REQUIRED');
    expect((await server.gql(GET_ASSIGNMENT, { id: a.id }, tokens['xa-habac'])).data!.Assignment).toEqual(a);

    await attachSampleEvidence(server, tokens['xa-habac'], a.id);
    const submitted = await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: a.version }, tokens['xa-habac']);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.transitionAssignment.status).toBe('SUBMITTED');

    const late = await attachEvidence(server, tokens['xa-habac'], a.id, [{ name: 'bo-sung.pdf', content: samplePdf('bo sung') }]);
    expect(reason(late)).toBe('EVIDENCE_LOCKED');
  });

  it('a task that does not require evidence can be submitted without it', async () => {
    const a = await started('XA-HABAC', '2.1', tokens['xa-habac']);
    const task = (await server.gql(`query($id: ID!) { Assignment(id: $id) { task { id version requiresEvidence } } }`, { id: a.id }, tokens.admin)).data!.Assignment.task;
    expect(task.requiresEvidence).toBe(true);
    const UPDATE_TASK = `mutation($id: ID!, $version: Int!, $r: Boolean) { updateTask(id: $id, version: $version, requiresEvidence: $r) { requiresEvidence } }`;
    expect(code(await server.gql(UPDATE_TASK, { id: task.id, version: task.version, r: false }, tokens['xa-habac']))).toBe('FORBIDDEN');
    const updated = await server.gql(UPDATE_TASK, { id: task.id, version: task.version, r: false }, tokens.admin);
    expect(updated.data!.updateTask.requiresEvidence).toBe(false);
    const submitted = await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: a.version }, tokens['xa-habac']);
    expect(submitted.data!.transitionAssignment.status).toBe('SUBMITTED');
  });

  it('removing evidence hides it, keeps the file and says who and why; then SUBMIT needs evidence again', async () => {
    const a = await started('XA-HABAC', '3', tokens['xa-habac']);
    const ev = await attachSampleEvidence(server, tokens['xa-habac'], a.id, 'anh-chup-nham.pdf');
    const filesBefore = await storedFiles();
    const REMOVE = `mutation($id: ID!, $reason: String!) { removeEvidence(id: $id, reason: $reason) { id hidden hiddenAt hiddenReason } }`;

    const mayRemove = async (user: string) =>
      (await server.gql(EVIDENCE_OF, { id: a.id }, tokens[user])).data!.Assignment.evidence.map((e: { mayRemove: boolean }) => e.mayRemove);
    expect(await mayRemove('xa-habac')).toEqual([true]);
    expect(await mayRemove('vhtt')).toEqual([false]);
    const untouched = await snapshot();
    expect(code(await server.gql(REMOVE, { id: ev.id, reason: 'không phải của tôi' }, tokens['xa-hason']))).toBe('FORBIDDEN');
    expect(code(await server.gql(REMOVE, { id: ev.id, reason: 'không phải của tôi' }, tokens.vhtt))).toBe('FORBIDDEN');
    expect(code(await server.gql(REMOVE, { id: ev.id, reason: '   ' }, tokens['xa-habac']))).toBe('BAD_USER_INPUT');
    expect(code(await server.gql(REMOVE, { id: ev.id, reason: 'x' }))).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(untouched);
    const hiddenRows = await db.query('select count(*)::int as n from evidence where hidden_at is not null');
    const removed = await server.gql(REMOVE, { id: ev.id, reason: 'Tải nhầm tệp' }, tokens['xa-habac']);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeEvidence).toMatchObject({ hidden: true, hiddenReason: 'Tải nhầm tệp' });
    expect(code(await server.gql(REMOVE, { id: ev.id, reason: 'lần nữa' }, tokens['xa-habac']))).toBe('CONFLICT');

    expect(await storedFiles()).toEqual(filesBefore);
    const row = await db.query('select hidden_at, hidden_reason from evidence where id = $1', [ev.id]);
    expect(row.rows[0].hidden_reason).toBe('Tải nhầm tệp');
    expect((await db.query('select count(*)::int as n from evidence where hidden_at is not null')).rows[0].n).toBe(hiddenRows.rows[0].n + 1);

    const own = (await server.gql(EVIDENCE_OF, { id: a.id, hidden: true }, tokens['xa-habac'])).data!.Assignment;
    expect(own.evidence).toEqual([]);
    expect(own.evidenceCount).toBe(0);
    expect(own.history[0]).toEqual({ action: 'REMOVE_EVIDENCE', comment: 'Gỡ minh chứng anh-chup-nham.pdf: Tải nhầm tệp', actorUsername: 'xa-habac' });
    expect((await download(ev.id, { token: tokens['xa-habac'] })).status).toBe(404);

    const audit = (await server.gql(EVIDENCE_OF, { id: a.id, hidden: true }, tokens.vhtt)).data!.Assignment;
    expect(audit.evidence).toMatchObject([{ id: ev.id, hidden: true, hiddenReason: 'Tải nhầm tệp' }]);
    const kept = await download(ev.id, { token: tokens.vhtt });
    expect(kept.status).toBe(200);
    expect(sha256(Buffer.from(await kept.arrayBuffer()))).toBe(ev.sha256);

    const submit = await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: own.version }, tokens['xa-habac']);
    expect(reason(submit)).toBe('EVIDENCE_REQUIRED');
  });

  it('an officer cannot remove evidence of verified (DONE) work', async () => {
    let a = await started('TT-HATRUNG', '1.1', tokens['tt-hatrung']);
    const ev = await attachSampleEvidence(server, tokens['tt-hatrung'], a.id);
    a = (await server.gql(TRANSITION, { id: a.id, action: 'SUBMIT', version: a.version }, tokens['tt-hatrung'])).data!.transitionAssignment;
    a = (await server.gql(TRANSITION, { id: a.id, action: 'VERIFY', version: a.version }, tokens.vhtt)).data!.transitionAssignment;
    expect(a.status).toBe('DONE');
    const res = await server.gql(`mutation($id: ID!) { removeEvidence(id: $id, reason: "muốn xóa") { id } }`, { id: ev.id }, tokens['tt-hatrung']);
    expect(reason(res)).toBe('EVIDENCE_LOCKED');
    const still = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens['tt-hatrung'])).data!.Assignment;
    expect(still.evidence.map((e: { id: string; mayRemove: boolean }) => [e.id, e.mayRemove])).toEqual([[ev.id, false]]);

    // ADMIN may still hide a file uploaded by mistake (personal data, say); it stays in the history.
    const admin = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens.admin)).data!.Assignment;
    expect(admin.evidence[0].mayRemove).toBe(true);
    const hidden = await server.gql(`mutation($id: ID!) { removeEvidence(id: $id, reason: "Có thông tin cá nhân") { hidden } }`, { id: ev.id }, tokens.admin);
    expect(hidden.data!.removeEvidence.hidden).toBe(true);
    const after = (await server.gql(EVIDENCE_OF, { id: a.id }, tokens['tt-hatrung'])).data!.Assignment;
    expect(after.status).toBe('DONE');
    expect(after.history[0]).toMatchObject({ action: 'REMOVE_EVIDENCE', actorUsername: 'admin' });
  });

  it('the same content uploaded twice to the same work is recognised and not stored again', async () => {
    const a = await started('XA-HASON', '1.2', tokens['xa-hason']);
    const pdf = samplePdf('trung lap');
    const first = await attachEvidence(server, tokens['xa-hason'], a.id, [{ name: 'bao-cao.pdf', content: pdf }]);
    const before = await snapshot();
    const again = await attachEvidence(server, tokens['xa-hason'], a.id, [
      { name: 'bao-cao (1).pdf', content: pdf },
      { name: 'ban-sao.pdf', content: pdf },
    ]);
    expect(again.errors).toBeUndefined();
    for (const r of again.data!.attachEvidence) {
      expect(r.duplicate).toBe(true);
      expect(r.evidence.id).toBe(first.data!.attachEvidence[0].evidence.id);
      expect(r.message).toContain('trùng');
    }
    expect(await snapshot()).toEqual(before);

    // Two copies within one new request are one record.
    const pair = await attachEvidence(server, tokens['xa-hason'], a.id, [
      { name: 'a.png', content: PNG_1PX },
      { name: 'b.png', content: PNG_1PX },
    ]);
    expect(pair.data!.attachEvidence.map((r) => r.duplicate)).toEqual([false, true]);
    expect(pair.data!.attachEvidence[1].evidence.id).toBe(pair.data!.attachEvidence[0].evidence.id);
  });
});

describe('evidence integrity', () => {
  it('a stored file that no longer matches its hash is an error on download, not corrupted bytes', async () => {
    const a = await started('XA-HABAC', '1.2', tokens['xa-habac']);
    const ev = await attachSampleEvidence(server, tokens['xa-habac'], a.id, 'se-bi-hong.pdf');
    const file = path.join(evidenceDir, (await storedFiles()).find((f) => f.endsWith(ev.id))!);
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    damaged[20] ^= 0xff;
    await writeFile(file, damaged);

    const res = await download(ev.id, { token: tokens['xa-habac'] });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('%PDF');
    const error = JSON.parse(body).errors[0];
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'EVIDENCE_INTEGRITY' });
    expect(error.message).toContain(error.extensions.requestId);
    expect(server.logs.some((line) => line.includes('evidence integrity failure') && line.includes(ev.id))).toBe(true);

    await writeFile(file, original);
    expect((await download(ev.id, { token: tokens['xa-habac'] })).status).toBe(200);
  });
});

describe('evidence on lists', () => {
  it('history comments over a whole list cost the same statements for 5 rows as for 100, for a viewer who may not read them', async () => {
    const LIST = `query($n: Int) { allAssignments(perPage: $n, sortField: "updatedAt", sortOrder: "DESC") { id unit { code } history { action comment } } }`;
    const small = await server.countQueries(() => server.gql(LIST, { n: 5 }, tokens['xa-hason']));
    const large = await server.countQueries(() => server.gql(LIST, { n: 100 }, tokens['xa-hason']));
    expect(large.result.errors).toBeUndefined();
    type Row = { unit: { code: string }; history: Array<{ action: string; comment: string | null }> };
    const entries = (large.result.data!.allAssignments as Row[]).flatMap((a) =>
      a.history.filter((h) => h.action === 'ATTACH_EVIDENCE').map((h) => ({ own: a.unit.code === 'XA-HASON', comment: h.comment })));
    expect(entries.filter((e) => !e.own).length).toBeGreaterThan(3);
    expect(entries.filter((e) => !e.own && e.comment !== null)).toEqual([]);
    expect(entries.filter((e) => e.own).length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.own && e.comment === null)).toEqual([]);
    expect(large.count).toBe(small.count);
  });

  it('Assignment.evidence over a whole list costs a fixed number of queries', async () => {
    const LIST = `{ allAssignments(perPage: 100) { id evidenceCount evidence { id uploadedByName unit { code } } } }`;
    const { result, count } = await server.countQueries(() => server.gql(LIST, {}, tokens.vhtt));
    expect(result.errors).toBeUndefined();
    expect(result.data!.allAssignments.filter((a: { evidenceCount: number }) => a.evidenceCount > 0).length).toBeGreaterThan(3);
    expect(count).toBeLessThanOrEqual(8);
  });
});
