import { overdueDeliveries } from '../../server/modules/webhooks/webhook.delivery.js';
import type { JobContext } from '../registry.js';

export type WebhookRelayJobData = Record<string, never>;
export interface WebhookRelayResult {
  requeued: number;
}

/**
 * Every minute: deliveries still PENDING a minute after they were due get their job again. The job id
 * is the delivery's, so one whose job is merely waiting in the queue is not doubled.
 */
export async function runWebhookRelay(ctx: JobContext): Promise<WebhookRelayResult> {
  const overdue = await overdueDeliveries(ctx.em);
  if (overdue.length) await ctx.queues.deliverWebhooks(overdue);
  return { requeued: overdue.length };
}
