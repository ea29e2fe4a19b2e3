import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../shared/lean.js';
import type { Assignment } from '../assignments/assignment.entity.js';
import type { Evidence } from '../evidence/evidence.entity.js';
import { downloadName } from '../evidence/file-name.js';
import type { Unit } from '../units/unit.entity.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './webhook.entity.js';

/** What a receiver gets as the request body. */
export interface WebhookPayload {
  type: WebhookEventType;
  /** ISO 8601, UTC. */
  timestamp: string;
  data: Record<string, unknown>;
}

type EventData = Record<string, unknown>;

/**
 * Queues an event for every active endpoint subscribed to its type (one query), as WebhookDelivery
 * entities that the caller's next flush writes in the same transaction as the change they report.
 * `data` may be a function: it is then only computed when some endpoint wants the event.
 * Returns how many deliveries were queued.
 */
export async function recordWebhookEvent(
  em: EntityManager, type: WebhookEventType, data: EventData | (() => Promise<EventData>),
): Promise<number> {
  const endpoints = await em.execute<Array<{ id: string }>>(
    `select id from webhook_endpoint where active and ?::webhook_event_type = any(events)`,
    [type],
  );
  if (!endpoints.length) return 0;
  const payload: WebhookPayload = { type, timestamp: new Date().toISOString(), data: typeof data === 'function' ? await data() : data };
  // One event, one webhook-id, whichever endpoints receive it.
  const messageId = `msg_${randomUUID().replaceAll('-', '')}`;
  for (const { id } of endpoints) {
    const deliveryId = randomUUID();
    em.create(WebhookDelivery, {
      id: deliveryId,
      endpoint: em.getReference(WebhookEndpoint, id),
      eventType: type,
      payload: payload as unknown as Record<string, unknown>,
      messageId,
      jobId: deliveryId,
    });
  }
  return endpoints.length;
}

/** The assignment as integrators know it: ids, the task's number, the unit's code, the status. */
async function assignmentFacts(em: EntityManager, assignment: Assignment): Promise<EventData> {
  const [row] = await em.execute<Array<Record<string, unknown>>>(
    `select t.number as task_number, t.title as task_title, u.code as unit_code, u.name as unit_name
       from assignment a join task t on t.id = a.task_id join unit u on u.id = a.unit_id where a.id = ?`,
    [assignment.id],
  );
  return {
    assignmentId: assignment.id,
    planId: assignment.plan.id,
    taskId: assignment.task.id,
    taskNumber: row?.task_number ?? null,
    taskTitle: row?.task_title ?? null,
    unitId: assignment.unit.id,
    unitCode: row?.unit_code ?? null,
    unitName: row?.unit_name ?? null,
    status: assignment.status,
    progress: assignment.progress,
    dueDate: assignment.dueDate,
  };
}

/** ASSIGNMENT_STATUS_CHANGED data, read only if an endpoint subscribes. */
export function assignmentStatusChangedData(
  em: EntityManager, assignment: Assignment, change: { action: string; fromStatus: string; comment?: string | null },
) {
  return async (): Promise<EventData> => ({
    ...(await assignmentFacts(em, assignment)),
    action: change.action,
    fromStatus: change.fromStatus,
    toStatus: assignment.status,
    comment: change.comment ?? null,
  });
}

/**
 * ASSIGNMENT_REASSIGNED data, read only if an endpoint subscribes. Called before the move is written, so
 * both units come from the caller rather than from the database.
 */
export function assignmentReassignedData(
  em: EntityManager, assignment: Assignment, from: Pick<Unit, 'id' | 'code' | 'name'>, reason: string,
) {
  return async (): Promise<EventData> => {
    const to = assignment.unit;
    return {
      ...(await assignmentFacts(em, assignment)),
      unitId: to.id,
      unitCode: to.code,
      unitName: to.name,
      fromUnitId: from.id,
      fromUnitCode: from.code,
      fromUnitName: from.name,
      reason,
    };
  };
}

/** EVIDENCE_ADDED data: the files one request attached, read only if an endpoint subscribes. */
export function evidenceAddedData(em: EntityManager, assignment: Assignment, files: Evidence[]) {
  return async (): Promise<EventData> => ({
    ...(await assignmentFacts(em, assignment)),
    evidence: files.map((e) => ({
      id: e.id, name: e.originalName, downloadName: downloadName(e.originalName, e.detectedExtension), description: e.description ?? null, size: e.size, contentType: e.contentType, uploadedAt: e.uploadedAt,
    })),
  });
}

/** Which escalations to report: their ids, or a query that selects them (one column of ids). */
export type EscalationSelection = string[] | { sql: string; params?: unknown[] };

/**
 * ESCALATION_RAISED for a set of escalations, in one statement for every escalation and endpoint.
 * Call it inside the transaction that raises them. The webhook-id is derived from the escalation, so
 * calling it twice for the same escalations queues nothing new. Returns the new deliveries' ids:
 * hand them to `queues.deliverWebhooks(ids)` after the commit, or leave them to the relay (≤ 1 min).
 */
export async function insertEscalationWebhooks(em: EntityManager, escalations: EscalationSelection): Promise<string[]> {
  const selection = Array.isArray(escalations)
    ? { where: 'e.id = any(?::uuid[])', params: [uuidArray(escalations)] }
    : { where: `e.id in (${escalations.sql})`, params: escalations.params ?? [] };
  const rows = await em.execute<Array<{ id: string }>>(
    `insert into webhook_delivery (id, created_at, updated_at, version, endpoint_id, event_type, payload, message_id, state, attempts, next_attempt_at, job_id)
     select s.id, now(), now(), 1, s.endpoint_id, 'ESCALATION_RAISED', s.payload, s.message_id, 'PENDING', 0, now(), s.id::text
       from (
         select gen_random_uuid() as id, w.id as endpoint_id, 'msg_esc_' || replace(e.id::text, '-', '') as message_id,
                jsonb_build_object(
                  'type', 'ESCALATION_RAISED',
                  'timestamp', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'data', jsonb_build_object(
                    'escalationId', e.id, 'kind', e.kind, 'level', e.level, 'round', e.round, 'basis', e.basis,
                    'workingDaysLate', e.working_days_late, 'recipientLabel', e.recipient_label, 'raisedAt', e.raised_at,
                    'assignmentId', a.id, 'planId', a.plan_id, 'taskId', t.id, 'taskNumber', t.number, 'taskTitle', t.title,
                    'unitId', u.id, 'unitCode', u.code, 'unitName', u.name, 'status', a.status, 'progress', a.progress,
                    'dueDate', a.due_date)) as payload
           from escalation e
           join assignment a on a.id = e.assignment_id
           join task t on t.id = a.task_id
           join unit u on u.id = e.unit_id
           join webhook_endpoint w on w.active and 'ESCALATION_RAISED' = any(w.events)
          where ${selection.where}
       ) s
     on conflict (endpoint_id, message_id) do nothing
     returning id`,
    selection.params,
  );
  return rows.map((r) => r.id);
}
