import { Migration } from '@mikro-orm/migrations';

/**
 * Read paths measured at national scale (500,000 assignments, 5,000,000 history rows):
 * - a plan's activity feed joined every history row to its assignment (1.8 s); the history now carries
 *   its plan, and (plan_id, at desc, id desc) gives the newest entries without a sort;
 * - the last entries of each assignment needed an incremental sort on id; (assignment_id, at desc, id desc)
 *   serves the lateral "limit N" straight from the index.
 */
export class Migration20261129191000_status_change_plan extends Migration {

  override name = 'Migration20261129191000_status_change_plan';

  override up(): void | Promise<void> {
    this.addSql(`alter table "status_change" add "plan_id" uuid null;`);
    // Filling the new column is the one update the append-only history ever gets.
    this.addSql(`alter table "status_change" disable trigger "status_change_append_only";`);
    this.addSql(`update "status_change" s set "plan_id" = a."plan_id" from "assignment" a where a."id" = s."assignment_id";`);
    this.addSql(`alter table "status_change" enable trigger "status_change_append_only";`);
    this.addSql(`alter table "status_change" alter column "plan_id" set not null;`);
    this.addSql(`alter table "status_change" add constraint "status_change_plan_id_foreign" foreign key ("plan_id") references "plan" ("id");`);
    this.addSql(`create index "status_change_plan_recent_index" on "status_change" ("plan_id", "at" DESC, "id" DESC);`);
    this.addSql(`drop index "status_change_assignment_id_at_index";`);
    this.addSql(`create index "status_change_assignment_recent_index" on "status_change" ("assignment_id", "at" DESC, "id" DESC);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "status_change_assignment_recent_index";`);
    this.addSql(`create index "status_change_assignment_id_at_index" on "status_change" ("assignment_id", "at");`);
    this.addSql(`drop index "status_change_plan_recent_index";`);
    this.addSql(`alter table "status_change" drop constraint "status_change_plan_id_foreign";`);
    this.addSql(`alter table "status_change" drop column "plan_id";`);
  }

}
