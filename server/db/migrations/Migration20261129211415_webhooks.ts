import { Migration } from '@mikro-orm/migrations';

/** Webhooks for integrators: endpoints, one delivery per event and endpoint, and every attempt made. */
export class Migration20261129211415_webhooks extends Migration {

  override name = 'Migration20261129211415_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create type "webhook_event_type" as enum ('ASSIGNMENT_STATUS_CHANGED', 'ESCALATION_RAISED', 'EVIDENCE_ADDED');`);
    this.addSql(`create type "webhook_delivery_state" as enum ('PENDING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "url" varchar(2000) not null, "description" varchar(255) null, "events" "webhook_event_type"[] not null, "secret" varchar(100) not null, "active" boolean not null default true, "created_by_id" uuid null, primary key ("id"));`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "endpoint_id" uuid not null, "event_type" "webhook_event_type" not null, "payload" jsonb not null, "message_id" varchar(64) not null, "state" "webhook_delivery_state" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "job_id" varchar(100) not null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_pending_index" on "webhook_delivery" ("next_attempt_at") where "state" = 'PENDING';`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_index" on "webhook_delivery" ("endpoint_id", "created_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_message_id_unique" unique ("endpoint_id", "message_id");`);

    this.addSql(`create table "webhook_attempt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "delivery_id" uuid not null, "at" timestamptz not null, "status_code" int null, "error" text null, "duration_ms" int not null, primary key ("id"));`);
    this.addSql(`create index "webhook_attempt_delivery_id_index" on "webhook_attempt" ("delivery_id");`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on delete cascade;`);

    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);
    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);

    this.addSql(`drop type "webhook_event_type";`);
    this.addSql(`drop type "webhook_delivery_state";`);
  }

}
