import { badInput } from '../../shared/errors.js';

/**
 * A place in one inbox: (unread, created_at, id), the key of notification_inbox_index. Unlike a
 * position, it stays right while notifications are read or arrive: reading one moves it behind every
 * unread one, so a reader paging on still meets it in the read part. created_at is kept to the
 * microsecond as PostgreSQL stores it; a JavaScript Date would round it and skip or repeat rows.
 */
export interface InboxPosition {
  unread: boolean;
  /** Microseconds since the epoch, as decimal text. */
  micros: string;
  id: string;
}

const UUID_HEX = /^[0-9a-f]{32}$/;

export function encodeInboxCursor({ unread, micros, id }: InboxPosition): string {
  return Buffer.from(`${unread ? 'u' : 'r'}${micros}.${id.replaceAll('-', '')}`).toString('base64url');
}

export function decodeInboxCursor(cursor: string): InboxPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([ur])(\d{1,19})\.([0-9a-f]{32})$/.exec(text);
  if (!match || !UUID_HEX.test(match[3])) throw badInput('Con trỏ phân trang (after) không hợp lệ.', { argument: 'after' });
  const hex = match[3];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { unread: match[1] === 'u', micros: match[2], id };
}
