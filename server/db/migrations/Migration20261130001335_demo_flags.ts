import { Migration } from '@mikro-orm/migrations';

/**
 * Demo data is flagged where it lives: the plan copy a demo install runs this year, and the history
 * entries the demo seed writes (on that copy and on the 2022 plan). Real rows keep the default, false.
 */
export class Migration20261130001335_demo_flags extends Migration {

  override name = 'Migration20261130001335_demo_flags';

  override up(): void | Promise<void> {
    this.addSql(`alter table "plan" add "is_demo" boolean not null default false;`);
    this.addSql(`alter table "status_change" add "is_demo" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "plan" drop column "is_demo";`);
    this.addSql(`alter table "status_change" drop column "is_demo";`);
  }

}
