import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailConfig } from '../../config.js';
import { PassThrough } from 'node:stream';
import type { Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createMailer, outboxMessageId } from './mailer.js';

export interface RelayResult {
  /** SMTP_URL is unset: nothing was sent and the outbox is left as it is. */
  skipped: boolean;
  sent: number;
  retried: number;
  failed: number;
  expired: number;
}

interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/** Mail that could not go out for this long (SMTP down or not yet configured) is no longer news. */
const MAX_AGE = '3 days';

/**
 * Sends what the outbox holds, each row in a transaction of its own that claims it
 * (`for update skip locked`: two relays never take the same row).
 *
 * The order inside is what keeps a crash from sending a mail twice: the whole message goes to the
 * SMTP server except its final "<CRLF>.<CRLF>", then the row is committed as SENT, and only then is
 * the message ended. A relay killed before that commit leaves the server holding an unfinished message,
 * which it discards, and the row PENDING for the next run. A relay killed after it has handed the
 * server everything the mail is; what is left to lose is the instant between the commit and writing
 * the five final bytes. Should the server refuse the finished message, the row goes back to PENDING.
 */
export async function relayOutboxEmails(em: EntityManager, config: EmailConfig, limit = 100): Promise<RelayResult> {
  const result: RelayResult = { skipped: false, sent: 0, retried: 0, failed: 0, expired: 0 };
  const mailer = createMailer(config);
  if (!mailer) return { ...result, skipped: true };
  try {
    const expired = await em.execute(
      `update outbox_email set state = 'FAILED', last_error = 'Quá hạn gửi', updated_at = now()
        where state = 'PENDING' and created_at < now() - interval '${MAX_AGE}'`,
      [],
      'run',
    );
    result.expired = (expired as unknown as { affectedRows: number }).affectedRows;
    for (let i = 0; i < limit; i++) {
      const outcome = await relayOne(em.fork(), mailer, config);
      if (!outcome) break;
      result[outcome]++;
    }
  } finally {
    mailer.close();
  }
  return result;
}

type Outcome = 'sent' | 'retried' | 'failed';

async function relayOne(em: EntityManager, mailer: Transporter, config: EmailConfig): Promise<Outcome | null> {
  await em.begin();
  let committed = false;
  try {
    const [row] = await em.execute<ClaimedRow[]>(
      `select id, to_address, subject, text, html, attempts from outbox_email
        where state = 'PENDING' and next_attempt_at <= now()
        order by next_attempt_at limit 1 for update skip locked`,
    );
    if (!row) {
      await em.rollback();
      return null;
    }
    const raw = await new MailComposer({
      from: config.from,
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
      messageId: outboxMessageId(row.id, config.from),
    }).compile().build();
    const body = new PassThrough();
    const sending = mailer.sendMail({ envelope: { from: config.from, to: [row.to_address] }, raw: body });
    // Errors before the end (connection refused, recipient refused) settle here; the promise is also
    // awaited below, so it is never left rejected unobserved.
    const refused = sending.then(() => null, (error: unknown) => error);
    body.write(raw);
    const early = await Promise.race([handedOver(body), refused]);
    if (early !== HANDED_OVER) {
      const outcome = await recordFailure(em, config, row, early);
      await em.commit();
      committed = true;
      return outcome;
    }
    await em.execute(
      `update outbox_email set state = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null, updated_at = now() where id = ?`,
      [row.id],
    );
    await em.commit();
    committed = true;
    body.end();
    const error = await refused;
    if (!error) return 'sent';
    // The server refused the finished message: nothing was delivered, so it is tried again.
    await em.begin();
    const outcome = await recordFailure(em, config, { ...row, attempts: row.attempts + 1 }, error, true);
    await em.commit();
    return outcome;
  } catch (error) {
    if (!committed) await em.rollback().catch(() => {});
    throw error;
  }
}

const HANDED_OVER = Symbol('handed over');

/** Resolves once the SMTP connection has taken every byte written so far into its socket. */
async function handedOver(body: PassThrough): Promise<typeof HANDED_OVER> {
  while (body.writableLength > 0 || body.readableLength > 0 || !body.readableFlowing) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  // The pipe writes to the socket on the following turns of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return HANDED_OVER;
}

async function recordFailure(em: EntityManager, config: EmailConfig, row: ClaimedRow, error: unknown, afterSent = false): Promise<Outcome> {
  const attempts = afterSent ? row.attempts : row.attempts + 1;
  const message = String((error as Error)?.message ?? error).slice(0, 1000);
  if (attempts >= config.maxAttempts) {
    await em.execute(
      `update outbox_email set state = 'FAILED', sent_at = null, attempts = ?, last_error = ?, updated_at = now() where id = ?`,
      [attempts, message, row.id],
    );
    return 'failed';
  }
  // Exponential backoff: base, 2×base, 4×base…
  const delayMs = config.retryBaseMs * 2 ** (attempts - 1);
  await em.execute(
    `update outbox_email set state = 'PENDING', sent_at = null, attempts = ?, last_error = ?,
            next_attempt_at = now() + ? * interval '1 millisecond', updated_at = now()
      where id = ?`,
    [attempts, message, delayMs, row.id],
  );
  return 'retried';
}
