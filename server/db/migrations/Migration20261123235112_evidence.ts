import { Migration } from '@mikro-orm/migrations';

/** Evidence (minh chứng): uploaded files proving work, owned by an assignment (or later another owner kind). */
export class Migration20261123235112_evidence extends Migration {

  override name = 'Migration20261123235112_evidence';

  override up(): void | Promise<void> {
    this.addSql(`create type "evidence_owner_kind" as enum ('ASSIGNMENT', 'INDICATOR_VALUE', 'REPORT');`);
    this.addSql(`create table "evidence" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "owner_kind" "evidence_owner_kind" not null, "owner_id" uuid not null, "unit_id" uuid not null, "uploaded_by_id" uuid null, "uploaded_at" timestamptz not null, "original_name" varchar(255) not null, "description" text null, "size" int not null, "content_type" varchar(120) not null, "detected_extension" varchar(16) not null, "sha256" varchar(64) not null, "storage_key" varchar(200) not null, "hidden_at" timestamptz null, "hidden_by_id" uuid null, "hidden_reason" text null, primary key ("id"));`);
    this.addSql(`create index "evidence_unit_id_index" on "evidence" ("unit_id");`);
    this.addSql(`create index "evidence_owner_kind_owner_id_index" on "evidence" ("owner_kind", "owner_id");`);
    this.addSql(`create unique index "evidence_owner_sha256_visible_unique" on "evidence" ("owner_kind", "owner_id", "sha256") where "hidden_at" is null;`);

    this.addSql(`alter table "evidence" add constraint "evidence_unit_id_foreign" foreign key ("unit_id") references "unit" ("id");`);
    this.addSql(`alter table "evidence" add constraint "evidence_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on delete no action;`);
    this.addSql(`alter table "evidence" add constraint "evidence_hidden_by_id_foreign" foreign key ("hidden_by_id") references "app_user" ("id") on delete no action;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "evidence" cascade;`);
    this.addSql(`drop type "evidence_owner_kind";`);
  }

}
