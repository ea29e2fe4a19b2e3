import { Migration } from '@mikro-orm/migrations';

/**
 * Deadlines that act: the working-day calendar, per-plan escalation settings, escalation records, urging
 * letters, the e-mail outbox and the per-user inbox that replaces the unit-wide reminders.
 */
export class Migration20261129210504_escalation extends Migration {

  override name = 'Migration20261129210504_escalation';

  override up(): void | Promise<void> {
    this.addSql(`create type "calendar_day_kind" as enum ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY');`);
    this.addSql(`create type "escalation_kind" as enum ('OVERDUE', 'REVIEW');`);
    this.addSql(`create type "escalation_state" as enum ('OPEN', 'RESOLVED');`);
    this.addSql(`create type "urging_letter_state" as enum ('PENDING', 'READY', 'FAILED');`);
    this.addSql(`create type "outbox_state" as enum ('PENDING', 'SENT', 'FAILED');`);
    this.addSql(`create table "calendar_day" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "day" date not null, "kind" "calendar_day_kind" not null, "name" varchar(255) not null, "source" varchar(255) null, primary key ("id"));`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_day_unique" unique ("day");`);

    this.addSql(`create table "escalation_policy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "enabled" boolean not null default true, "reminder_days" int[] not null, "level1_after" int not null default 1, "level2_after" int not null default 3, "level3_after" int not null default 7, "repeat_every" int not null default 7, "review_after" int not null default 3, "review_leader_after" int not null default 6, "auto_letter" boolean not null default true, "coordinator_unit_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "escalation_policy" add constraint "escalation_policy_plan_id_unique" unique ("plan_id");`);

    this.addSql(`create table "escalation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "assignment_id" uuid not null, "unit_id" uuid not null, "kind" "escalation_kind" not null, "level" smallint not null, "round" smallint not null default 0, "basis" date not null, "working_days_late" int not null, "raised_at" timestamptz not null, "recipient_ids" uuid[] not null, "recipient_label" varchar(255) not null, "state" "escalation_state" not null default 'OPEN', "resolved_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "escalation_assignment_id_index" on "escalation" ("assignment_id");`);
    this.addSql(`create index "escalation_plan_id_state_index" on "escalation" ("plan_id", "state");`);
    this.addSql(`alter table "escalation" add constraint "escalation_assignment_id_kind_basis_level_round_unique" unique ("assignment_id", "kind", "basis", "level", "round");`);

    this.addSql(`create table "urging_letter" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "unit_id" uuid not null, "requested_by_id" uuid null, "automatic" boolean not null default false, "day" date not null, "state" "urging_letter_state" not null default 'PENDING', "assignment_ids" uuid[] not null, "assignment_count" int not null default 0, "storage_key" varchar(500) null, "file_name" varchar(255) null, "byte_size" int null, "generated_at" timestamptz null, "error" text null, "dedupe_key" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "urging_letter_plan_id_unit_id_index" on "urging_letter" ("plan_id", "unit_id");`);
    this.addSql(`alter table "urging_letter" add constraint "urging_letter_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`create table "outbox_email" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "user_id" uuid null, "to_address" varchar(320) not null, "subject" varchar(255) not null, "text" text not null, "html" text null, "dedupe_key" varchar(200) not null, "state" "outbox_state" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "outbox_email_pending_index" on "outbox_email" ("next_attempt_at") where "state" = 'PENDING';`);
    this.addSql(`alter table "outbox_email" add constraint "outbox_email_dedupe_key_unique" unique ("dedupe_key");`);


    this.addSql(`alter table "app_user" add "email" varchar(320) null;`);

    this.addSql(`alter type "assignment_action" add value if not exists 'URGE' after 'REMOVE_EVIDENCE';`);

    this.addSql(`drop index "notification_unit_id_index";`);

    this.addSql(`alter table "escalation_policy" add constraint "escalation_policy_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "escalation_policy" add constraint "escalation_policy_coordinator_unit_id_foreign" foreign key ("coordinator_unit_id") references "unit" ("id") on delete set null;`);
    this.addSql(`alter table "escalation_policy" add constraint "escalation_policy_positive" check (repeat_every >= 1 and review_after >= 1 and review_leader_after >= review_after);`);
    this.addSql(`alter table "escalation_policy" add constraint "escalation_policy_ladder_order" check (level1_after >= 1 and level1_after <= level2_after and level2_after <= level3_after);`);

    this.addSql(`alter table "escalation" add constraint "escalation_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "escalation" add constraint "escalation_assignment_id_foreign" foreign key ("assignment_id") references "assignment" ("id") on delete cascade;`);
    this.addSql(`alter table "escalation" add constraint "escalation_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "escalation" add constraint "escalation_level_range" check (level >= 1 and level <= 3 and round >= 0);`);

    this.addSql(`alter table "urging_letter" add constraint "urging_letter_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "urging_letter" add constraint "urging_letter_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "urging_letter" add constraint "urging_letter_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete set null;`);

    // The old unit-wide reminders were never shown anywhere; notifications are now one user's inbox.
    this.addSql(`drop table "notification";`);
    this.addSql(`drop type "notification_kind";`);
    this.addSql(`create type "notification_kind" as enum ('REMINDER', 'ESCALATION', 'REVIEW_ESCALATION', 'RETURNED', 'VERIFIED', 'SUBMITTED', 'URGING_LETTER');`);
    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "user_id" uuid not null, "kind" "notification_kind" not null, "title" varchar(255) not null, "body" text not null, "day" date not null, "urgent" boolean not null default false, "assignment_id" uuid null, "escalation_id" uuid null, "letter_id" uuid null, "dedupe_key" varchar(200) not null, "read_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "notification" add constraint "notification_user_id_dedupe_key_unique" unique ("user_id", "dedupe_key");`);
    this.addSql(`create index "notification_inbox_index" on "notification" ("user_id", ("read_at" is null) desc, "created_at" desc, "id" desc);`);
    this.addSql(`create index "notification_unread_index" on "notification" ("user_id") where "read_at" is null;`);
    this.addSql(`create index "notification_assignment_id_index" on "notification" ("assignment_id");`);
    this.addSql(`alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_assignment_id_foreign" foreign key ("assignment_id") references "assignment" ("id") on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_escalation_id_foreign" foreign key ("escalation_id") references "escalation" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_letter_id_foreign" foreign key ("letter_id") references "urging_letter" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    throw new Error('This migration cannot be reverted: the old notification table is gone.');
  }

}
