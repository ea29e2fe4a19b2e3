import { Migration } from '@mikro-orm/migrations';

/**
 * Unit reports per reporting obligation, their history, the compiled district reports, and the
 * notifications that chase reports. A unit report row exists from the moment its obligation does
 * (a trigger, so that every way obligations are written, seeder, API or bulk SQL, gets one), and the
 * existing obligations get theirs here. Only obligations sent up through an aggregating office have
 * unit reports: the aggregating office's own obligations are met by the compiled report.
 */
export class Migration20261129233250_unit_and_compiled_reports extends Migration {

  override name = 'Migration20261129233250_unit_and_compiled_reports';

  override up(): void | Promise<void> {
    this.addSql(`create type "unit_report_state" as enum ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');`);
    this.addSql(`create type "unit_report_action" as enum ('SAVE', 'SUBMIT', 'RETURN', 'ACCEPT');`);
    this.addSql(`create type "compiled_report_state" as enum ('PENDING', 'READY', 'FAILED');`);
    this.addSql(`create table "unit_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "obligation_id" uuid not null, "plan_id" uuid not null, "unit_id" uuid not null, "state" "unit_report_state" not null default 'NOT_STARTED', "results" text null, "difficulties" text null, "proposals" text null, "frozen_figures" jsonb null, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "reviewed_at" timestamptz null, "reviewed_by_id" uuid null, "review_comment" text null, "submission_count" int not null default 0, primary key ("id"));`);
    this.addSql(`alter table "unit_report" add constraint "unit_report_obligation_id_unique" unique ("obligation_id");`);
    this.addSql(`create index "unit_report_unit_id_index" on "unit_report" ("unit_id");`);
    this.addSql(`create index "unit_report_plan_id_state_index" on "unit_report" ("plan_id", "state");`);

    this.addSql(`create table "unit_report_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "report_id" uuid not null, "action" "unit_report_action" not null, "from_state" "unit_report_state" not null, "to_state" "unit_report_state" not null, "actor_id" uuid null, "comment" text null, "report_version" int not null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "unit_report_event_report_id_at_index" on "unit_report_event" ("report_id", "at");`);

    this.addSql(`create table "compiled_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "unit_id" uuid not null, "period" "report_period" not null, "due_before" date not null, "number" int not null, "state" "compiled_report_state" not null default 'PENDING', "requested_by_id" uuid null, "compiled_at" timestamptz null, "snapshot" jsonb null, "docx_key" varchar(500) null, "docx_name" varchar(255) null, "docx_size" int null, "docx_sha256" varchar(64) null, "xlsx_key" varchar(500) null, "xlsx_name" varchar(255) null, "xlsx_size" int null, "xlsx_sha256" varchar(64) null, "error" text null, primary key ("id"));`);
    this.addSql(`create index "compiled_report_state_index" on "compiled_report" ("state");`);
    this.addSql(`alter table "compiled_report" add constraint "compiled_report_plan_id_unit_id_period_due_before_number_unique" unique ("plan_id", "unit_id", "period", "due_before", "number");`);

    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_REMINDER' after 'URGING_LETTER';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_OVERDUE' after 'REPORT_REMINDER';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_SUBMITTED' after 'REPORT_OVERDUE';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_RETURNED' after 'REPORT_SUBMITTED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_ACCEPTED' after 'REPORT_RETURNED';`);
    this.addSql(`alter table "notification" add "unit_report_id" uuid null;`);
    this.addSql(`alter table "notification" add constraint "notification_unit_report_id_foreign" foreign key ("unit_report_id") references "unit_report" ("id") on delete cascade;`);
    this.addSql(`create index "notification_unit_report_id_index" on "notification" ("unit_report_id");`);

    this.addSql(`alter table "unit_report" add constraint "unit_report_obligation_id_foreign" foreign key ("obligation_id") references "reporting_obligation" ("id") on delete cascade;`);
    this.addSql(`alter table "unit_report" add constraint "unit_report_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "unit_report" add constraint "unit_report_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "unit_report" add constraint "unit_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "unit_report" add constraint "unit_report_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "unit_report_event" add constraint "unit_report_event_report_id_foreign" foreign key ("report_id") references "unit_report" ("id") on delete cascade;`);
    this.addSql(`alter table "unit_report_event" add constraint "unit_report_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "compiled_report" add constraint "compiled_report_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "compiled_report" add constraint "compiled_report_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "compiled_report" add constraint "compiled_report_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`create or replace function "reporting_obligation_reporting_obligation_unit_report_fn"() returns trigger as \$\$ begin if new.through_id is not null then
      insert into unit_report (id, created_at, updated_at, version, obligation_id, plan_id, unit_id, state, submission_count)
      values (gen_random_uuid(), now(), now(), 1, new.id, new.plan_id, new.reporter_id, 'NOT_STARTED', 0)
      on conflict (obligation_id) do nothing;     end if;     if tg_op = 'UPDATE' and new.reporter_id is distinct from old.reporter_id then
      update unit_report set unit_id = new.reporter_id, updated_at = now() where obligation_id = new.id;     end if;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "reporting_obligation_unit_report" AFTER INSERT OR UPDATE on "reporting_obligation" for each ROW execute function "reporting_obligation_reporting_obligation_unit_report_fn"();`);
    this.addSql(`insert into unit_report (id, created_at, updated_at, version, obligation_id, plan_id, unit_id, state, submission_count)
      select gen_random_uuid(), now(), now(), 1, o.id, o.plan_id, o.reporter_id, 'NOT_STARTED', 0
        from reporting_obligation o where o.through_id is not null
      on conflict (obligation_id) do nothing;`);
    // The four deadline classes for a report, as for an assignment: done once accepted, on time when the
    // accepted submission was sent before the due day ("trước ngày 30/6": the 30th is already late).
    this.addSql(`create or replace function "unit_report_deadline_class"(state "unit_report_state", submitted_at timestamptz,
        reviewed_at timestamptz, due_before date, as_of date) returns text
      language sql immutable parallel safe as $$
        select case
          when state = 'ACCEPTED' and (reviewed_at at time zone 'Asia/Ho_Chi_Minh')::date <= as_of then
            case when (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date < due_before then 'DONE_ON_TIME' else 'DONE_LATE' end
          when as_of < due_before then 'NOT_DONE_WITHIN_DEADLINE'
          else 'OVERDUE'
        end
      $$;`);
    this.addSql(`create index "reporting_obligation_through_id_index" on "reporting_obligation" ("through_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "reporting_obligation_unit_report" on "reporting_obligation";`);
    this.addSql(`drop function if exists "reporting_obligation_reporting_obligation_unit_report_fn"();`);
    this.addSql(`drop index if exists "reporting_obligation_through_id_index";`);
    this.addSql(`drop function if exists "unit_report_deadline_class"("unit_report_state", timestamptz, timestamptz, date, date);`);
    this.addSql(`alter table "unit_report_event" drop constraint "unit_report_event_report_id_foreign";`);
    this.addSql(`alter table "notification" drop constraint "notification_unit_report_id_foreign";`);

    this.addSql(`drop table if exists "unit_report" cascade;`);
    this.addSql(`drop table if exists "unit_report_event" cascade;`);
    this.addSql(`drop table if exists "compiled_report" cascade;`);

    this.addSql(`drop index "notification_unit_report_id_index";`);
    this.addSql(`alter table "notification" drop column "unit_report_id";`);

    this.addSql(`drop type "unit_report_state";`);
    this.addSql(`drop type "unit_report_action";`);
    this.addSql(`drop type "compiled_report_state";`);
  }

}
