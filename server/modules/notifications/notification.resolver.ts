import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { DEFAULT_PAGE_SIZE, ConnectionType } from '../../shared/pagination.js';
import type { Lean } from '../../shared/lean.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Escalation } from '../escalations/escalation.entity.js';
import { UrgingLetter } from '../letters/urging-letter.entity.js';
import { Notification } from './notification.entity.js';
import { InboxArgs, NotificationsChanged } from './notification.inputs.js';
import type { InboxSummary } from './notification.service.js';
import { liveInbox } from './notification.live.js';

const NotificationConnection = ConnectionType(Notification, 'Notification');

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'Thông báo của người đang đăng nhập: chưa đọc trước, mới nhất trước' })
  async myNotifications(@Args(() => InboxArgs) args: InboxArgs, @Ctx() ctx: Context) {
    const page = await ctx.services.notifications.inbox(args.first ?? DEFAULT_PAGE_SIZE, args.after);
    return {
      edges: page.items,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: !!args.after,
        startCursor: page.items[0]?.cursor ?? null,
        endCursor: page.items.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => Int, { description: 'Số thông báo chưa đọc của người đang đăng nhập' })
  unreadCount(@Ctx() ctx: Context) {
    return ctx.services.notifications.unreadCount();
  }

  @Query(() => Notification, { description: 'Một thông báo của người đang đăng nhập' })
  notification(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.notifications.get(id);
  }

  @Mutation(() => Notification, { description: 'Đánh dấu một thông báo đã đọc' })
  markRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.notifications.markRead(id);
  }

  @Mutation(() => Int, { description: 'Đánh dấu mọi thông báo đã đọc; trả về số thông báo vừa được đánh dấu' })
  markAllRead(@Ctx() ctx: Context) {
    return ctx.services.notifications.markAllRead();
  }

  @Subscription(() => NotificationsChanged, {
    description: 'Hộp thông báo của người đang đăng nhập thay đổi (qua WebSocket graphql-ws tại /graphql); gửi trạng thái hiện tại ngay khi đăng ký',
    subscribe: ({ context }) => liveInbox(context as Context),
  })
  notificationsChanged(@Root() summary: InboxSummary): InboxSummary {
    return summary;
  }

  @FieldResolver(() => Boolean)
  read(@Root() n: Lean<Notification>) {
    return !!n.readAt;
  }

  @FieldResolver(() => ID, { nullable: true })
  assignmentId(@Root() n: Lean<Notification>) {
    return n.assignment?.id ?? null;
  }

  @FieldResolver(() => Assignment, { nullable: true })
  assignment(@Root() n: Lean<Notification>, @Ctx() ctx: Context) {
    return n.assignment ? ctx.loaders.assignment.load(n.assignment.id) : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  escalationId(@Root() n: Lean<Notification>) {
    return n.escalation?.id ?? null;
  }

  @FieldResolver(() => Escalation, { nullable: true })
  escalation(@Root() n: Lean<Notification>, @Ctx() ctx: Context) {
    return n.escalation ? ctx.loaders.notificationEscalation.load(n.escalation.id) : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  letterId(@Root() n: Lean<Notification>) {
    return n.letter?.id ?? null;
  }

  @FieldResolver(() => UrgingLetter, { nullable: true })
  letter(@Root() n: Lean<Notification>, @Ctx() ctx: Context) {
    return n.letter ? ctx.loaders.notificationLetter.load(n.letter.id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Báo cáo định kỳ mà thông báo nói tới' })
  unitReportId(@Root() n: Lean<Notification>) {
    return n.unitReport?.id ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Đường dẫn trong trang quản trị tới nội dung thông báo (văn bản đôn đốc, báo cáo định kỳ, nếu không thì phân công)' })
  link(@Root() n: Lean<Notification>) {
    return notificationLink(n);
  }
}

export function notificationLink(n: Pick<Lean<Notification>, 'assignment' | 'letter' | 'unitReport'>): string | null {
  if (n.letter) return `/UrgingLetter/${n.letter.id}/show`;
  if (n.unitReport) return `/UnitReport/${n.unitReport.id}/show`;
  if (n.assignment) return `/Assignment/${n.assignment.id}/show`;
  return null;
}
