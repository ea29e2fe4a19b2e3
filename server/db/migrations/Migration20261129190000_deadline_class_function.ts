import { Migration } from '@mikro-orm/migrations';

/**
 * The four deadline classes as one SQL definition, for lists, filters and aggregates alike; it mirrors
 * deadlineClass() in server/modules/assignments/deadline.ts, and a test keeps the two equal.
 * A single-expression SQL function over the row: the planner inlines it, so it costs what the
 * expression costs. Immutable holds because the zone is fixed (Vietnam has no daylight saving).
 */
export class Migration20261129190000_deadline_class_function extends Migration {

  override name = 'Migration20261129190000_deadline_class_function';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "assignment_deadline_class"(a "assignment", as_of date) returns text
      language sql immutable parallel safe as $$
        select case
          when a.status = 'CANCELLED' then null
          when a.status = 'DONE' and (a.completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= as_of then
            case when (coalesce(a.submitted_at, a.completed_at) at time zone 'Asia/Ho_Chi_Minh')::date <= a.due_date
                 then 'DONE_ON_TIME' else 'DONE_LATE' end
          when as_of <= a.due_date then 'NOT_DONE_WITHIN_DEADLINE'
          else 'OVERDUE'
        end
      $$;`);
    this.addSql(`comment on function "assignment_deadline_class"("assignment", date) is 'Phân loại theo hạn tại ngày as_of (giờ Việt Nam); null nếu đã hủy';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists "assignment_deadline_class"("assignment", date);`);
  }

}
