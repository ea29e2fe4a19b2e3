import { UnrecoverableError } from 'bullmq';
import { deliverWebhook, type DeliveryResult } from '../../server/modules/webhooks/webhook.delivery.js';
import { isId } from '../../server/shared/resource.service.js';
import type { JobContext } from '../registry.js';

export interface DeliverWebhookJobData {
  deliveryId: string;
}
export type DeliverWebhookResult = DeliveryResult;

/** One attempt per run; a failed attempt throws and the queue retries with exponential backoff. */
export function runDeliverWebhook(ctx: JobContext, data: DeliverWebhookJobData): Promise<DeliverWebhookResult> {
  if (!isId(data.deliveryId)) throw new UnrecoverableError(`invalid deliveryId: ${JSON.stringify(data.deliveryId)}`);
  return deliverWebhook(ctx.em, ctx.config.webhooks, data.deliveryId);
}
