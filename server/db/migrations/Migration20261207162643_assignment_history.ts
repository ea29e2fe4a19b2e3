import { Migration } from '@mikro-orm/migrations';

/**
 * Every change of an assignment in its history: the fields each write changed (old → new), the API
 * token that made it when an integrator did, planning edits (EDIT) and moves to another unit (REASSIGN).
 * Entries written before keep an empty list of changes. A moved assignment's new unit is chased on its
 * own, so the escalation's key now names the unit; both units are told of the move, and so are the
 * integrators that subscribe to it.
 */
export class Migration20261207162643_assignment_history extends Migration {

  override name = 'Migration20261207162643_assignment_history';

  override up(): void | Promise<void> {
    this.addSql(`alter type "assignment_action" add value if not exists 'EDIT' after 'URGE';`);
    this.addSql(`alter type "assignment_action" add value if not exists 'REASSIGN' after 'EDIT';`);
    this.addSql(`alter table "status_change" add "actor_token_id" uuid null, add "changes" jsonb not null default '[]';`);
    this.addSql(`alter table "status_change" add constraint "status_change_actor_token_id_foreign" foreign key ("actor_token_id") references "api_token" ("id") on delete no action;`);

    this.addSql(`alter table "escalation" drop constraint "escalation_assignment_id_kind_basis_level_round_unique";`);
    this.addSql(`alter table "escalation" add constraint "escalation_assignment_id_unit_id_kind_basis_level_round_unique" unique ("assignment_id", "unit_id", "kind", "basis", "level", "round");`);

    this.addSql(`alter type "notification_kind" add value if not exists 'REASSIGNED' after 'REPORT_ACCEPTED';`);
    this.addSql(`alter type "webhook_event_type" add value if not exists 'ASSIGNMENT_REASSIGNED' after 'EVIDENCE_ADDED';`);
  }

  /** PostgreSQL cannot drop enum values; the new ones stay, unused, as they do after the evidence migration's. */
  override down(): void | Promise<void> {
    this.addSql(`alter table "status_change" drop constraint "status_change_actor_token_id_foreign";`);
    this.addSql(`alter table "status_change" drop column "actor_token_id", drop column "changes";`);

    this.addSql(`alter table "escalation" drop constraint "escalation_assignment_id_unit_id_kind_basis_level_round_unique";`);
    this.addSql(`alter table "escalation" add constraint "escalation_assignment_id_kind_basis_level_round_unique" unique ("assignment_id", "kind", "basis", "level", "round");`);
  }

}
