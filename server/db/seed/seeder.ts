import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../auth/password.js';
import { passwordProblem } from '../../auth/password-policy.js';
import { Assignment, AssignmentRole, AssignmentScope } from '../../modules/assignments/assignment.entity.js';
import { Facility } from '../../modules/facilities/facility.entity.js';
import { IndicatorValue } from '../../modules/facilities/indicator-value.entity.js';
import { Plan, PlanStatus } from '../../modules/plans/plan.entity.js';
import { ReportingObligation, ReportPeriod } from '../../modules/reporting/reporting-obligation.entity.js';
import { Comparator, Sector, Target, TargetMetric } from '../../modules/targets/target.entity.js';
import { Task } from '../../modules/tasks/task.entity.js';
import { projectPath } from '../../paths.js';
import { Unit, UnitKind } from '../../modules/units/unit.entity.js';
import { Role, User } from '../../modules/users/user.entity.js';
import { demoFacilities } from './demo-facilities.js';
import type { FacilityLevel } from '../../modules/facilities/facility.entity.js';
import { CalendarDay } from '../../modules/calendar/calendar-day.entity.js';
import { VN_CALENDAR_2022_2027 } from '../../modules/calendar/vn-calendar.data.js';
import { EscalationPolicy } from '../../modules/escalations/escalation-policy.entity.js';
import { taskPosition } from '../../modules/tasks/task-number.js';
import { today } from '../../shared/dates.js';
import { seedDemoActivity } from './demo-activity.js';

export const DEMO_PASSWORD = 'tiendo-demo';

/** Part V of the plan: the Culture and Information Office follows the plan and aggregates its reports. */
const COORDINATING_OFFICE = 'PHONG-VHTT';

interface PlanData {
  code: string;
  number: string | null;
  title: string;
  issuingBody: string;
  issueDate: string | null;
  issuePlaceAndDate?: string;
  signerName?: string;
  signerTitle?: string;
  status: PlanStatus;
  periodStart: string;
  periodEnd: string;
  sourceTextFile?: string;
  assumption?: string;
}

export interface PlanSeed {
  parentPlan: PlanData;
  plan: PlanData;
  units: Array<{ code: string; name: string; shortName: string; kind: UnitKind; parent: string | null; reportsThrough: string | null; assumption?: string }>;
  tasks: Array<{ number: string; title: string; description: string | null; dueDate: string; assumption?: string }>;
  targets: TargetSeed[];
  assignments: Array<{ task: string; unit: string; role: AssignmentRole }>;
  /** Part V.4: the tasks every commune and township leads at its own schools and health facilities. */
  communeOwnFacilities: { tasks: string[]; assumption: string };
  reportingObligations: Array<{ reporter: string; recipient: string; through: string | null; period: ReportPeriod; dueBefore: string; subject: string }>;
  demoUsers: Array<{ username: string; fullName: string; role: Role; unit: string }>;
}

interface TargetSeed {
  code: string;
  title: string;
  /** The title an earlier seed wrote: an install that still shows it gets the document's wording. */
  formerTitle?: string;
  /** An earlier seed's target this one is a part of: removed once its parts exist. */
  supersedes?: string;
  sector: Sector;
  metric: TargetMetric;
  comparator: Comparator;
  thresholdPercent: number;
  deadline: string;
  facilityLevels?: FacilityLevel[];
  notApplicableReason?: string;
  note?: string;
}

const SEED_DIR = projectPath('server/db/seed');

export async function loadPlanSeed(): Promise<PlanSeed> {
  return JSON.parse(await readFile(path.join(SEED_DIR, 'ha-trung-2022.json'), 'utf8')) as PlanSeed;
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

    const planFields = async ({ sourceTextFile, assumption, ...p }: PlanData) => ({
      ...p,
      status: options.planStatus ?? p.status,
      sourceText: sourceTextFile ? await readFile(path.join(SEED_DIR, sourceTextFile), 'utf8') : null,
    });
    const parentPlan = await ensure(Plan, { code: seed.parentPlan.code }, await planFields(seed.parentPlan));
    const plan = await ensure(Plan, { code: seed.plan.code }, { ...(await planFields(seed.plan)), parent: parentPlan });
    parentPlan.assumption ??= seed.parentPlan.assumption ?? null;
    plan.assumption ??= seed.plan.assumption ?? null;

    const tasks = new Map<string, Task>();
    for (const t of seed.tasks) {
      const parentNumber = t.number.includes('.') ? t.number.split('.')[0] : null;
      const task = await ensure(Task, { plan, number: t.number }, {
        title: t.title,
        description: t.description,
        dueDate: t.dueDate,
        position: taskPosition(t.number),
        parent: parentNumber ? tasks.get(parentNumber)! : null,
      });
      task.assumption ??= t.assumption ?? null;
      tasks.set(t.number, task);
    }

    const superseded = new Set<string>();
    for (const t of seed.targets) {
      const { code, formerTitle, supersedes, note, notApplicableReason, ...rest } = t;
      const target = await ensure(Target, { plan, code }, { ...rest, note, notApplicableReason });
      if (formerTitle && target.title === formerTitle) target.title = t.title;
      target.note ??= note ?? null;
      target.notApplicableReason ??= notApplicableReason ?? null;
      if (supersedes) superseded.add(supersedes);
    }
    // Targets hold no history (their values are computed), so a target now seeded in parts can go.
    for (const code of superseded) {
      const old = await em.findOne(Target, { plan, code });
      if (old) em.remove(old);
    }

    for (const a of seed.assignments) {
      const task = tasks.get(a.task)!;
      await ensure(Assignment, { task, unit: units.get(a.unit)!, scope: AssignmentScope.DISTRICT }, { plan, role: a.role, dueDate: task.dueDate! });
    }
    // Part V.4, as communeOwnFacilities in the data file explains: beside its coordinating part of the
    // district's task, each commune leads the same task at its own schools and health facilities.
    const communeUnits = seed.units.filter((u) => u.kind === UnitKind.COMMUNE || u.kind === UnitKind.TOWNSHIP);
    for (const number of seed.communeOwnFacilities.tasks) {
      const task = tasks.get(number)!;
      for (const u of communeUnits) {
        await ensure(Assignment, { task, unit: units.get(u.code)!, scope: AssignmentScope.OWN_FACILITIES }, {
          plan,
          role: AssignmentRole.LEAD,
          dueDate: task.dueDate!,
          assumption: seed.communeOwnFacilities.assumption,
        });
      }
    }

    for (const o of seed.reportingObligations) {
      await ensure(
        ReportingObligation,
        { plan, reporter: units.get(o.reporter)!, recipient: units.get(o.recipient)!, period: o.period, dueBefore: o.dueBefore },
        { subject: o.subject, through: o.through ? units.get(o.through)! : null },
      );
    }

    await ensure(EscalationPolicy, { plan }, { coordinatorUnit: units.get(COORDINATING_OFFICE)! });

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
