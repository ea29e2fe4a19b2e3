import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditEventFilter } from './audit-event.inputs.js';
import { AUDIT_SORTABLE, AuditEventService } from './audit-event.service.js';

export const AuditEventResourceResolver = createResourceResolver({
  type: AuditEvent,
  name: 'AuditEvent',
  plural: 'AuditEvents',
  connectionField: 'auditEvents',
  filter: AuditEventFilter,
  sortable: AUDIT_SORTABLE,
  service: (ctx) => new AuditEventService(ctx.em, ctx.viewer),
});

@Resolver(() => AuditEvent)
export class AuditEventFieldResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Người thực hiện' })
  async actorUsername(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return event.actor ? ((await ctx.loaders.user.load(event.actor.id))?.username ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Mã truy cập API đã thực hiện (nếu có)' })
  actorTokenId(@Root() event: AuditEvent) {
    return event.actorToken?.id ?? null;
  }

  @FieldResolver(() => ID, { nullable: true })
  subjectUserId(@Root() event: AuditEvent) {
    return event.subjectUser?.id ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Tài khoản được nói tới' })
  async subjectUsername(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return event.subjectUser ? ((await ctx.loaders.user.load(event.subjectUser.id))?.username ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  subjectTokenId(@Root() event: AuditEvent) {
    return event.subjectToken?.id ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Chi tiết dạng JSON' })
  details(@Root() event: AuditEvent) {
    return event.details ? JSON.stringify(event.details) : null;
  }
}
