import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { requireViewer, type Viewer } from '../../auth/policy.js';
import { formatViDate, today } from '../../shared/dates.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { leanRows, type Lean } from '../../shared/lean.js';
import { isId } from '../../shared/resource.service.js';
import type { Assignment } from '../assignments/assignment.entity.js';
import { AssignmentAction, type StatusChange } from '../assignments/status-change.entity.js';
import { UnitReportAction, type UnitReport, type UnitReportEvent } from '../reports/unit-report.entity.js';
import type { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import { decodeInboxCursor, encodeInboxCursor } from './notification.cursor.js';
import { publishNotificationsChanged } from './notification.events.js';
import { Notification, NotificationKind } from './notification.entity.js';
import { UNIT_STAFF_ROLES_SQL } from './recipients.sql.js';

export interface InboxPage {
  items: Array<{ node: Lean<Notification>; cursor: string }>;
  hasNextPage: boolean;
  totalCount: number;
}

export interface InboxSummary {
  unreadCount: number;
  /** The newest notification, read or not; null for an empty inbox. */
  notification: Lean<Notification> | null;
}

/** Where live news about notifications is published: the producer Redis and the deployment's prefix. */
export interface NotificationPublisher {
  redis: Redis;
  prefix: string;
}

type InboxRow = Record<string, unknown> & { cursor_unread: boolean; cursor_at: string };

/** What a transition tells whom: the unit hears the reviewer's decision, the reviewers hear of submitted work. */
const REPORT_NOTICES: Partial<Record<UnitReportAction, NotificationKind.REPORT_SUBMITTED | NotificationKind.REPORT_RETURNED | NotificationKind.REPORT_ACCEPTED>> = {
  [UnitReportAction.SUBMIT]: NotificationKind.REPORT_SUBMITTED,
  [UnitReportAction.RETURN]: NotificationKind.REPORT_RETURNED,
  [UnitReportAction.ACCEPT]: NotificationKind.REPORT_ACCEPTED,
};

/** Who receives a unit's report at the aggregating office. */
const REVIEWER_ROLES_SQL = `('COORDINATOR', 'UNIT_HEAD')`;

const TRANSITION_NOTICES: Partial<Record<AssignmentAction, NotificationKind>> = {
  [AssignmentAction.RETURN]: NotificationKind.RETURNED,
  [AssignmentAction.VERIFY]: NotificationKind.VERIFIED,
  [AssignmentAction.SUBMIT]: NotificationKind.SUBMITTED,
};

/**
 * One page of an inbox: parameters user id, [unread, microseconds, id of the cursor,] limit. The row
 * comparison in the index's own column order lets notification_inbox_index both find the place after
 * the cursor and deliver the order, with no sort.
 */
export function inboxSql(afterCursor: boolean): string {
  return `select n.*, (n.read_at is null) as cursor_unread, (extract(epoch from n.created_at) * 1000000)::bigint::text as cursor_at
            from notification n
           where n.user_id = ?
             ${afterCursor ? `and ((n.read_at is null), n.created_at, n.id) < (?::boolean, timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?::uuid)` : ''}
           order by (n.read_at is null) desc, n.created_at desc, n.id desc
           limit ?`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One user's inbox. Notifications belong to a person: an integrator's API token acts as a role on a
 * unit, not as anyone, so it has no inbox and is refused. Another user's notification is answered
 * NOT_FOUND, exactly as one that does not exist, so ids reveal nothing.
 */
export class NotificationService {
  /** Users whose inbox changed in this unit of work: told after the flush commits. */
  private readonly changed = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly publisher?: NotificationPublisher,
  ) {}

  /** The user whose inbox this is; refuses the signed-out and API tokens. */
  inboxOwner(): string {
    const viewer = requireViewer(this.viewer);
    if (viewer.token) throw forbidden('Mã API không có hộp thông báo: thông báo gửi tới tài khoản người dùng, không tới hệ thống tích hợp.');
    return viewer.id;
  }

  /** Unread first, newest first: exactly the order of notification_inbox_index, read by keyset. */
  async inbox(first: number, after?: string | null): Promise<InboxPage> {
    const userId = this.inboxOwner();
    const position = after ? decodeInboxCursor(after) : null;
    const connection = this.em.getConnection();
    const [rows, counts] = await Promise.all([
      connection.execute<InboxRow[]>(
        inboxSql(!!position),
        position ? [userId, position.unread, position.micros, position.id, first + 1] : [userId, first + 1],
      ),
      connection.execute<Array<{ total: number }>>('select count(*)::int as total from notification where user_id = ?', [userId]),
    ]);
    const page = rows.slice(0, first);
    const cursors = page.map((row) => encodeInboxCursor({ unread: row.cursor_unread, micros: row.cursor_at, id: String(row.id) }));
    for (const row of page) {
      delete (row as Partial<InboxRow>).cursor_unread;
      delete (row as Partial<InboxRow>).cursor_at;
    }
    const nodes = leanRows(this.em, Notification, page);
    return {
      items: nodes.map((node, i) => ({ node, cursor: cursors[i] })),
      hasNextPage: rows.length > first,
      totalCount: counts[0].total,
    };
  }

  async unreadCount(): Promise<number> {
    return this.unreadOf(this.inboxOwner());
  }

  private async unreadOf(userId: string): Promise<number> {
    const [row] = await this.em
      .getConnection()
      .execute<Array<{ unread: number }>>('select count(*)::int as unread from notification where user_id = ? and read_at is null', [userId]);
    return row.unread;
  }

  async get(id: string): Promise<Lean<Notification>> {
    const userId = this.inboxOwner();
    const rows = isId(id) ? await this.em.getConnection().execute('select * from notification where id = ? and user_id = ?', [id, userId]) : [];
    if (!rows.length) throw notFound('thông báo', id);
    return leanRows(this.em, Notification, rows)[0];
  }

  /** Reading it twice keeps the first time it was read. */
  async markRead(id: string): Promise<Lean<Notification>> {
    const userId = this.inboxOwner();
    const rows = isId(id)
      ? await this.em.getConnection().execute(
          `update notification set read_at = coalesce(read_at, now()), updated_at = now(), version = version + (read_at is null)::int
            where id = ? and user_id = ? returning *`,
          [id, userId],
        )
      : [];
    if (!rows.length) throw notFound('thông báo', id);
    await this.publish([userId]);
    return leanRows(this.em, Notification, rows)[0];
  }

  /** How many were marked. */
  async markAllRead(): Promise<number> {
    const userId = this.inboxOwner();
    const marked = await this.em.getConnection().execute(
      'update notification set read_at = now(), updated_at = now(), version = version + 1 where user_id = ? and read_at is null',
      [userId],
      'run',
    );
    const count = (marked as { affectedRows?: number }).affectedRows ?? 0;
    if (count) await this.publish([userId]);
    return count;
  }

  /** The unread count and the newest notification of a user: what a live subscription pushes. */
  async summary(): Promise<InboxSummary> {
    const userId = this.inboxOwner();
    const [unreadCount, newest] = await Promise.all([
      this.unreadOf(userId),
      this.em.getConnection().execute('select * from notification where user_id = ? order by created_at desc, id desc limit 1', [userId]),
    ]);
    return { unreadCount, notification: newest.length ? leanRows(this.em, Notification, newest)[0] : null };
  }

  /**
   * The notifications a workflow step sends, added to the unit of work that records the step, so they
   * commit or roll back with it. Call `flushed()` once the flush has committed.
   */
  async transitioned(assignment: Assignment, action: AssignmentAction, change: StatusChange): Promise<void> {
    const kind = TRANSITION_NOTICES[action];
    if (!kind) return;
    const actorId = change.actor?.id ?? null;
    const toReviewers = kind === NotificationKind.SUBMITTED;
    const [facts] = await this.em.getConnection().execute<
      Array<{ number: string; title: string; unit_name: string; actor_name: string | null; recipients: string[] }>
    >(
      `select t.number, t.title, un.name as unit_name,
              (select full_name from app_user where id = ?::uuid) as actor_name,
              coalesce(array_agg(u.id::text) filter (where u.id is not null), '{}') as recipients
         from assignment a
         join task t on t.id = a.task_id
         join unit un on un.id = a.unit_id
         left join app_user u on u.active and u.id is distinct from ?::uuid
               and (case when ? then u.role = 'COORDINATOR' else u.unit_id = a.unit_id and u.role in ${UNIT_STAFF_ROLES_SQL} end)
        where a.id = ?
        group by t.number, t.title, un.name`,
      [actorId, actorId, toReviewers, assignment.id],
    );
    if (!facts?.recipients.length) return;
    const task = `${facts.number} ${facts.title}`;
    const by = facts.actor_name ?? 'Hệ thống tích hợp';
    const comment = change.comment ? ` Ý kiến: ${change.comment}` : '';
    const text = {
      [NotificationKind.RETURNED]: {
        title: `Kết quả bị trả lại: ${task}`,
        body: `${by} đã trả lại kết quả nhiệm vụ ${facts.number} của ${facts.unit_name}.${comment}`,
      },
      [NotificationKind.VERIFIED]: {
        title: `Kết quả đã được xác nhận: ${task}`,
        body: `${by} đã xác nhận hoàn thành nhiệm vụ ${facts.number} của ${facts.unit_name}.${comment}`,
      },
      [NotificationKind.SUBMITTED]: {
        title: `Chờ thẩm định: ${task}`,
        body: `${facts.unit_name} đã gửi kết quả nhiệm vụ ${facts.number} để thẩm định.${comment}`,
      },
    }[kind as NotificationKind.RETURNED | NotificationKind.VERIFIED | NotificationKind.SUBMITTED];
    const day = today(change.at);
    for (const userId of facts.recipients) {
      this.em.create(Notification, {
        user: this.em.getReference(User, userId),
        kind,
        title: clip(text.title, 255),
        body: text.body,
        day,
        urgent: false,
        assignment,
        // One notification per recorded step and person, however often the step is retried.
        dedupeKey: `status-change:${change.id}`,
      });
      this.changed.add(userId);
    }
  }

  /**
   * Work moved to another unit: the officers and head of both units are told, each from their side,
   * in the unit of work that moves it. The one who moved it is not told what they did.
   */
  async reassigned(assignment: Assignment, change: StatusChange, from: Unit, to: Unit): Promise<void> {
    const actorId = change.actor?.id ?? null;
    const [facts] = await this.em.getConnection().execute<
      Array<{ number: string; title: string; actor_name: string | null; losing: string[]; gaining: string[] }>
    >(
      `select t.number, t.title,
              (select full_name from app_user where id = ?::uuid) as actor_name,
              array(select u.id::text from app_user u where u.active and u.unit_id = ? and u.role in ${UNIT_STAFF_ROLES_SQL}
                       and u.id is distinct from ?::uuid order by u.id) as losing,
              array(select u.id::text from app_user u where u.active and u.unit_id = ? and u.role in ${UNIT_STAFF_ROLES_SQL}
                       and u.id is distinct from ?::uuid order by u.id) as gaining
         from task t where t.id = ?`,
      [actorId, from.id, actorId, to.id, actorId, assignment.task.id],
    );
    if (!facts) return;
    const by = facts.actor_name ?? 'Lãnh đạo';
    const why = change.comment ? ` Lý do: ${change.comment}` : '';
    const moved = `${by} đã chuyển nhiệm vụ ${facts.number} (${facts.title}) từ ${from.name} sang ${to.name}`;
    const notices = [
      ...facts.losing.map((userId) => ({ userId, title: `Nhiệm vụ đã chuyển sang đơn vị khác: ${facts.number} ${facts.title}`, body: `${moved}.${why}` })),
      ...facts.gaining.map((userId) => ({
        userId,
        title: `Nhiệm vụ được chuyển đến đơn vị: ${facts.number} ${facts.title}`,
        body: `${moved}, hạn ${formatViDate(assignment.dueDate)}. Đơn vị tiếp tục thực hiện từ tiến độ ${assignment.progress}%.${why}`,
      })),
    ];
    const day = today(change.at);
    for (const notice of notices) {
      this.em.create(Notification, {
        user: this.em.getReference(User, notice.userId),
        kind: NotificationKind.REASSIGNED,
        title: clip(notice.title, 255),
        body: notice.body,
        day,
        urgent: false,
        assignment,
        dedupeKey: `status-change:${change.id}`,
      });
      this.changed.add(notice.userId);
    }
  }

  /**
   * The notices of a unit report's step, in the same unit of work: a submission to the aggregating
   * office's coordinators and head, a return or an acceptance to the reporting unit's officers and head.
   */
  async reportTransitioned(
    report: UnitReport,
    event: UnitReportEvent,
    facts: { unitName: string; reviewingUnitId: string; subject: string; dueBefore: string },
  ): Promise<void> {
    const kind = REPORT_NOTICES[event.action];
    if (!kind) return;
    const actorId = event.actor?.id ?? null;
    const toReviewers = kind === NotificationKind.REPORT_SUBMITTED;
    const roles = toReviewers ? REVIEWER_ROLES_SQL : UNIT_STAFF_ROLES_SQL;
    const [row] = await this.em.getConnection().execute<Array<{ actor_name: string | null; recipients: string[] }>>(
      `select (select full_name from app_user where id = ?::uuid) as actor_name,
              coalesce(array_agg(u.id::text order by u.id), '{}') as recipients
         from app_user u
        where u.active and u.id is distinct from ?::uuid and u.unit_id = ? and u.role in ${roles}`,
      [actorId, actorId, toReviewers ? facts.reviewingUnitId : report.unit.id],
    );
    if (!row?.recipients.length) return;
    const by = row.actor_name ?? 'Hệ thống';
    const comment = event.comment ? ` Ý kiến: ${event.comment}` : '';
    const what = `${facts.subject} (hạn trước ${formatViDate(facts.dueBefore)})`;
    const text = {
      [NotificationKind.REPORT_SUBMITTED]: { title: `Báo cáo chờ tiếp nhận: ${facts.unitName}`, body: `${facts.unitName} đã gửi ${what}.` },
      [NotificationKind.REPORT_RETURNED]: { title: `Báo cáo bị trả lại: ${facts.subject}`, body: `${by} đã trả lại ${what} của ${facts.unitName}.${comment}` },
      [NotificationKind.REPORT_ACCEPTED]: { title: `Báo cáo đã được tiếp nhận: ${facts.subject}`, body: `${by} đã tiếp nhận ${what} của ${facts.unitName}.${comment}` },
    }[kind];
    const day = today(event.at);
    for (const userId of row.recipients) {
      this.em.create(Notification, {
        user: this.em.getReference(User, userId),
        kind,
        title: clip(text.title, 255),
        body: text.body,
        day,
        urgent: false,
        unitReport: report,
        dedupeKey: `report-event:${event.id}`,
      });
      this.changed.add(userId);
    }
  }

  /** After the commit: every process holding a subscription of these users pushes the news. */
  async flushed(): Promise<void> {
    const users = [...this.changed];
    this.changed.clear();
    await this.publish(users);
  }

  private async publish(userIds: string[]) {
    if (this.publisher && userIds.length) await publishNotificationsChanged(this.publisher.redis, this.publisher.prefix, userIds);
  }
}
