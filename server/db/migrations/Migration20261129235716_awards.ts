import { Migration } from '@mikro-orm/migrations';

/** Award criteria per plan, nominations with their history, evaluation runs and the leader's decisions. */
export class Migration20261129235716_awards extends Migration {

  override name = 'Migration20261129235716_awards';

  override up(): void | Promise<void> {
    this.addSql(`create type "award_evaluation_state" as enum ('RUNNING', 'DONE', 'FAILED');`);
    this.addSql(`create type "nomination_kind" as enum ('FACILITY', 'UNIT');`);
    this.addSql(`create type "nomination_state" as enum ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN');`);
    this.addSql(`create type "nomination_source" as enum ('AUTOMATIC', 'MANUAL');`);
    this.addSql(`create type "nomination_action" as enum ('PROPOSE', 'REEVALUATE', 'APPROVE', 'REJECT', 'WITHDRAW');`);
    this.addSql(`create table "award_criteria" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "facility_platform_weight" int not null, "facility_cashless_weight" int not null, "facility_cashless_share_percent" double precision not null, "facility_cashless_share_weight" int not null, "facility_focal_person_weight" int not null, "facility_evidence_weight" int not null, "unit_on_time_tolerance_days" int not null, "unit_on_time_weight" int not null, "unit_reports_weight" int not null, "unit_max_escalation_level" int not null, "unit_escalation_weight" int not null, "min_score_percent" double precision not null, "max_facility_nominations" int not null, "max_unit_nominations" int not null, primary key ("id"));`);
    this.addSql(`alter table "award_criteria" add constraint "award_criteria_plan_id_unique" unique ("plan_id");`);

    this.addSql(`create table "award_evaluation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "period_end" date not null, "state" "award_evaluation_state" not null default 'RUNNING', "requested_by_id" uuid null, "evaluated" int not null default 0, "qualified" int not null default 0, "nominated" int not null default 0, "updated" int not null default 0, "withdrawn" int not null default 0, "finished_at" timestamptz null, "error" text null, primary key ("id"));`);
    this.addSql(`create index "award_evaluation_plan_id_period_end_index" on "award_evaluation" ("plan_id", "period_end");`);

    this.addSql(`create table "award_decision" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "period_end" date not null, "number" varchar(80) not null, "decision_date" date not null, "approved_by_id" uuid null, "storage_key" varchar(500) null, "file_name" varchar(255) null, "byte_size" int null, primary key ("id"));`);

    this.addSql(`create table "award_nomination" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "period" "report_period" not null, "period_end" date not null, "kind" "nomination_kind" not null, "facility_id" uuid null, "unit_id" uuid not null, "candidate_key" uuid not null, "state" "nomination_state" not null default 'PROPOSED', "source" "nomination_source" not null, "score" double precision null, "rank" int null, "criteria" jsonb not null, "achievement" text not null, "reason" text null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decision_comment" text null, "decision_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "award_nomination_unit_id_index" on "award_nomination" ("unit_id");`);
    this.addSql(`create index "award_nomination_plan_id_period_end_state_index" on "award_nomination" ("plan_id", "period_end", "state");`);
    this.addSql(`alter table "award_nomination" add constraint "award_nomination_plan_id_period_end_candidate_key_unique" unique ("plan_id", "period_end", "candidate_key");`);

    this.addSql(`create table "award_nomination_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "nomination_id" uuid not null, "action" "nomination_action" not null, "from_state" "nomination_state" null, "to_state" "nomination_state" not null, "actor_id" uuid null, "comment" text null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "award_nomination_event_nomination_id_at_index" on "award_nomination_event" ("nomination_id", "at");`);

    this.addSql(`alter table "award_criteria" add constraint "award_criteria_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);

    this.addSql(`alter table "award_evaluation" add constraint "award_evaluation_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "award_evaluation" add constraint "award_evaluation_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "award_decision" add constraint "award_decision_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "award_decision" add constraint "award_decision_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "award_nomination" add constraint "award_nomination_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "award_nomination" add constraint "award_nomination_facility_id_foreign" foreign key ("facility_id") references "facility" ("id") on delete cascade;`);
    this.addSql(`alter table "award_nomination" add constraint "award_nomination_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on delete cascade;`);
    this.addSql(`alter table "award_nomination" add constraint "award_nomination_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "award_nomination" add constraint "award_nomination_decision_id_foreign" foreign key ("decision_id") references "award_decision" ("id") on delete set null;`);

    this.addSql(`alter table "award_nomination_event" add constraint "award_nomination_event_nomination_id_foreign" foreign key ("nomination_id") references "award_nomination" ("id") on delete cascade;`);
    this.addSql(`alter table "award_nomination_event" add constraint "award_nomination_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "award_nomination" drop constraint "award_nomination_decision_id_foreign";`);
    this.addSql(`alter table "award_nomination_event" drop constraint "award_nomination_event_nomination_id_foreign";`);

    this.addSql(`drop table if exists "award_criteria" cascade;`);
    this.addSql(`drop table if exists "award_evaluation" cascade;`);
    this.addSql(`drop table if exists "award_decision" cascade;`);
    this.addSql(`drop table if exists "award_nomination" cascade;`);
    this.addSql(`drop table if exists "award_nomination_event" cascade;`);

    this.addSql(`drop type "award_evaluation_state";`);
    this.addSql(`drop type "nomination_kind";`);
    this.addSql(`drop type "nomination_state";`);
    this.addSql(`drop type "nomination_source";`);
    this.addSql(`drop type "nomination_action";`);

  }

}
