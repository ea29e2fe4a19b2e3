import type { EntityManager } from '@mikro-orm/postgresql';
import { assignmentPathSql, unitReportPathSql } from '../notifications/recipients.sql.js';

/**
 * One Vietnamese digest per user with an e-mail address who has non-urgent notifications that day,
 * in one statement. Its dedupe key is the user and the day, so running the digest again for a day
 * (a retried job, a second worker) queues nothing new.
 */
const DIGEST_SQL = `
  with p as (select ?::date as day, ?::text as base),
  items as (
    select n.user_id, n.title, n.body, n.assignment_id, n.unit_report_id,
           row_number() over (partition by n.user_id order by n.created_at, n.id) as position
      from notification n, p
     where n.day = p.day and not n.urgent
  )
  insert into outbox_email (id, created_at, updated_at, version, user_id, to_address, subject, text, dedupe_key, state, attempts, next_attempt_at)
  select gen_random_uuid(), now(), now(), 1, u.id, u.email,
         format('[Tiến độ] %s thông báo ngày %s', count(*), to_char(p.day, 'DD/MM/YYYY')),
         format(E'Xin chào %s,\\n\\nNgày %s bạn có %s thông báo trên hệ thống Tiến độ:\\n\\n%s\\n\\nXem tất cả thông báo: %s/\\n\\n--\\nThư gửi tự động từ hệ thống Tiến độ, vui lòng không trả lời thư này.\\n',
                u.full_name, to_char(p.day, 'DD/MM/YYYY'), count(*),
                string_agg(
                  format(E'%s. %s\\n   %s\\n   Xem: %s', i.position, i.title, i.body,
                         p.base || coalesce(${assignmentPathSql('i.assignment_id')}, ${unitReportPathSql('i.unit_report_id')}, '/')),
                  E'\\n\\n' order by i.position),
                p.base),
         'digest:' || u.id || ':' || p.day, 'PENDING', 0, now()
    from items i
    join app_user u on u.id = i.user_id
    cross join p
   where u.email is not null and u.active
   group by u.id, u.email, u.full_name, p.day, p.base
  on conflict (dedupe_key) do nothing`;

/** Queues the day's digests; returns how many were new. */
export async function queueDailyDigests(em: EntityManager, day: string, publicUrl: string): Promise<number> {
  const result = await em.execute(DIGEST_SQL, [day, publicUrl], 'run');
  return (result as unknown as { affectedRows: number }).affectedRows;
}
