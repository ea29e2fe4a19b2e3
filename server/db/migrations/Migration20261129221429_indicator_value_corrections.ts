import { Migration } from '@mikro-orm/migrations';

/**
 * Indicator values become append-only with corrections, and carry what the plan asks for: platform
 * categories, cashless channels, amounts, the period and a focal person. Existing rows are backfilled
 * so that the booleans the target figures count stay exactly as they were:
 * - digital_platforms: only where uses_digital_platform was true; the recorded product names are mapped
 *   to the plan's categories where they are known (vnEdu, SMAS → school management; K12Online → online
 *   teaching; the health record, vaccination and e-prescription names → their categories), otherwise
 *   the sector's management category (school management, hospital/facility management).
 * - cashless_channels: bank transfer/QR where accepts_cashless was true (the channel every facility
 *   offers first); nothing else was recorded.
 * - period: the half-year that ends on as_of (1 January or 1 July to as_of), as the figures were reported
 *   twice a year. Amounts, focal person and reporter stay empty: they were never recorded.
 */
export class Migration20261129221429_indicator_value_corrections extends Migration {

  override name = 'Migration20261129221429_indicator_value_corrections';

  override up(): void | Promise<void> {
    this.addSql(`create type "digital_platform" as enum ('SCHOOL_MANAGEMENT', 'ONLINE_TEACHING_LEARNING_EXAMS', 'DIGITISED_LEARNING_MATERIALS', 'SCHOOL_PARENT_CONNECTION', 'HOSPITAL_MANAGEMENT', 'TELEMEDICINE', 'E_PRESCRIPTION', 'ELECTRONIC_MEDICAL_RECORDS', 'PERSONAL_HEALTH_RECORDS', 'VACCINATION_MANAGEMENT', 'ONLINE_HEALTH_ADVICE');`);
    this.addSql(`create type "cashless_channel" as enum ('BANK_TRANSFER_QR', 'CARD', 'E_WALLET', 'AUTOMATIC_DEBIT', 'PUBLIC_SERVICE_PORTAL');`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_facility_id_as_of_unique";`);
    this.addSql(`alter table "indicator_value" add "period_start" date null, add "period_end" date null, add "digital_platforms" "digital_platform"[] not null default '{}', add "cashless_channels" "cashless_channel"[] not null default '{}', add "cashless_amount" bigint null, add "total_amount" bigint null, add "focal_person_name" varchar(255) null, add "focal_person_phone" varchar(20) null, add "supersedes_id" uuid null, add "reason" text null, add "reported_by_id" uuid null;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_supersedes_id_foreign" foreign key ("supersedes_id") references "indicator_value" ("id") on delete no action;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_reported_by_id_foreign" foreign key ("reported_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "indicator_value" alter column "platforms" set default '{}';`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_supersedes_id_unique" unique ("supersedes_id");`);
    this.addSql(`create index "indicator_value_facility_id_as_of_index" on "indicator_value" ("facility_id", "as_of");`);
    this.addSql(`create unique index "indicator_value_original_unique" on "indicator_value" ("facility_id", "as_of") where "supersedes_id" is null;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_correction_has_reason" check (supersedes_id is null or reason is not null);`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_period_ordered" check (period_start is null or period_end is null or period_start <= period_end);`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_amounts_consistent" check (cashless_amount is null or total_amount is null or cashless_amount <= total_amount);`);
    this.addSql(`
      update "indicator_value" v set
        "digital_platforms" = case when not v.uses_digital_platform then '{}'::digital_platform[] else coalesce(
          (select array_agg(distinct m.category::digital_platform)
             from unnest(v.platforms) p(name)
             join (values ('vnedu', 'EDUCATION', 'SCHOOL_MANAGEMENT'), ('smas', 'EDUCATION', 'SCHOOL_MANAGEMENT'),
                          ('k12online', 'EDUCATION', 'ONLINE_TEACHING_LEARNING_EXAMS'),
                          ('hồ sơ sức khỏe điện tử', 'HEALTH', 'PERSONAL_HEALTH_RECORDS'),
                          ('quản lý tiêm chủng', 'HEALTH', 'VACCINATION_MANAGEMENT'),
                          ('đơn thuốc điện tử', 'HEALTH', 'E_PRESCRIPTION'),
                          ('bệnh án điện tử', 'HEALTH', 'ELECTRONIC_MEDICAL_RECORDS'),
                          ('khám chữa bệnh từ xa', 'HEALTH', 'TELEMEDICINE')) m(name, sector, category)
               on m.name = lower(trim(p.name)) and m.sector = f.sector::text),
          case f.sector when 'EDUCATION' then '{SCHOOL_MANAGEMENT}' else '{HOSPITAL_MANAGEMENT}' end::digital_platform[]) end,
        "cashless_channels" = case when v.accepts_cashless then '{BANK_TRANSFER_QR}' else '{}' end::cashless_channel[],
        "period_end" = v.as_of,
        "period_start" = (date_trunc('year', v.as_of) + case when extract(month from v.as_of) > 6 then interval '6 months' else interval '0' end)::date
        from "facility" f where f.id = v.facility_id;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_supersedes_id_foreign";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_reported_by_id_foreign";`);
    // One row per facility and day again: the row that counted stays, what it corrected goes.
    this.addSql(`delete from "indicator_value" v where exists (select 1 from "indicator_value" c where c.supersedes_id = v.id);`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_supersedes_id_unique";`);
    this.addSql(`drop index "indicator_value_facility_id_as_of_index";`);
    this.addSql(`drop index "indicator_value_original_unique";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_correction_has_reason";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_period_ordered";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_amounts_consistent";`);
    this.addSql(`alter table "indicator_value" drop column "period_start", drop column "period_end", drop column "digital_platforms", drop column "cashless_channels", drop column "cashless_amount", drop column "total_amount", drop column "focal_person_name", drop column "focal_person_phone", drop column "supersedes_id", drop column "reason", drop column "reported_by_id";`);
    this.addSql(`alter table "indicator_value" alter column "platforms" drop default;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_facility_id_as_of_unique" unique ("facility_id", "as_of");`);

    this.addSql(`drop type "digital_platform";`);
    this.addSql(`drop type "cashless_channel";`);
  }

}
