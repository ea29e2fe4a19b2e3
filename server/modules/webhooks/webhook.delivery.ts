import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookConfig } from '../../config.js';
import { WebhookDeliveryState } from './webhook.entity.js';
import { postWebhook } from './webhook.http.js';
import { signWebhook } from './webhook.signing.js';

export interface DeliveryResult {
  deliveryId: string;
  state: WebhookDeliveryState;
  attempts: number;
  statusCode: number | null;
}

/** A failed attempt that has attempts left: the queue retries the job after its backoff. */
export class WebhookAttemptFailed extends Error {}

interface DeliveryRow {
  id: string;
  state: WebhookDeliveryState;
  attempts: number;
  message_id: string;
  payload: unknown;
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Makes one attempt at one delivery and records it. A 2xx answer is success; anything else throws
 * WebhookAttemptFailed while attempts remain (the queue's backoff decides when the next one runs) and
 * marks the delivery FAILED after the last. Deliveries no longer PENDING are left alone, so a job that
 * runs twice sends nothing twice.
 */
export async function deliverWebhook(em: EntityManager, config: WebhookConfig, deliveryId: string): Promise<DeliveryResult> {
  const [row] = await em.execute<DeliveryRow[]>(
    `select d.id, d.state, d.attempts, d.message_id, d.payload, w.url, w.secret, w.active
       from webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id where d.id = ?`,
    [deliveryId],
  );
  // Enqueued right after a flush inside a longer transaction, the row may not be committed yet.
  if (!row) throw new WebhookAttemptFailed(`delivery ${deliveryId} not found (yet)`);
  if (row.state !== WebhookDeliveryState.PENDING) {
    return { deliveryId, state: row.state, attempts: row.attempts, statusCode: null };
  }
  if (!row.active) {
    await finish(em, deliveryId, WebhookDeliveryState.FAILED, row.attempts, null, 'Địa chỉ webhook đã tắt.', null);
    return { deliveryId, state: WebhookDeliveryState.FAILED, attempts: row.attempts, statusCode: null };
  }

  const body = JSON.stringify(row.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const at = new Date();
  const outcome = await postWebhook(
    row.url,
    {
      'webhook-id': row.message_id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(row.secret, row.message_id, timestamp, body),
    },
    body,
    { timeoutMs: config.timeoutMs, allowPrivate: config.allowPrivateUrls },
  );
  const attempts = row.attempts + 1;
  const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const error = ok ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`);
  await em.execute(
    `insert into webhook_attempt (id, created_at, updated_at, version, delivery_id, at, status_code, error, duration_ms)
     values (gen_random_uuid(), now(), now(), 1, ?, ?, ?, ?, ?)`,
    [deliveryId, at, outcome.statusCode, error?.slice(0, 1000) ?? null, outcome.durationMs],
  );
  if (ok) {
    await finish(em, deliveryId, WebhookDeliveryState.SUCCEEDED, attempts, outcome.statusCode, null, null);
    return { deliveryId, state: WebhookDeliveryState.SUCCEEDED, attempts, statusCode: outcome.statusCode };
  }
  if (outcome.refused || attempts >= config.maxAttempts) {
    await finish(em, deliveryId, WebhookDeliveryState.FAILED, attempts, outcome.statusCode, error, null);
    return { deliveryId, state: WebhookDeliveryState.FAILED, attempts, statusCode: outcome.statusCode };
  }
  // The queue's exponential backoff: base, 2×base, 4×base…; recorded so the relay and the screen agree.
  const next = new Date(Date.now() + config.retryBaseMs * 2 ** (attempts - 1));
  await finish(em, deliveryId, WebhookDeliveryState.PENDING, attempts, outcome.statusCode, error, next);
  throw new WebhookAttemptFailed(`webhook ${deliveryId}: ${error}`);
}

function finish(
  em: EntityManager, id: string, state: WebhookDeliveryState, attempts: number, statusCode: number | null, error: string | null, next: Date | null,
) {
  return em.execute(
    `update webhook_delivery set state = ?, attempts = ?, last_status_code = ?, last_error = ?, next_attempt_at = ?, updated_at = now(),
            version = version + 1 where id = ?`,
    [state, attempts, statusCode, error?.slice(0, 1000) ?? null, next, id],
  );
}

/** PENDING deliveries overdue by a minute: their job was lost (Redis flushed, enqueue failed after commit). */
export async function overdueDeliveries(em: EntityManager, limit = 500): Promise<Array<{ deliveryId: string; jobId: string }>> {
  const rows = await em.execute<Array<{ id: string; job_id: string }>>(
    `select id, job_id from webhook_delivery
      where state = 'PENDING' and next_attempt_at <= now() - interval '1 minute'
      order by next_attempt_at limit ?`,
    [limit],
  );
  return rows.map((r) => ({ deliveryId: r.id, jobId: r.job_id }));
}
