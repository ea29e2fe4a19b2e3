/**
 * The one way a plan's rows are written: activation of a reviewed draft and the seeder's Hà Trung plan
 * both come here with a blueprint. Every row is matched on its natural key first (plan code, task
 * number, target code, task + unit + scope, reporter + recipient + period + due date) and only missing
 * rows are created, so the seeder can run again on an install whose offices have recorded work; for a
 * new plan everything is missing and each table is read once (none at all for a plan just created).
 *
 * It does not flush on its own account and opens no transaction: its caller's unit of work holds
 * every row, so a failure anywhere leaves nothing behind.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../shared/errors.js';
import { Assignment, AssignmentRole, AssignmentScope } from '../assignments/assignment.entity.js';
import { checkScopeRole } from '../assignments/assignment.service.js';
import { EscalationPolicy } from '../escalations/escalation-policy.entity.js';
import { Plan, PlanStatus } from '../plans/plan.entity.js';
import { ReportingObligation, ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Comparator, Sector, Target, TargetMetric } from '../targets/target.entity.js';
import { taskPosition } from '../tasks/task-number.js';
import { Task } from '../tasks/task.entity.js';
import { Unit, UnitKind } from '../units/unit.entity.js';
import type { FacilityLevel } from '../facilities/facility.entity.js';
import { type PlanBlueprint, blueprintOf } from './blueprint.js';
import { type DraftContent, parentNumberOf } from './draft-content.js';
import type { PlanStatusValue } from './types.js';

export interface MaterialisedPlan {
  plan: Plan;
  /** Rows created: none when everything was there already. */
  created: number;
}

export async function materialisePlan(em: EntityManager, bp: PlanBlueprint, { newPlanOnly = false } = {}): Promise<MaterialisedPlan> {
  let created = 0;
  const unit = (id: string) => em.getReference(Unit, id);

  const { parentId, sourceText, assumption, status, ...fields } = bp.plan;
  let plan = await em.findOne(Plan, { code: bp.plan.code });
  // A draft makes a new plan, never rows in one another draft activated a moment ago under the same code.
  if (plan && newPlanOnly) throw conflict(`Mã kế hoạch ${bp.plan.code} vừa được dùng cho một kế hoạch khác: hãy chọn mã khác.`, { reason: 'PLAN_CODE_TAKEN' });
  const fresh = !plan;
  if (!plan) {
    plan = em.create(Plan, {
      ...fields,
      status: status as PlanStatus,
      sourceText,
      assumption,
      parent: parentId ? em.getReference(Plan, parentId) : null,
    });
    created++;
  }
  // Fields added after the first release reach existing installs; a value someone typed stays.
  plan.assumption ??= assumption;

  const tasks = new Map((fresh ? [] : await em.find(Task, { plan })).map((t) => [t.number, t]));
  // Parents first, whatever order the draft lists them in.
  for (const t of [...bp.tasks].sort((a, b) => taskPosition(a.number) - taskPosition(b.number))) {
    let task = tasks.get(t.number);
    if (!task) {
      const parentNumber = parentNumberOf(t.number);
      task = em.create(Task, {
        plan,
        number: t.number,
        title: t.title,
        description: t.description,
        dueDate: t.dueDate,
        position: taskPosition(t.number),
        parent: parentNumber ? tasks.get(parentNumber)! : null,
      });
      tasks.set(t.number, task);
      created++;
    }
    task.assumption ??= t.assumption;
  }

  const targets = new Map((fresh ? [] : await em.find(Target, { plan })).map((t) => [t.code, t]));
  const superseded = new Set<string>();
  for (const t of bp.targets) {
    const { formerTitle, supersedes, ...rest } = t;
    let target = targets.get(t.code);
    if (!target) {
      target = em.create(Target, {
        ...rest,
        plan,
        sector: t.sector as Sector,
        metric: t.metric as TargetMetric,
        comparator: t.comparator as Comparator,
        facilityLevels: t.facilityLevels as FacilityLevel[] | null,
      });
      targets.set(t.code, target);
      created++;
    } else if (formerTitle && target.title === formerTitle) target.title = t.title;
    target.note ??= t.note;
    target.notApplicableReason ??= t.notApplicableReason;
    if (supersedes) superseded.add(supersedes);
  }
  // Targets hold no history (their values are computed), so a target now written in parts can go.
  for (const code of superseded) {
    const old = targets.get(code);
    if (old) em.remove(old);
  }

  const assigned = new Set(
    (fresh ? [] : await em.find(Assignment, { plan }, { fields: ['task', 'unit', 'scope'] })).map((a) => `${a.task.id}|${a.unit.id}|${a.scope}`),
  );
  for (const a of bp.assignments) {
    const task = tasks.get(a.task);
    if (!task) throw new Error(`assignment on task ${a.task}, which the plan does not have`);
    const key = `${task.id}|${a.unitId}|${a.scope}`;
    if (assigned.has(key)) continue;
    assigned.add(key);
    const role = a.role as AssignmentRole;
    const scope = a.scope as AssignmentScope;
    checkScopeRole(scope, role);
    em.create(Assignment, { plan, task, unit: unit(a.unitId), role, scope, dueDate: task.dueDate!, assumption: a.assumption });
    created++;
  }

  const owed = new Set(
    (fresh ? [] : await em.find(ReportingObligation, { plan }, { fields: ['reporter', 'recipient', 'period', 'dueBefore'] }))
      .map((o) => `${o.reporter.id}|${o.recipient.id}|${o.period}|${o.dueBefore}`),
  );
  for (const o of bp.obligations) {
    const key = `${o.reporterId}|${o.recipientId}|${o.period}|${o.dueBefore}`;
    if (owed.has(key)) continue;
    owed.add(key);
    em.create(ReportingObligation, {
      plan,
      reporter: unit(o.reporterId),
      recipient: unit(o.recipientId),
      through: o.throughId ? unit(o.throughId) : null,
      period: o.period as ReportPeriod,
      dueBefore: o.dueBefore,
      subject: o.subject,
    });
    created++;
  }

  if (bp.coordinatorUnitId && (fresh || !(await em.count(EscalationPolicy, { plan })))) {
    em.create(EscalationPolicy, { plan, coordinatorUnit: unit(bp.coordinatorUnitId) });
    created++;
  }
  return { plan, created };
}

export interface DraftActivation {
  status: PlanStatusValue;
  sourceText: string | null;
  /** Every commune-level unit: "UBND các xã, thị trấn" stands for them. */
  communeIds: readonly string[];
  /** The issuer's own unit: a new office, centre or commune sits under it. */
  issuerUnitId: string | null;
  /** The seeder's: the wording an earlier seed gave a target, and the target an earlier seed had instead, by code. */
  targetHistory?: ReadonlyMap<string, { formerTitle?: string; supersedes?: string }>;
  /** Activation's: the plan must not exist yet (the seeder completes the one it made before). */
  newPlanOnly?: boolean;
}

const UNDER_ISSUER: ReadonlySet<string> = new Set(['OFFICE', 'CENTRE', 'COMMUNE', 'TOWNSHIP']);

/**
 * A draft without problems → its plan, in the caller's unit of work: the units the reviewer agreed to
 * create, then every row the draft stands for (materialisePlan).
 */
export async function planFromDraft(em: EntityManager, content: DraftContent, activation: DraftActivation): Promise<MaterialisedPlan & { newUnits: Unit[] }> {
  const newUnits = new Map<string, Unit>();
  for (const body of content.bodies) {
    if (!body.createUnit || body.allCommunes) continue;
    newUnits.set(body.key, em.create(Unit, {
      code: body.unitCode!.trim(),
      name: body.name.trim(),
      kind: body.unitKind as UnitKind,
      parent: activation.issuerUnitId && UNDER_ISSUER.has(body.unitKind!) ? em.getReference(Unit, activation.issuerUnitId) : null,
      assumption: 'Đơn vị được tạo khi nhập kế hoạch từ văn bản: văn bản nêu tên, danh mục chưa có.',
    }));
  }
  const bp = blueprintOf(
    content,
    { unitOf: (key) => newUnits.get(key)?.id ?? content.bodies.find((b) => b.key === key)?.unitId ?? null, communeIds: activation.communeIds },
    { status: activation.status, sourceText: activation.sourceText },
  );
  for (const target of bp.targets) Object.assign(target, activation.targetHistory?.get(target.code));
  const made = await materialisePlan(em, bp, { newPlanOnly: activation.newPlanOnly });
  return { ...made, created: made.created + newUnits.size, newUnits: [...newUnits.values()] };
}
