import { relayOutboxEmails, type RelayResult } from '../../server/modules/outbox/outbox.relay.js';
import type { JobContext } from '../registry.js';

/** Runs every minute and whenever a producer has just written mail; nothing to pass. */
export type DeliverEmailsJobData = Record<string, never>;
export type DeliverEmailsResult = RelayResult;

export function runDeliverEmails(ctx: JobContext): Promise<DeliverEmailsResult> {
  return relayOutboxEmails(ctx.em, ctx.config.email);
}
