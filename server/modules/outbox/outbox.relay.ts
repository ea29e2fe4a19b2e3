import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailConfig } from '../../config.js';
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
 * Sends what the outbox holds. Each row is claimed in a transaction of its own
 * (`for update skip locked`, so two relays never take the same row), handed to the SMTP server, and
 * marked SENT in that same transaction; the only window for a duplicate is a crash between the
 * server's acceptance and the commit, and a resent mail carries the same Message-ID.
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
      const outcome = await em.transactional(async (tx) => {
        const [row] = await tx.execute<ClaimedRow[]>(
          `select id, to_address, subject, text, html, attempts from outbox_email
            where state = 'PENDING' and next_attempt_at <= now()
            order by next_attempt_at limit 1 for update skip locked`,
        );
        if (!row) return null;
        try {
          await mailer.sendMail({
            from: config.from,
            to: row.to_address,
            subject: row.subject,
            text: row.text,
            html: row.html ?? undefined,
            messageId: outboxMessageId(row.id, config.from),
          });
        } catch (error) {
          const attempts = row.attempts + 1;
          const message = String((error as Error).message ?? error).slice(0, 1000);
          if (attempts >= config.maxAttempts) {
            await tx.execute(
              `update outbox_email set state = 'FAILED', attempts = ?, last_error = ?, updated_at = now() where id = ?`,
              [attempts, message, row.id],
            );
            return 'failed' as const;
          }
          // Exponential backoff: base, 2×base, 4×base…
          const delayMs = config.retryBaseMs * 2 ** (attempts - 1);
          await tx.execute(
            `update outbox_email set attempts = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 millisecond', updated_at = now()
              where id = ?`,
            [attempts, message, delayMs, row.id],
          );
          return 'retried' as const;
        }
        await tx.execute(
          `update outbox_email set state = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null, updated_at = now() where id = ?`,
          [row.id],
        );
        return 'sent' as const;
      });
      if (!outcome) break;
      result[outcome]++;
    }
  } finally {
    mailer.close();
  }
  return result;
}
