import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookConfig } from '../../config.js';
import { authorize, type Viewer } from '../../auth/policy.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { groupedBy, type Lean } from '../../shared/lean.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { ResourceService, isId, type ResourceSpec } from '../../shared/resource.service.js';
import { User } from '../users/user.entity.js';
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryState, WebhookEndpoint, type WebhookEventType } from './webhook.entity.js';
import { newWebhookSecret } from './webhook.signing.js';
import { UnsafeUrlError, assertPublicUrl } from './url-guard.js';

export const WEBHOOK_ENDPOINT_SPEC: ResourceSpec = {
  label: 'địa chỉ webhook',
  searchFields: ['url', 'description'],
  sortable: ['url', 'createdAt', 'updatedAt'],
  defaultSort: ['createdAt', OrderDirection.DESC],
  writePermission: 'webhook:manage',
};

interface EndpointData {
  url?: string;
  description?: string | null;
  events?: WebhookEventType[];
  active?: boolean;
}

/** ADMIN registers integrators' endpoints, sees what was sent to them and sends again. */
export class WebhookService extends ResourceService<WebhookEndpoint> {
  constructor(
    em: EntityManager,
    viewer: Viewer | null,
    private readonly config: WebhookConfig,
  ) {
    super(em, viewer, WebhookEndpoint, WEBHOOK_ENDPOINT_SPEC);
  }

  override async list(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<WebhookEndpoint>>> {
    authorize(this.viewer, 'webhook:manage');
    return super.list(filter, sortField, direction, window);
  }

  override async get(id: string): Promise<WebhookEndpoint> {
    authorize(this.viewer, 'webhook:manage');
    return super.get(id);
  }

  private async checkedUrl(raw: string): Promise<string> {
    try {
      return (await assertPublicUrl(raw.trim(), this.config.allowPrivateUrls)).toString();
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw badInput(error.message, { argument: 'url' });
      throw error;
    }
  }

  private static events(events: WebhookEventType[]): WebhookEventType[] {
    const unique = [...new Set(events)];
    if (!unique.length) throw badInput('Chọn ít nhất một sự kiện.', { argument: 'events' });
    return unique;
  }

  override async create(input: Record<string, unknown>): Promise<WebhookEndpoint> {
    const viewer = authorize(this.viewer, 'webhook:manage');
    const data = input as EndpointData;
    const secret = newWebhookSecret();
    const endpoint = this.em.create(WebhookEndpoint, {
      url: await this.checkedUrl(data.url ?? ''),
      description: data.description?.trim() || null,
      events: WebhookService.events(data.events ?? []),
      active: data.active ?? true,
      secret,
      createdBy: viewer.token ? null : this.em.getReference(User, viewer.id),
    });
    await this.em.flush();
    endpoint.issuedSecret = secret;
    return endpoint;
  }

  override async update(id: string, version: number, input: Record<string, unknown>): Promise<WebhookEndpoint> {
    authorize(this.viewer, 'webhook:manage');
    const data = input as EndpointData;
    const endpoint = await this.get(id);
    if (endpoint.version !== version) {
      throw conflict(`Địa chỉ webhook đã được người khác sửa (phiên bản ${endpoint.version}, bạn gửi ${version}). Hãy tải lại.`, {
        currentVersion: endpoint.version,
      });
    }
    const changes: Partial<WebhookEndpoint> = {};
    if (data.url !== undefined && data.url !== null && data.url !== endpoint.url) changes.url = await this.checkedUrl(data.url);
    if (data.description !== undefined) changes.description = data.description?.trim() || null;
    if (data.events) changes.events = WebhookService.events(data.events);
    if (data.active !== undefined && data.active !== null) changes.active = data.active;
    wrap(endpoint).assign(changes as never);
    await this.em.flush();
    return endpoint;
  }

  /** A new secret, in force from the next request sent; the old one stops working at once. */
  async rotateSecret(id: string): Promise<WebhookEndpoint> {
    authorize(this.viewer, 'webhook:manage');
    const endpoint = await this.get(id);
    const secret = newWebhookSecret();
    endpoint.secret = secret;
    await this.em.flush();
    endpoint.issuedSecret = secret;
    return endpoint;
  }

  /** The endpoint's newest deliveries. */
  async deliveries(endpointId: string, first: number, state?: WebhookDeliveryState): Promise<WebhookDelivery[]> {
    authorize(this.viewer, 'webhook:manage');
    if (!isId(endpointId) || !(await this.em.count(WebhookEndpoint, { id: endpointId }))) throw notFound(WEBHOOK_ENDPOINT_SPEC.label, endpointId);
    return this.em.find(
      WebhookDelivery,
      { endpoint: endpointId, ...(state ? { state } : {}) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first },
    );
  }

  private readonly historyLoader = groupedBy(
    (ids: string[]) => this.em.find(WebhookAttempt, { delivery: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } }),
    (attempt) => attempt.delivery.id,
  );

  /** Every attempt of a delivery, oldest first; batched over the deliveries of one request. */
  history(deliveryId: string): Promise<WebhookAttempt[]> {
    authorize(this.viewer, 'webhook:manage');
    return this.historyLoader.load(deliveryId);
  }

  /** Sends a finished delivery again: a new round of attempts with the same webhook-id and payload. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    authorize(this.viewer, 'webhook:manage');
    const delivery = isId(deliveryId) ? await this.em.findOne(WebhookDelivery, { id: deliveryId }, { populate: ['endpoint'] }) : null;
    if (!delivery) throw notFound('lần gửi webhook', deliveryId);
    if (delivery.state === WebhookDeliveryState.PENDING) throw conflict('Lần gửi này đang chờ gửi; không cần gửi lại.');
    if (!delivery.endpoint.active) throw badInput('Địa chỉ webhook đang tắt: bật lại trước khi gửi lại.', { argument: 'deliveryId' });
    const made = await this.em.count(WebhookAttempt, { delivery: delivery.id });
    delivery.state = WebhookDeliveryState.PENDING;
    delivery.attempts = 0;
    delivery.nextAttemptAt = new Date();
    delivery.lastError = null;
    // A new job id per round: the previous round's job is kept by the queue and would swallow this one.
    delivery.jobId = `${delivery.id}-${made}`;
    await this.em.flush();
    return delivery;
  }
}
