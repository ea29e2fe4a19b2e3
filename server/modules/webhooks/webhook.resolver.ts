import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';
import { CreateWebhookEndpointArgs, UpdateWebhookEndpointArgs, WebhookDeliveriesArgs, WebhookEndpointFilter } from './webhook.inputs.js';
import { WEBHOOK_ENDPOINT_SPEC } from './webhook.service.js';

export const WebhookEndpointResourceResolver = createResourceResolver({
  type: WebhookEndpoint,
  name: 'WebhookEndpoint',
  plural: 'WebhookEndpoints',
  connectionField: 'webhookEndpoints',
  filter: WebhookEndpointFilter,
  sortable: WEBHOOK_ENDPOINT_SPEC.sortable,
  service: (ctx) => ctx.services.webhooks,
  createArgs: CreateWebhookEndpointArgs,
  updateArgs: UpdateWebhookEndpointArgs,
  writePermissions: [WEBHOOK_ENDPOINT_SPEC.writePermission],
});

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Mutation(() => WebhookEndpoint, { description: 'Đổi khóa ký (chỉ ADMIN); khóa mới chỉ trả về một lần, ngay tại đây' })
  @UseMiddleware(requires('webhook:manage'))
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.rotateSecret(id);
  }

  @Query(() => [WebhookDelivery], { description: 'Các lần báo sự kiện mới nhất tới một địa chỉ webhook (chỉ ADMIN)' })
  webhookDeliveries(@Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: Context) {
    return ctx.services.webhooks.deliveries(args.endpointId, args.first, args.state);
  }

  @Mutation(() => WebhookDelivery, { description: 'Gửi lại một lần báo sự kiện đã xong hoặc đã thất bại (chỉ ADMIN)' })
  @UseMiddleware(requires('webhook:manage'))
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.redeliver(deliveryId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Người tạo' })
  async createdByUsername(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: Context) {
    return endpoint.createdBy ? ((await ctx.loaders.user.load(endpoint.createdBy.id))?.username ?? null) : null;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryFieldResolver {
  @FieldResolver(() => ID)
  endpointId(@Root() delivery: WebhookDelivery) {
    return delivery.endpoint.id;
  }

  @FieldResolver(() => String, { description: 'Nội dung JSON đã gửi (đúng từng byte được ký)' })
  payload(@Root() delivery: WebhookDelivery) {
    return JSON.stringify(delivery.payload);
  }

  @FieldResolver(() => [WebhookAttempt], { description: 'Mọi lần gọi, cũ trước' })
  history(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context) {
    return ctx.services.webhooks.history(delivery.id);
  }
}
