import { Migration } from '@mikro-orm/migrations';

/** Attaching and removing evidence are recorded in an assignment's history. */
export class Migration20261123235110_assignment_action_evidence extends Migration {

  override name = 'Migration20261123235110_assignment_action_evidence';

  override up(): void | Promise<void> {
    this.addSql(`alter type "assignment_action" add value if not exists 'ATTACH_EVIDENCE' after 'UPDATE_PROGRESS';`);
    this.addSql(`alter type "assignment_action" add value if not exists 'REMOVE_EVIDENCE' after 'ATTACH_EVIDENCE';`);
  }

  /** PostgreSQL cannot drop enum values: rebuild the type, which fails while history still uses them. */
  override down(): void | Promise<void> {
    this.addSql(`alter type "assignment_action" rename to "assignment_action_old";`);
    this.addSql(`create type "assignment_action" as enum ('START', 'SUBMIT', 'VERIFY', 'RETURN', 'BLOCK', 'UNBLOCK', 'CANCEL', 'UPDATE_PROGRESS');`);
    this.addSql(`alter table "status_change" alter column "action" type "assignment_action" using "action"::text::"assignment_action";`);
    this.addSql(`drop type "assignment_action_old";`);
  }

}
