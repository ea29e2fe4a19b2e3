import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { AssignmentRole, AssignmentScope, AssignmentStatus } from './assignment.entity.js';
import { DeadlineClass } from './deadline.js';
import { AssignmentAction } from './status-change.entity.js';

@InputType({ description: 'Bộ lọc phân công' })
export class AssignmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  planId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  taskId?: string;

  @Field(() => [AssignmentStatus], { nullable: true })
  @IsOptional()
  status?: AssignmentStatus[];

  @Field(() => AssignmentRole, { nullable: true })
  @IsOptional()
  role?: AssignmentRole;

  @Field(() => AssignmentScope, { nullable: true })
  @IsOptional()
  scope?: AssignmentScope;

  @Field(() => DeadlineClass, { nullable: true, description: 'Phân loại theo hạn, tính tại ngày asOf (mặc định hôm nay)' })
  @IsOptional()
  deadlineClass?: DeadlineClass;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày tính phân loại theo hạn' })
  @IsOptional()
  asOf?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Hạn trước hoặc bằng ngày này' })
  @IsOptional()
  dueBefore?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Hạn sau hoặc bằng ngày này' })
  @IsOptional()
  dueAfter?: string;
}

@ArgsType()
export class CreateAssignmentArgs {
  @Field(() => ID)
  taskId: string;

  @Field(() => ID)
  unitId: string;

  @Field(() => AssignmentRole)
  role: AssignmentRole;

  @Field(() => AssignmentScope, { nullable: true, description: 'Mặc định DISTRICT; OWN_FACILITIES chỉ dành cho vai trò chủ trì (LEAD)' })
  @IsOptional()
  scope?: AssignmentScope;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu' })
  @IsOptional()
  @MaxLength(2000)
  assumption?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Mặc định là hạn của nhiệm vụ' })
  @IsOptional()
  dueDate?: string;
}

/** What react-admin's edit form sends: the unit's progress report, or the deadline for ADMIN. */
@ArgsType()
export class UpdateAssignmentArgs extends VersionedArgs {
  @Field(() => Int, { nullable: true, description: 'Tiến độ 0–100 (%)' })
  @IsOptional()
  @Min(0)
  @Max(100)
  progress?: number;

  @Field(() => String, { nullable: true, description: 'Ghi chú tiến độ' })
  @IsOptional()
  @MaxLength(4000)
  note?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Hạn (chỉ quản trị)' })
  @IsOptional()
  dueDate?: string;

  @Field(() => AssignmentRole, { nullable: true, description: 'Vai trò (chỉ quản trị)' })
  @IsOptional()
  role?: AssignmentRole;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu (chỉ quản trị)' })
  @IsOptional()
  @MaxLength(2000)
  assumption?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Lý do thay đổi; bắt buộc khi quản trị sửa hạn, vai trò hoặc giả định. Ghi vào lịch sử của phân công.',
  })
  @IsOptional()
  @MaxLength(2000)
  reason?: string;
}

@ArgsType()
export class ReassignAssignmentArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc; phiên bản cũ bị từ chối với mã CONFLICT' })
  version: number;

  @Field(() => ID, { description: 'Đơn vị nhận phân công' })
  unitId: string;

  @Field(() => String, { description: 'Lý do chuyển đơn vị (bắt buộc)' })
  @MaxLength(2000)
  reason: string;
}

@ArgsType()
export class TransitionAssignmentArgs {
  @Field(() => ID)
  id: string;

  @Field(() => AssignmentAction, { description: 'START, SUBMIT, BLOCK, UNBLOCK, VERIFY, RETURN hoặc CANCEL' })
  action: AssignmentAction;

  @Field(() => Int, { description: 'Phiên bản đã đọc' })
  version: number;

  @Field(() => String, { nullable: true, description: 'Ý kiến; bắt buộc khi trả lại, báo vướng mắc, hủy' })
  @IsOptional()
  @MaxLength(4000)
  comment?: string;
}
