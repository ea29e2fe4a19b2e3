import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../auth/password.js';
import { passwordProblem } from '../../auth/password-policy.js';
import { Facility } from '../../modules/facilities/facility.entity.js';
import { IndicatorValue } from '../../modules/facilities/indicator-value.entity.js';
import { Plan, PlanStatus } from '../../modules/plans/plan.entity.js';
import { parseCorrections, type PlanCorrections } from '../../modules/plan-import/corrections.js';
import { parsePlan } from '../../modules/plan-import/parser.js';
import { planFromDraft } from '../../modules/plan-import/plan-materialise.js';
import { transcribedDraft } from '../../modules/plan-import/transcription.js';
import { COMMUNE_KINDS } from '../../modules/plan-import/unit-match.js';
import { projectPath } from '../../paths.js';
import { Unit, UnitKind } from '../../modules/units/unit.entity.js';
import { Role, User } from '../../modules/users/user.entity.js';
import { demoFacilities } from './demo-facilities.js';
import { CalendarDay } from '../../modules/calendar/calendar-day.entity.js';
import { VN_CALENDAR_2022_2027 } from '../../modules/calendar/vn-calendar.data.js';
import { today } from '../../shared/dates.js';
import { seedDemoActivity } from './demo-activity.js';

export const DEMO_PASSWORD = 'tiendo-demo';

/**
 * The registry the Hà Trung plan is matched against, and who may sign in to a demo. The plan itself is
 * not data here: it is read from its text (ke-hoach-ha-trung-2022.txt) with what the transcription
 * decided (ha-trung-2022.corrections.json), by the importer's own steps.
 */
export interface PlanSeed {
  units: Array<{ code: string; name: string; shortName: string; kind: UnitKind; parent: string | null; reportsThrough: string | null; assumption?: string }>;
  demoUsers: Array<{ username: string; fullName: string; role: Role; unit: string }>;
}

const SEED_DIR = projectPath('server/db/seed');

export async function loadPlanSeed(): Promise<PlanSeed> {
  return JSON.parse(await readFile(path.join(SEED_DIR, 'ha-trung-2022.json'), 'utf8')) as PlanSeed;
}

export async function loadCorrections(): Promise<PlanCorrections> {
  return parseCorrections(JSON.parse(await readFile(path.join(SEED_DIR, 'ha-trung-2022.corrections.json'), 'utf8')));
}

export interface SeedOptions {
  /** Demo users (password tiendo-demo) and demo facilities: never in production. */
  demo: boolean;
  /**
   * With demo: a year of recorded work on the 2022 plan and a copy of the plan running this year
   * (demo-activity.ts). Off for the tests' template, whose tests start from work nobody has touched.
   */
  demoActivity?: boolean;
  /** The day the demo copy is built around (YYYY-MM-DD, Vietnam); defaults to today. */
  today?: string;
  /**
   * The status the transcribed plans are created with, instead of the data file's (CLOSED: their year
   * is 2022). Tests keep them ACTIVE, because they chase the plan's 2022 deadlines as if the year ran.
   */
  planStatus?: PlanStatus;
  /** Creates the first ADMIN when no administrator exists yet. */
  adminPassword?: string;
}

export interface SeedResult {
  created: number;
  demoUsers: string[];
}

/**
 * Fills the database from the transcribed plan. Idempotent: everything is matched by its natural key
 * (unit code, plan code, task number, …) and only missing rows are created, so a restart never
 * duplicates data nor resets the work offices have recorded.
 */
export async function seedDatabase(rootEm: EntityManager, options: SeedOptions): Promise<SeedResult> {
  const seed = await loadPlanSeed();
  const corrections = await loadCorrections();
  let created = 0;
  const demoUsers: string[] = [];

  await rootEm.fork().transactional(async (em) => {
    async function ensure<T extends object>(entity: new () => T, where: Record<string, unknown>, data: Partial<T>): Promise<T> {
      const existing = await em.findOne(entity as never, where as never);
      if (existing) return existing as T;
      created++;
      return em.create(entity as never, { ...where, ...data } as never) as T;
    }

    const units = new Map<string, Unit>();
    for (const u of seed.units) {
      units.set(u.code, await ensure(Unit, { code: u.code }, { name: u.name, shortName: u.shortName, kind: u.kind }));
    }
    for (const u of seed.units) {
      const unit = units.get(u.code)!;
      // Fields added after the first release reach existing installs; a value someone typed stays.
      unit.assumption ??= u.assumption ?? null;
      unit.parent ??= u.parent ? units.get(u.parent)! : null;
      unit.reportsThrough ??= u.reportsThrough ? units.get(u.reportsThrough)! : null;
    }

    // The plan from its text, as an imported plan is made: its parent first, the plan it carries out.
    const sourceText = await readFile(path.join(SEED_DIR, corrections.plan.sourceTextFile ?? 'ke-hoach-ha-trung-2022.txt'), 'utf8');
    const parsed = parsePlan(sourceText);
    const cited = parsed.parentPlan;
    const parentPlan = await ensure(Plan, { code: corrections.parentPlan.code }, {
      number: cited?.number ?? corrections.parentPlan.number,
      title: cited?.title ?? '',
      issuingBody: cited?.issuer?.name ?? '',
      issueDate: cited?.date ?? null,
      status: options.planStatus ?? (corrections.parentPlan.status as PlanStatus),
      periodStart: corrections.parentPlan.periodStart,
      periodEnd: corrections.parentPlan.periodEnd,
      sourceText: null,
    });
    // Matched against the registry as the seed file names it, whatever an administrator renamed since.
    const registry = seed.units.map((u) => ({ id: units.get(u.code)!.id, code: u.code, name: u.name, shortName: u.shortName, kind: u.kind }));
    const { content, issues } = transcribedDraft(parsed, corrections, registry, {
      id: parentPlan.id,
      number: parentPlan.number ?? null,
      issueDate: parentPlan.issueDate ?? null,
    });
    if (issues.length) throw new Error(`Kế hoạch mẫu không dựng được từ văn bản: ${issues.join(' ')}`);
    const made = await planFromDraft(em, content, {
      status: options.planStatus ?? (corrections.plan.status as PlanStatus),
      sourceText,
      communeIds: registry.filter((u) => COMMUNE_KINDS.has(u.kind)).map((u) => u.id),
      issuerUnitId: null,
      targetHistory: new Map(corrections.targets.map((t) => [t.code, { formerTitle: t.formerTitle, supersedes: t.supersedes }])),
    });
    created += made.created;
    const { plan } = made;

    // The calendar is reference data an ADMIN edits: seeded once, so a day they removed stays removed.
    if ((await em.count(CalendarDay, {})) === 0) {
      for (const day of VN_CALENDAR_2022_2027) {
        created++;
        em.create(CalendarDay, day);
      }
    }

    if (options.demo) {
      const demoHash = await hashPassword(DEMO_PASSWORD);
      for (const u of seed.demoUsers) {
        await ensure(User, { username: u.username }, {
          fullName: u.fullName,
          role: u.role,
          unit: units.get(u.unit)!,
          passwordHash: demoHash,
          isDemo: true,
        });
        demoUsers.push(u.username);
      }
      const communeUnits = seed.units.filter((u) => u.kind === UnitKind.COMMUNE || u.kind === UnitKind.TOWNSHIP);
      for (const f of demoFacilities(communeUnits)) {
        const facility = await ensure(Facility, { code: f.code }, {
          name: f.name,
          commune: units.get(f.communeCode)!,
          sector: f.sector,
          level: f.level,
          isDemo: true,
        });
        for (const v of f.values) {
          const { asOf, ...values } = v;
          await ensure(IndicatorValue, { facility, asOf, supersedes: null }, values);
        }
      }
      if (options.demoActivity) created += await seedDemoActivity(em, plan, options.today ?? today());
    }

    if (options.adminPassword && (await em.count(User, { role: Role.ADMIN, isDemo: false })) === 0) {
      const admin = { username: 'admin', fullName: 'Quản trị hệ thống', unit: units.get('UBND-HUYEN')! };
      // The first administrator holds every power: its password meets the rules an ADMIN meets for anyone
      // else's. Checked only when it is used, so a variable left set after the first start never stops one.
      const problem = passwordProblem(options.adminPassword, { ...admin, unit: [admin.unit.name, admin.unit.shortName, admin.unit.code] });
      if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`);
      await ensure(User, { username: admin.username }, {
        ...admin,
        role: Role.ADMIN,
        passwordHash: await hashPassword(options.adminPassword),
      });
    }
  });

  return { created, demoUsers };
}
