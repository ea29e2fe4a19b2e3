import { Migration } from '@mikro-orm/migrations';

export class Migration20261123233542_initial extends Migration {

  override name = 'Migration20261123233542_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "plan_status" as enum ('DRAFT', 'ACTIVE', 'CLOSED');`);
    this.addSql(`create type "sector" as enum ('EDUCATION', 'HEALTH', 'EDUCATION_AND_HEALTH');`);
    this.addSql(`create type "target_metric" as enum ('FACILITIES_USING_DIGITAL_PLATFORM', 'FACILITIES_ACCEPTING_CASHLESS', 'CASHLESS_TRANSACTION_SHARE');`);
    this.addSql(`create type "comparator" as enum ('AT_LEAST', 'MORE_THAN');`);
    this.addSql(`create type "unit_kind" as enum ('LEADERSHIP', 'OFFICE', 'CENTRE', 'COMMUNE', 'TOWNSHIP', 'ENTERPRISE', 'BANK', 'PROVINCIAL_DEPARTMENT');`);
    this.addSql(`create type "report_period" as enum ('SIX_MONTH', 'ANNUAL');`);
    this.addSql(`create type "facility_sector" as enum ('EDUCATION', 'HEALTH');`);
    this.addSql(`create type "facility_level" as enum ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'DISTRICT_HOSPITAL', 'PROVINCIAL_HOSPITAL', 'HEALTH_STATION');`);
    this.addSql(`create type "assignment_role" as enum ('LEAD', 'COORDINATE');`);
    this.addSql(`create type "assignment_status" as enum ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'DONE', 'BLOCKED', 'CANCELLED');`);
    this.addSql(`create type "notification_kind" as enum ('DUE_SOON', 'OVERDUE');`);
    this.addSql(`create type "user_role" as enum ('ADMIN', 'LEADER', 'COORDINATOR', 'UNIT_HEAD', 'OFFICER', 'VIEWER');`);
    this.addSql(`create type "assignment_action" as enum ('START', 'SUBMIT', 'VERIFY', 'RETURN', 'BLOCK', 'UNBLOCK', 'CANCEL', 'UPDATE_PROGRESS');`);
    this.addSql(`create table "plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(80) not null, "number" varchar(80) null, "title" text not null, "issuing_body" varchar(255) not null, "issue_date" date null, "issue_place_and_date" varchar(120) null, "signer_name" varchar(120) null, "signer_title" varchar(120) null, "parent_id" uuid null, "period_start" date null, "period_end" date null, "status" "plan_status" not null default 'DRAFT', "source_text" text null, primary key ("id"));`);
    this.addSql(`alter table "plan" add constraint "plan_code_unique" unique ("code");`);

    this.addSql(`create table "target" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "code" varchar(20) not null, "title" text not null, "sector" "sector" not null, "metric" "target_metric" not null, "comparator" "comparator" not null, "threshold_percent" double precision not null, "deadline" date not null, primary key ("id"));`);
    this.addSql(`alter table "target" add constraint "target_plan_id_code_unique" unique ("plan_id", "code");`);

    this.addSql(`create table "task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "parent_id" uuid null, "number" varchar(20) not null, "position" int not null, "title" text not null, "description" text null, "due_date" date null, primary key ("id"));`);
    this.addSql(`alter table "task" add constraint "task_plan_id_number_unique" unique ("plan_id", "number");`);

    this.addSql(`create table "unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(40) not null, "name" varchar(255) not null, "short_name" varchar(80) null, "kind" "unit_kind" not null, "parent_id" uuid null, "reports_through_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "unit" add constraint "unit_code_unique" unique ("code");`);

    this.addSql(`create table "reporting_obligation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "reporter_id" uuid not null, "recipient_id" uuid not null, "through_id" uuid null, "period" "report_period" not null, "subject" text not null, "due_before" date not null, primary key ("id"));`);
    this.addSql(`alter table "reporting_obligation" add constraint "reporting_obligation_plan_id_reporter_id_recipien_90896_unique" unique ("plan_id", "reporter_id", "recipient_id", "period", "due_before");`);

    this.addSql(`create table "facility" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(60) not null, "name" varchar(255) not null, "commune_id" uuid not null, "sector" "facility_sector" not null, "level" "facility_level" not null, "is_demo" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "facility" add constraint "facility_code_unique" unique ("code");`);
    this.addSql(`create index "facility_commune_id_index" on "facility" ("commune_id");`);

    this.addSql(`create table "indicator_value" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "facility_id" uuid not null, "as_of" date not null, "uses_digital_platform" boolean not null, "platforms" text[] not null, "accepts_cashless" boolean not null, "cashless_transactions" int null, "total_transactions" int null, primary key ("id"));`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_facility_id_as_of_unique" unique ("facility_id", "as_of");`);

    this.addSql(`create table "assignment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "task_id" uuid not null, "unit_id" uuid not null, "role" "assignment_role" not null, "status" "assignment_status" not null default 'NOT_STARTED', "progress" int not null default 0, "note" text null, "blocked_reason" text null, "due_date" date not null, "started_at" timestamptz null, "submitted_at" timestamptz null, "completed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "assignment_plan_id_index" on "assignment" ("plan_id");`);
    this.addSql(`create index "assignment_unit_id_index" on "assignment" ("unit_id");`);
    this.addSql(`create index "assignment_due_date_index" on "assignment" ("due_date");`);
    this.addSql(`alter table "assignment" add constraint "assignment_task_id_unit_id_unique" unique ("task_id", "unit_id");`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "unit_id" uuid not null, "assignment_id" uuid not null, "kind" "notification_kind" not null, "day" date not null, "message" text not null, primary key ("id"));`);
    this.addSql(`create index "notification_unit_id_index" on "notification" ("unit_id");`);
    this.addSql(`alter table "notification" add constraint "notification_assignment_id_kind_day_unique" unique ("assignment_id", "kind", "day");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "username" varchar(64) not null, "full_name" varchar(255) not null, "password_hash" varchar(255) not null, "role" "user_role" not null, "unit_id" uuid not null, "active" boolean not null default true, "is_demo" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(`create table "status_change" ("id" uuid not null, "assignment_id" uuid not null, "actor_id" uuid null, "action" "assignment_action" not null, "from_status" "assignment_status" not null, "to_status" "assignment_status" not null, "progress" int not null, "comment" text null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "status_change_assignment_id_at_index" on "status_change" ("assignment_id", "at");`);

    this.addSql(`create table "session" ("token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("token_hash"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`alter table "plan" add constraint "plan_parent_id_foreign" foreign key ("parent_id") references "plan" ("id") on delete set null;`);

    this.addSql(`alter table "target" add constraint "target_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);

    this.addSql(`alter table "task" add constraint "task_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "task" add constraint "task_parent_id_foreign" foreign key ("parent_id") references "task" ("id") on delete cascade;`);

    this.addSql(`alter table "unit" add constraint "unit_parent_id_foreign" foreign key ("parent_id") references "unit" ("id") on delete set null;`);
    this.addSql(`alter table "unit" add constraint "unit_reports_through_id_foreign" foreign key ("reports_through_id") references "unit" ("id") on delete set null;`);

    this.addSql(`alter table "reporting_obligation" add constraint "reporting_obligation_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "reporting_obligation" add constraint "reporting_obligation_reporter_id_foreign" foreign key ("reporter_id") references "unit" ("id");`);
    this.addSql(`alter table "reporting_obligation" add constraint "reporting_obligation_recipient_id_foreign" foreign key ("recipient_id") references "unit" ("id");`);
    this.addSql(`alter table "reporting_obligation" add constraint "reporting_obligation_through_id_foreign" foreign key ("through_id") references "unit" ("id") on delete set null;`);

    this.addSql(`alter table "facility" add constraint "facility_commune_id_foreign" foreign key ("commune_id") references "unit" ("id");`);

    this.addSql(`alter table "indicator_value" add constraint "indicator_value_facility_id_foreign" foreign key ("facility_id") references "facility" ("id") on delete cascade;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_transactions_consistent" check (cashless_transactions is null or total_transactions is null or cashless_transactions <= total_transactions);`);

    this.addSql(`alter table "assignment" add constraint "assignment_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "assignment" add constraint "assignment_task_id_foreign" foreign key ("task_id") references "task" ("id") on delete cascade;`);
    this.addSql(`alter table "assignment" add constraint "assignment_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "assignment" add constraint "assignment_progress_range" check (progress >= 0 and progress <= 100);`);

    this.addSql(`alter table "notification" add constraint "notification_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "notification" add constraint "notification_assignment_id_foreign" foreign key ("assignment_id") references "assignment" ("id");`);

    this.addSql(`alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);

    this.addSql(`alter table "status_change" add constraint "status_change_assignment_id_foreign" foreign key ("assignment_id") references "assignment" ("id");`);
    this.addSql(`alter table "status_change" add constraint "status_change_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete no action;`);
    this.addSql(`create or replace function "status_change_status_change_append_only_fn"() returns trigger as \$\$ begin raise exception 'status_change is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "status_change_append_only" BEFORE UPDATE OR DELETE on "status_change" for each ROW execute function "status_change_status_change_append_only_fn"();`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "plan" drop constraint "plan_parent_id_foreign";`);
    this.addSql(`alter table "target" drop constraint "target_plan_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_plan_id_foreign";`);
    this.addSql(`alter table "reporting_obligation" drop constraint "reporting_obligation_plan_id_foreign";`);
    this.addSql(`alter table "assignment" drop constraint "assignment_plan_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_parent_id_foreign";`);
    this.addSql(`alter table "assignment" drop constraint "assignment_task_id_foreign";`);
    this.addSql(`alter table "unit" drop constraint "unit_parent_id_foreign";`);
    this.addSql(`alter table "unit" drop constraint "unit_reports_through_id_foreign";`);
    this.addSql(`alter table "reporting_obligation" drop constraint "reporting_obligation_reporter_id_foreign";`);
    this.addSql(`alter table "reporting_obligation" drop constraint "reporting_obligation_recipient_id_foreign";`);
    this.addSql(`alter table "reporting_obligation" drop constraint "reporting_obligation_through_id_foreign";`);
    this.addSql(`alter table "facility" drop constraint "facility_commune_id_foreign";`);
    this.addSql(`alter table "assignment" drop constraint "assignment_unit_id_foreign";`);
    this.addSql(`alter table "notification" drop constraint "notification_unit_id_foreign";`);
    this.addSql(`alter table "app_user" drop constraint "app_user_unit_id_foreign";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_facility_id_foreign";`);
    this.addSql(`alter table "notification" drop constraint "notification_assignment_id_foreign";`);
    this.addSql(`alter table "status_change" drop constraint "status_change_assignment_id_foreign";`);
    this.addSql(`alter table "status_change" drop constraint "status_change_actor_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`drop table if exists "plan" cascade;`);
    this.addSql(`drop table if exists "target" cascade;`);
    this.addSql(`drop table if exists "task" cascade;`);
    this.addSql(`drop table if exists "unit" cascade;`);
    this.addSql(`drop table if exists "reporting_obligation" cascade;`);
    this.addSql(`drop table if exists "facility" cascade;`);
    this.addSql(`drop table if exists "indicator_value" cascade;`);
    this.addSql(`drop table if exists "assignment" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop trigger if exists "status_change_append_only" on "status_change";`);
    this.addSql(`drop function if exists "status_change_status_change_append_only_fn"();`);
    this.addSql(`drop table if exists "status_change" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop type "plan_status";`);
    this.addSql(`drop type "sector";`);
    this.addSql(`drop type "target_metric";`);
    this.addSql(`drop type "comparator";`);
    this.addSql(`drop type "unit_kind";`);
    this.addSql(`drop type "report_period";`);
    this.addSql(`drop type "facility_sector";`);
    this.addSql(`drop type "facility_level";`);
    this.addSql(`drop type "assignment_role";`);
    this.addSql(`drop type "assignment_status";`);
    this.addSql(`drop type "notification_kind";`);
    this.addSql(`drop type "user_role";`);
    this.addSql(`drop type "assignment_action";`);
  }

}
