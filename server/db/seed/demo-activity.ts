/**
 * A living demo, never in production: a year of recorded work on the 2022 plan, and a copy of the plan
 * running this year around the day the install was seeded, so that a newcomer finds history to read,
 * work to review, reminders and escalations instead of a plan frozen at its first day.
 *
 * Everything written here is flagged: the copy has plan.is_demo, every history entry status_change.is_demo.
 * Idempotent: the 2022 plan gets its year only while it has no history at all (a second start, or an
 * install where people have already worked, gets none), and the copy is made once, dated from the day
 * it was made.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { can } from '../../auth/policy.js';
import { Assignment, AssignmentRole, AssignmentScope } from '../../modules/assignments/assignment.entity.js';
import type { FieldChange } from '../../modules/assignments/field-change.js';
import { StatusChange } from '../../modules/assignments/status-change.entity.js';
import { WorkingCalendar } from '../../modules/calendar/working-days.js';
import { VN_CALENDAR_2022_2027 } from '../../modules/calendar/vn-calendar.data.js';
import { EscalationPolicy } from '../../modules/escalations/escalation-policy.entity.js';
import { Plan, PlanStatus } from '../../modules/plans/plan.entity.js';
import { ReportingObligation } from '../../modules/reporting/reporting-obligation.entity.js';
import { Target } from '../../modules/targets/target.entity.js';
import { Task } from '../../modules/tasks/task.entity.js';
import { Role, User } from '../../modules/users/user.entity.js';
import { formatViDate, isValidDay } from '../../shared/dates.js';
import { demoCopySchedule, stories2022, type DemoAssignment } from './demo-schedule.js';
import { replay, type StoryStep } from './demo-stories.js';

/** The copy's key; one per install. */
export const DEMO_PLAN_CODE = 'HT-CDS-TTKDTM-DEMO';

/** Who records what in the demo. */
interface Cast {
  /** The account that records a unit's own work, when the unit has one. */
  officer(unitId: string): User | undefined;
  /** Who reviews a unit's work: the coordinating office, or a leader for that office's own work. */
  reviewer(unitId: string): User | undefined;
}

async function castOf(em: EntityManager): Promise<Cast> {
  const users = await em.find(User, { isDemo: true, active: true }, { orderBy: { username: 'asc' } });
  const viewer = (u: User) => ({ id: u.id, username: u.username, role: u.role, unitId: u.unit.id });
  // The coordinating office reviews first: the leader steps in only where the office reviews itself.
  const reviewers = [...users.filter((u) => u.role === Role.COORDINATOR), ...users.filter((u) => u.role === Role.LEADER)];
  return {
    officer: (unitId) => users.find((u) => can(viewer(u), 'assignment:work', { unitId })),
    reviewer: (unitId) => reviewers.find((u) => can(viewer(u), 'assignment:review', { unitId })),
  };
}

/** An assignment's natural key, the same on every install: what its story is drawn from. */
const keyOf = (a: Assignment) => `${a.task.number}|${a.unit.code}|${a.scope}`;

function describe(a: Assignment, cast: Cast): DemoAssignment {
  return {
    key: keyOf(a),
    taskNumber: a.task.number,
    unitCode: a.unit.code,
    dueDate: a.dueDate,
    worked: cast.officer(a.unit.id) !== undefined,
    leads: a.role === AssignmentRole.LEAD && a.scope === AssignmentScope.DISTRICT,
  };
}

/**
 * Writes each assignment's story as its history and leaves the assignment as the story ends. The history
 * goes in as multi-row inserts: a few thousand entries through the unit of work would take seconds.
 */
async function record(em: EntityManager, assignments: Assignment[], stories: Map<string, StoryStep[]>, cast: Cast): Promise<number> {
  await em.flush();
  const rows: Array<RequiredEntityData<StatusChange>> = [];
  for (const assignment of assignments) {
    const steps = stories.get(keyOf(assignment));
    if (!steps?.length) continue;
    const { history, state } = replay(steps);
    // The story's entries say what each step changed, as the workflow's own entries do.
    let progress = 0;
    for (const entry of history) {
      const changes: FieldChange[] = [];
      if (entry.fromStatus !== entry.toStatus) changes.push({ field: 'status', from: entry.fromStatus, to: entry.toStatus });
      if (entry.progress !== progress) changes.push({ field: 'progress', from: String(progress), to: String(entry.progress) });
      progress = entry.progress;
      rows.push({
        id: randomUUID(),
        assignment,
        plan: assignment.plan,
        actor: (entry.by === 'unit' ? cast.officer(assignment.unit.id) : cast.reviewer(assignment.unit.id)) ?? null,
        action: entry.action,
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        progress: entry.progress,
        comment: entry.comment,
        changes,
        at: entry.at,
        isDemo: true,
      });
    }
    Object.assign(assignment, state);
  }
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await em.insertMany(StatusChange, rows.slice(i, i + INSERT_BATCH));
  return rows.length;
}

const INSERT_BATCH = 1000;

/** Same day and month, `years` later; 29 February becomes the 28th in a common year. */
function shiftYears(day: string, years: number): string {
  const shifted = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  return isValidDay(shifted) ? shifted : shifted.replace(/-29$/, '-28');
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

async function copyForThisYear(em: EntityManager, source: Plan, today: string, calendar: WorkingCalendar, cast: Cast): Promise<number> {
  const assignments = await em.find(Assignment, { plan: source }, { populate: ['task', 'unit'], orderBy: { id: 'asc' } });
  const schedule = demoCopySchedule(assignments.map((a) => describe(a, cast)), calendar, today);
  const year = Number(today.slice(0, 4));
  const years = year - Number((source.periodEnd ?? today).slice(0, 4));
  const lastDue = [...schedule.dueDates.values()].reduce(later, `${year}-12-31`);

  const plan = em.create(Plan, {
    code: DEMO_PLAN_CODE,
    title: `${source.title} (bản minh họa năm ${year})`,
    issuingBody: source.issuingBody,
    signerName: source.signerName,
    signerTitle: source.signerTitle,
    periodStart: earlier(`${year}-01-01`, schedule.firstDay),
    periodEnd: lastDue,
    status: PlanStatus.ACTIVE,
    isDemo: true,
    assumption:
      `Bản sao minh họa của kế hoạch năm 2022 để dùng thử, tạo ngày ${formatViDate(today)}, không phải kế hoạch thật. ` +
      'Hạn của từng đơn vị được dàn quanh ngày tạo để có việc sắp đến hạn, việc quá hạn và kết quả chờ thẩm định; ' +
      'lịch sử thực hiện là dữ liệu minh họa.',
  });
  let created = 1;

  const tasks = new Map<string, Task>();
  for (const t of await em.find(Task, { plan: source }, { populate: ['parent'], orderBy: { position: 'asc' } })) {
    const ownDue = assignments
      .filter((a) => a.task.number === t.number || a.task.number.startsWith(`${t.number}.`))
      .map((a) => schedule.dueDates.get(keyOf(a))!)
      .reduce(later, t.dueDate ? shiftYears(t.dueDate, years) : `${year}-12-31`);
    tasks.set(t.number, em.create(Task, {
      plan,
      number: t.number,
      position: t.position,
      title: t.title,
      description: t.description,
      dueDate: ownDue,
      requiresEvidence: t.requiresEvidence,
      parent: t.parent ? tasks.get(t.parent.number) : null,
    }));
    created++;
  }
  for (const t of await em.find(Target, { plan: source }, { orderBy: { code: 'asc' } })) {
    em.create(Target, {
      plan, code: t.code, title: t.title, sector: t.sector, metric: t.metric, comparator: t.comparator, thresholdPercent: t.thresholdPercent,
      deadline: shiftYears(t.deadline, years), facilityLevels: t.facilityLevels, notApplicableReason: t.notApplicableReason, note: t.note,
    });
    created++;
  }
  const copies: Assignment[] = [];
  for (const a of assignments) {
    copies.push(em.create(Assignment, {
      plan,
      task: tasks.get(a.task.number)!,
      unit: a.unit,
      role: a.role,
      scope: a.scope,
      assumption: a.assumption,
      dueDate: schedule.dueDates.get(keyOf(a))!,
    }));
    created++;
  }
  for (const o of await em.find(ReportingObligation, { plan: source })) {
    em.create(ReportingObligation, {
      plan, reporter: o.reporter, recipient: o.recipient, through: o.through, period: o.period, subject: o.subject,
      dueBefore: shiftYears(o.dueBefore, years),
    });
    created++;
  }
  const policy = await em.findOne(EscalationPolicy, { plan: source });
  if (policy) {
    em.create(EscalationPolicy, {
      plan, enabled: policy.enabled, reminderDays: [...policy.reminderDays], level1After: policy.level1After, level2After: policy.level2After,
      level3After: policy.level3After, repeatEvery: policy.repeatEvery, reviewAfter: policy.reviewAfter,
      reviewLeaderAfter: policy.reviewLeaderAfter, autoLetter: policy.autoLetter, coordinatorUnit: policy.coordinatorUnit,
    });
    created++;
  }
  return created + (await record(em, copies, schedule.stories, cast));
}

/** Adds the demo's activity (see the file's comment); returns how many rows it created. */
export async function seedDemoActivity(em: EntityManager, source: Plan, today: string): Promise<number> {
  // The seed's own rows (demo users above all) must be in the database before they are queried here.
  await em.flush();
  const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);
  const cast = await castOf(em);
  let created = 0;
  if ((await em.count(StatusChange, { plan: source })) === 0) {
    const assignments = await em.find(Assignment, { plan: source }, { populate: ['task', 'unit'], orderBy: { id: 'asc' } });
    created += await record(em, assignments, stories2022(assignments.map((a) => describe(a, cast)), calendar), cast);
  }
  if ((await em.count(Plan, { code: DEMO_PLAN_CODE })) === 0) created += await copyForThisYear(em, source, today, calendar, cast);
  return created;
}
