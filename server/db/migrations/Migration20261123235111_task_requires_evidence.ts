import { Migration } from '@mikro-orm/migrations';

/** Whether work on a task needs evidence before it is submitted; on for every existing task. */
export class Migration20261123235111_task_requires_evidence extends Migration {

  override name = 'Migration20261123235111_task_requires_evidence';

  override up(): void | Promise<void> {
    this.addSql(`alter table "task" add "requires_evidence" boolean not null default true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "task" drop column "requires_evidence";`);
  }

}
