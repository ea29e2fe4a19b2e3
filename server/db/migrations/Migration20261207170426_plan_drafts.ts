import { Migration } from '@mikro-orm/migrations';

/** Plans read from their documents and waiting for review (server/modules/plan-import/plan-draft.entity.ts). */
export class Migration20261207170426_plan_drafts extends Migration {

  override name = 'Migration20261207170426_plan_drafts';

  override up(): void | Promise<void> {
    this.addSql(`create type "plan_draft_state" as enum ('DRAFT', 'ACTIVATED', 'DISCARDED');`);
    this.addSql(`create type "plan_source_format" as enum ('TEXT', 'TXT', 'DOCX', 'PDF');`);
    this.addSql(`create table "plan_draft" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "state" "plan_draft_state" not null default 'DRAFT', "source_name" varchar(255) null, "source_format" "plan_source_format" not null, "source_text" text not null, "code" varchar(80) not null, "title" text not null, "content" jsonb not null, "created_by_id" uuid null, "activated_plan_id" uuid null, "activated_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "plan_draft_state_created_at_index" on "plan_draft" ("state", "created_at");`);

    this.addSql(`alter table "plan_draft" add constraint "plan_draft_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "plan_draft" add constraint "plan_draft_activated_plan_id_foreign" foreign key ("activated_plan_id") references "plan" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "plan_draft" cascade;`);

    this.addSql(`drop type "plan_draft_state";`);
    this.addSql(`drop type "plan_source_format";`);
  }

}
