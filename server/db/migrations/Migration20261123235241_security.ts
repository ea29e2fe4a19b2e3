import { Migration } from '@mikro-orm/migrations';

export class Migration20261123235241_security extends Migration {

  override name = 'Migration20261123235241_security';

  override up(): void | Promise<void> {
    this.addSql(`create type "api_token_scope" as enum ('READ', 'READ_WRITE');`);
    this.addSql(`create type "audit_action" as enum ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'SIGN_OUT', 'TOKEN_CREATED', 'TOKEN_REVOKED', 'USER_CREATED', 'USER_DISABLED', 'USER_ENABLED', 'ROLE_CHANGED', 'UNIT_CHANGED', 'PASSWORD_CHANGED');`);
    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" varchar(120) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "unit_id" uuid not null, "scope" "api_token_scope" not null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "created_by_id" uuid not null, primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_token_unit_id_index" on "api_token" ("unit_id");`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "at" timestamptz not null, "action" "audit_action" not null, "actor_id" uuid null, "actor_token_id" uuid null, "subject_user_id" uuid null, "subject_token_id" uuid null, "username" varchar(64) null, "address" varchar(64) null, "details" jsonb null, primary key ("id"));`);
    this.addSql(`create index "audit_event_subject_user_id_index" on "audit_event" ("subject_user_id");`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);

    this.addSql(`alter table "api_token" add constraint "api_token_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete no action;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete no action;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_token_id_foreign" foreign key ("actor_token_id") references "api_token" ("id") on delete no action;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_subject_user_id_foreign" foreign key ("subject_user_id") references "app_user" ("id") on delete no action;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_subject_token_id_foreign" foreign key ("subject_token_id") references "api_token" ("id") on delete no action;`);
    this.addSql(`create or replace function "audit_event_audit_event_append_only_fn"() returns trigger as \$\$ begin raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_event_append_only" BEFORE UPDATE OR DELETE on "audit_event" for each ROW execute function "audit_event_audit_event_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint "audit_event_actor_token_id_foreign";`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_subject_token_id_foreign";`);

    this.addSql(`drop table if exists "api_token" cascade;`);
    this.addSql(`drop trigger if exists "audit_event_append_only" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_audit_event_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop type "api_token_scope";`);
    this.addSql(`drop type "audit_action";`);
  }

}
