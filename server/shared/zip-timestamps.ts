/**
 * ZIP files (DOCX, XLSX) carry a modification time for every entry, and the writers the documents use
 * stamp it with the clock: docx's fflate with Date.now(), exceljs's JSZip with new Date(). A document
 * that must come out byte for byte the same from the same data therefore has its entry times
 * rewritten afterwards. The times sit outside the compressed data and outside every CRC, so they can be
 * changed in place without unpacking anything.
 */
import { inflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record's fixed part; a comment of up to 65 535 bytes may follow it. */
const END_RECORD_SIZE = 22;

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

export interface ZipEntry {
  name: string;
  /** The wall-clock time stored for the entry, as YYYY-MM-DDTHH:mm:ss (ZIP keeps no time zone). */
  modified: string;
  /** The entry's uncompressed bytes. */
  read(): Buffer;
}

function endRecordOffset(zip: Buffer): number {
  for (let at = zip.length - END_RECORD_SIZE; at >= Math.max(0, zip.length - END_RECORD_SIZE - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('Không phải tệp ZIP: không tìm thấy bản ghi kết thúc thư mục.');
}

interface CentralRecord {
  /** Offset of the central directory header. */
  central: number;
  /** Offset of the entry's local header. */
  local: number;
  name: string;
  method: number;
  compressedSize: number;
}

function centralRecords(zip: Buffer): CentralRecord[] {
  const end = endRecordOffset(zip);
  const count = zip.readUInt16LE(end + 10);
  // 0xffff entries or an offset of 0xffffffff mean ZIP64, which none of these small documents need.
  if (count === 0xffff || zip.readUInt32LE(end + 16) === 0xffffffff) throw new Error('Tệp ZIP64 không được hỗ trợ.');
  const records: CentralRecord[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`Tệp ZIP hỏng: mục thứ ${i + 1} của thư mục không hợp lệ.`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`Tệp ZIP hỏng: mục thứ ${i + 1} không có phần đầu.`);
    records.push({
      central: at,
      local,
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

/** MS-DOS time and date words of an instant's wall clock in Vietnam; DOS time counts seconds in twos. */
function dosDateTime(instant: Date): { time: number; date: number } {
  const wall = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const year = wall.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new Error(`Năm ${year} không ghi được vào tệp ZIP.`);
  return {
    time: (wall.getUTCHours() << 11) | (wall.getUTCMinutes() << 5) | (wall.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((wall.getUTCMonth() + 1) << 5) | wall.getUTCDate(),
  };
}

function fromDos(time: number, date: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${(date >> 9) + 1980}-${pad((date >> 5) & 0x0f)}-${pad(date & 0x1f)}` +
    `T${pad(time >> 11)}:${pad((time >> 5) & 0x3f)}:${pad((time & 0x1f) * 2)}`
  );
}

/**
 * A copy of the ZIP file with every entry's modification time set to `instant` (its wall clock in
 * Vietnam), in both the local headers and the central directory.
 */
export function pinZipTimestamps(zip: Buffer | Uint8Array, instant: Date): Buffer {
  const copy = Buffer.from(zip);
  const { time, date } = dosDateTime(instant);
  for (const record of centralRecords(copy)) {
    copy.writeUInt16LE(time, record.central + 12);
    copy.writeUInt16LE(date, record.central + 14);
    copy.writeUInt16LE(time, record.local + 10);
    copy.writeUInt16LE(date, record.local + 12);
  }
  return copy;
}

/** The entries of a ZIP file, stored or deflated, in the order of its central directory. */
export function zipEntries(zip: Buffer | Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(zip);
  return centralRecords(bytes).map((record) => ({
    name: record.name,
    modified: fromDos(bytes.readUInt16LE(record.central + 12), bytes.readUInt16LE(record.central + 14)),
    read() {
      const start = record.local + 30 + bytes.readUInt16LE(record.local + 26) + bytes.readUInt16LE(record.local + 28);
      const data = bytes.subarray(start, start + record.compressedSize);
      if (record.method === 0) return Buffer.from(data);
      if (record.method === 8) return inflateRawSync(data);
      throw new Error(`Mục ${record.name} nén theo cách ${record.method}, không đọc được.`);
    },
  }));
}
