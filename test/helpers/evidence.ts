import { createHash } from 'node:crypto';
import type { GraphQLResponse, TestServer } from './server.js';

export interface UploadFile {
  name: string;
  content: Buffer | Uint8Array | string;
  /** The MIME type the client claims; the server decides on content, so this rarely matters. */
  type?: string;
}

export const EVIDENCE_FIELDS = `id ownerKind ownerId assignmentId unitId originalName downloadName description size contentType detectedExtension sha256
  uploadedAt uploadedByUsername hidden hiddenAt hiddenReason downloadUrl mayRemove`;

export const ATTACH_EVIDENCE = `mutation($assignmentId: ID!, $files: [Upload!]!, $descriptions: [String]) {
  attachEvidence(assignmentId: $assignmentId, files: $files, descriptions: $descriptions) { duplicate message evidence { ${EVIDENCE_FIELDS} } }
}`;

/** A small but well-formed PDF whose bytes differ with the label, so each call is new content. */
export function samplePdf(label = 'Biên bản'): Buffer {
  const text = label.replace(/[()\\]/g, '');
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'utf8');
}

export const sha256 = (bytes: Buffer | Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface UploadOptions {
  /** Send the CSRF preflight header Apollo requires (default true). */
  preflight?: boolean;
}

/**
 * A GraphQL multipart request (the spec graphql-upload implements): `files` maps a variable path,
 * e.g. "variables.files.0", to a file.
 */
export async function gqlUpload<T = Record<string, any>>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, UploadFile>,
  token?: string,
  { preflight = true }: UploadOptions = {},
): Promise<GraphQLResponse<T>> {
  const form = new FormData();
  const entries = Object.entries(files);
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify(Object.fromEntries(entries.map(([path], i) => [String(i), [path]]))));
  entries.forEach(([, file], i) => {
    const bytes = new Uint8Array(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
    form.append(String(i), new Blob([bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  });
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (preflight) headers['apollo-require-preflight'] = 'true';
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: form });
  const text = await response.text();
  let body: { data?: any; errors?: any } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text, extensions: { code: `HTTP_${response.status}` } }] };
  }
  return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers };
}

/** attachEvidence with several files and optional descriptions, as the upload panel sends it. */
export function attachEvidence(
  server: TestServer,
  token: string,
  assignmentId: string,
  files: UploadFile[],
  descriptions?: Array<string | null>,
  options?: UploadOptions,
) {
  const variables = { assignmentId, files: files.map(() => null), descriptions: descriptions ?? null };
  const map = Object.fromEntries(files.map((file, i) => [`variables.files.${i}`, file]));
  return gqlUpload<{ attachEvidence: Array<{ duplicate: boolean; message: string; evidence: Record<string, any> }> }>(
    server, ATTACH_EVIDENCE, variables, map, token, options,
  );
}

/**
 * Attaches one small PDF to an assignment so that it may be submitted; throws if the upload fails.
 * Returns the evidence record.
 */
export async function attachSampleEvidence(
  server: TestServer,
  token: string,
  assignmentId: string,
  name = 'bien-ban-ket-qua.pdf',
): Promise<Record<string, any>> {
  const res = await attachEvidence(server, token, assignmentId, [{ name, content: samplePdf(`${assignmentId} ${name}`), type: 'application/pdf' }]);
  if (!res.data?.attachEvidence) throw new Error(`attachEvidence failed: ${JSON.stringify(res.errors)}`);
  return res.data.attachEvidence[0].evidence;
}

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A zip archive with stored (uncompressed) entries, enough for magic-byte detection. */
export async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const { crc32 } = await import('node:zlib');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const content = typeof data === 'string' ? Buffer.from(data) : data;
    const fileName = Buffer.from(name);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, content);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * An OLE compound file (the container of .doc, .xls and .msi) whose directory names one stream:
 * "WordDocument" makes it a Word 97–2003 document, anything else an unknown compound file.
 */
export function compoundFile(streamName: string): Buffer {
  const bytes = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(0x3e, 0x18);
  bytes.writeUInt16LE(3, 0x1a);
  bytes.writeUInt16LE(0xfffe, 0x1c);
  bytes.writeUInt16LE(9, 0x1e);
  bytes.writeUInt16LE(6, 0x20);
  bytes.writeUInt32LE(0, 0x30);
  const entry = (offset: number, name: string, type: number) => {
    bytes.write(name, offset, 'utf16le');
    bytes.writeUInt16LE((name.length + 1) * 2, offset + 64);
    bytes[offset + 66] = type;
  };
  entry(512, 'Root Entry', 5);
  entry(512 + 128, streamName, 2);
  return bytes;
}
