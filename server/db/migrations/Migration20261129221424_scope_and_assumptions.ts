import { Migration } from '@mikro-orm/migrations';

export class Migration20261129221424_scope_and_assumptions extends Migration {

  override name = 'Migration20261129221424_scope_and_assumptions';

  override up(): void | Promise<void> {
    this.addSql(`create type "assignment_scope" as enum ('DISTRICT', 'OWN_FACILITIES');`);
    this.addSql(`alter table "plan" add "assumption" text null;`);

    this.addSql(`alter table "target" add "facility_levels" "facility_level"[] null, add "not_applicable_reason" text null, add "note" text null;`);
    // Until now a target over both sectors counted the schools and the hospitals (district and provincial)
    // by a rule in code; that rule becomes these targets' data so their values do not change.
    this.addSql(`update "target" set "facility_levels" = '{PRESCHOOL,PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY,DISTRICT_HOSPITAL,PROVINCIAL_HOSPITAL}' where "sector" = 'EDUCATION_AND_HEALTH';`);

    this.addSql(`alter table "task" add "assumption" text null;`);

    this.addSql(`alter table "unit" add "assumption" text null;`);

    this.addSql(`alter table "assignment" drop constraint "assignment_task_id_unit_id_unique";`);
    this.addSql(`alter table "assignment" add "scope" "assignment_scope" not null default 'DISTRICT', add "assumption" text null;`);
    this.addSql(`alter table "assignment" add constraint "assignment_task_id_unit_id_scope_unique" unique ("task_id", "unit_id", "scope");`);
    this.addSql(`alter table "assignment" add constraint "assignment_own_facilities_lead" check (scope = 'DISTRICT' or role = 'LEAD');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "assignment" drop constraint "assignment_task_id_unit_id_scope_unique";`);
    this.addSql(`alter table "assignment" drop constraint "assignment_own_facilities_lead";`);
    this.addSql(`alter table "assignment" drop column "scope", drop column "assumption";`);
    this.addSql(`alter table "assignment" add constraint "assignment_task_id_unit_id_unique" unique ("task_id", "unit_id");`);

    this.addSql(`alter table "plan" drop column "assumption";`);

    this.addSql(`alter table "target" drop column "facility_levels", drop column "not_applicable_reason", drop column "note";`);

    this.addSql(`alter table "task" drop column "assumption";`);

    this.addSql(`alter table "unit" drop column "assumption";`);

    this.addSql(`drop type "assignment_scope";`);
  }

}
