import { Migration } from '@mikro-orm/migrations';

/** Removing an escalation or a letter must not scan every inbox for the notifications that point at it. */
export class Migration20261129214202_notification_link_indexes extends Migration {

  override name = 'Migration20261129214202_notification_link_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "notification_escalation_id_index" on "notification" ("escalation_id");`);
    this.addSql(`create index "notification_letter_id_index" on "notification" ("letter_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "notification_escalation_id_index";`);
    this.addSql(`drop index "notification_letter_id_index";`);
  }

}
