import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../shared/pagination.js';
import { Notification } from './notification.entity.js';

@ArgsType()
export class InboxArgs {
  @Field(() => Int, { nullable: true, description: `Số thông báo (mặc định ${DEFAULT_PAGE_SIZE}, tối đa ${MAX_PAGE_SIZE})` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Con trỏ endCursor của trang trước' })
  @IsOptional()
  @MaxLength(100)
  after?: string;
}

@ObjectType({ description: 'Hộp thông báo vừa thay đổi: số chưa đọc và thông báo mới nhất' })
export class NotificationsChanged {
  @Field(() => Int)
  unreadCount: number;

  @Field(() => Notification, { nullable: true, description: 'Thông báo mới nhất (đã đọc hay chưa); trống nếu hộp thư rỗng' })
  notification: Notification | null;
}
