import { ChangeSetType, type EntityName, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Queues } from '../../../jobs/queues.js';
import type { Logger } from '../../shared/logger.js';
import { WebhookDelivery, WebhookDeliveryState } from './webhook.entity.js';

/**
 * Hands the deliveries a flush has just written (new ones, and redeliveries that got a new job id)
 * to the queue. Best effort: the flush has committed, so a Redis failure here must not fail the
 * request; the relay finds such deliveries within a minute or two.
 */
class WebhookDispatcher implements EventSubscriber<WebhookDelivery> {
  constructor(
    private readonly queues: Queues,
    private readonly logger: Logger,
  ) {}

  getSubscribedEntities(): EntityName<WebhookDelivery>[] {
    return [WebhookDelivery];
  }

  async afterFlush({ uow }: FlushEventArgs): Promise<void> {
    const due: Array<{ deliveryId: string; jobId: string }> = [];
    for (const changeSet of uow.getChangeSets()) {
      const entity = changeSet.entity;
      if (!(entity instanceof WebhookDelivery) || entity.state !== WebhookDeliveryState.PENDING) continue;
      if (changeSet.type === ChangeSetType.CREATE || (changeSet.type === ChangeSetType.UPDATE && 'jobId' in changeSet.payload)) {
        due.push({ deliveryId: entity.id, jobId: entity.jobId });
      }
    }
    if (!due.length) return;
    await this.queues.deliverWebhooks(due).catch((error: Error) => {
      this.logger.error('webhook enqueue failed; the relay will pick the deliveries up', { error: error.message });
    });
  }
}

export function registerWebhookDispatch(orm: MikroORM, queues: Queues, logger: Logger): void {
  orm.em.getEventManager().registerSubscriber(new WebhookDispatcher(queues, logger));
}
