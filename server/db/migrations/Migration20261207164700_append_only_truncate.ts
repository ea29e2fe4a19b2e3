import { Migration } from '@mikro-orm/migrations';

/** The tables whose row triggers (`<table>_append_only`) refuse UPDATE and DELETE. */
const APPEND_ONLY = ['status_change', 'audit_event'];

/**
 * The append-only histories refuse TRUNCATE too, which no row trigger sees. Written by hand rather than
 * with @Trigger: PostgreSQL leaves TRUNCATE triggers out of information_schema.triggers, where MikroORM
 * reads the schema back, so a declared one would be created again by every later migration.
 */
export class Migration20261207164700_append_only_truncate extends Migration {
  override name = 'Migration20261207164700_append_only_truncate';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "append_only_refuse_truncate"() returns trigger as \$\$ begin raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    for (const table of APPEND_ONLY) {
      this.addSql(`create trigger "${table}_append_only_truncate" before truncate on "${table}" for each statement execute function "append_only_refuse_truncate"();`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of APPEND_ONLY) this.addSql(`drop trigger if exists "${table}_append_only_truncate" on "${table}";`);
    this.addSql(`drop function if exists "append_only_refuse_truncate"();`);
  }
}
