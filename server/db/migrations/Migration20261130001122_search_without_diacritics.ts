import { Migration } from '@mikro-orm/migrations';

/**
 * Search that ignores tone marks and "đ" (server/shared/search.ts). unaccent() itself is only STABLE,
 * because its dictionary could be changed, so it cannot appear in an index: immutable_unaccent names
 * the dictionary and schema explicitly, which makes the promise true for this database. pg_trgm's
 * GIN indexes on the same expression serve `like '%…%'`, the shape of every list's `q`.
 */
export class Migration20261130001122_search_without_diacritics extends Migration {

  override name = 'Migration20261130001122_search_without_diacritics';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists "unaccent" with schema public;`);
    this.addSql(`create extension if not exists "pg_trgm" with schema public;`);
    this.addSql(`create or replace function "immutable_unaccent"(text) returns text
      language sql immutable parallel safe strict as $$
        select public.unaccent('public.unaccent'::regdictionary, $1)
      $$;`);
    this.addSql(`comment on function "immutable_unaccent"(text) is 'Bỏ dấu tiếng Việt (cả đ → d) để tìm kiếm; dùng trong chỉ mục';`);

    this.addSql(`create index "target_code_search_index" on "target" using gin (lower(immutable_unaccent("code")) gin_trgm_ops);`);
    this.addSql(`create index "target_title_search_index" on "target" using gin (lower(immutable_unaccent("title")) gin_trgm_ops);`);

    this.addSql(`create index "task_title_search_index" on "task" using gin (lower(immutable_unaccent("title")) gin_trgm_ops);`);

    this.addSql(`create index "unit_short_name_search_index" on "unit" using gin (lower(immutable_unaccent("short_name")) gin_trgm_ops);`);
    this.addSql(`create index "unit_code_search_index" on "unit" using gin (lower(immutable_unaccent("code")) gin_trgm_ops);`);
    this.addSql(`create index "unit_name_search_index" on "unit" using gin (lower(immutable_unaccent("name")) gin_trgm_ops);`);

    this.addSql(`create index "reporting_obligation_subject_search_index" on "reporting_obligation" using gin (lower(immutable_unaccent("subject")) gin_trgm_ops);`);

    this.addSql(`create index "facility_code_search_index" on "facility" using gin (lower(immutable_unaccent("code")) gin_trgm_ops);`);
    this.addSql(`create index "facility_name_search_index" on "facility" using gin (lower(immutable_unaccent("name")) gin_trgm_ops);`);

    this.addSql(`create index "app_user_full_name_search_index" on "app_user" using gin (lower(immutable_unaccent("full_name")) gin_trgm_ops);`);
    this.addSql(`create index "app_user_username_search_index" on "app_user" using gin (lower(immutable_unaccent("username")) gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "app_user_full_name_search_index";`);
    this.addSql(`drop index "app_user_username_search_index";`);

    this.addSql(`drop index "facility_code_search_index";`);
    this.addSql(`drop index "facility_name_search_index";`);

    this.addSql(`drop index "reporting_obligation_subject_search_index";`);

    this.addSql(`drop index "target_code_search_index";`);
    this.addSql(`drop index "target_title_search_index";`);

    this.addSql(`drop index "task_title_search_index";`);

    this.addSql(`drop index "unit_short_name_search_index";`);
    this.addSql(`drop index "unit_code_search_index";`);
    this.addSql(`drop index "unit_name_search_index";`);

    this.addSql(`drop function if exists "immutable_unaccent"(text);`);
    // Without cascade: an extension something else has come to use stays, and the rollback says so.
    this.addSql(`drop extension if exists "pg_trgm";`);
    this.addSql(`drop extension if exists "unaccent";`);
  }

}
