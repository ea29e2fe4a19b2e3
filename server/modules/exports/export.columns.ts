import { daysBetween, formatViDate, formatViInstant, today } from '../../shared/dates.js';
import type { Lean } from '../../shared/lean.js';
import type { Assignment } from '../assignments/assignment.entity.js';
import type { Task } from '../tasks/task.entity.js';
import type { Unit } from '../units/unit.entity.js';
import { DeadlineClass, deadlineClass, isDoneAsOf } from '../assignments/deadline.js';

/** Vietnamese labels as the admin shows them, so an exported sheet reads like the screen. */
const STATUS: Record<string, string> = {
  NOT_STARTED: 'Chưa bắt đầu',
  IN_PROGRESS: 'Đang thực hiện',
  SUBMITTED: 'Chờ thẩm định',
  DONE: 'Hoàn thành',
  BLOCKED: 'Vướng mắc',
  CANCELLED: 'Đã hủy',
};
const ROLE: Record<string, string> = { LEAD: 'Chủ trì', COORDINATE: 'Phối hợp' };
const DEADLINE: Record<DeadlineClass, string> = {
  DONE_ON_TIME: 'Hoàn thành đúng hạn',
  DONE_LATE: 'Hoàn thành quá hạn',
  NOT_DONE_WITHIN_DEADLINE: 'Chưa hoàn thành, trong hạn',
  OVERDUE: 'Chưa hoàn thành, quá hạn',
};

/** An assignment with the task and unit fields a sheet shows. */
export type ExportRow = Omit<Lean<Assignment>, 'task' | 'unit'> & { task: Pick<Task, 'number' | 'title'>; unit: Pick<Unit, 'name'> };

export interface ExportColumn {
  header: string;
  width: number;
  value(a: ExportRow, asOf: string): string | number;
}

export const ASSIGNMENT_COLUMNS: ExportColumn[] = [
  { header: 'Số TT nhiệm vụ', width: 10, value: (a) => a.task.number },
  { header: 'Nhiệm vụ', width: 60, value: (a) => a.task.title },
  { header: 'Đơn vị', width: 36, value: (a) => a.unit.name },
  { header: 'Vai trò', width: 10, value: (a) => ROLE[a.role] ?? a.role },
  { header: 'Trạng thái', width: 16, value: (a) => STATUS[a.status] ?? a.status },
  { header: 'Tiến độ (%)', width: 10, value: (a) => a.progress },
  { header: 'Hạn', width: 12, value: (a) => formatViDate(a.dueDate) },
  {
    header: 'Phân loại theo hạn',
    width: 26,
    value: (a, asOf) => {
      const cls = deadlineClass(a, asOf);
      return cls ? DEADLINE[cls] : '';
    },
  },
  {
    header: 'Số ngày quá hạn',
    width: 12,
    value: (a, asOf) =>
      deadlineClass(a, asOf) === DeadlineClass.OVERDUE && !isDoneAsOf(a, asOf) ? daysBetween(a.dueDate, asOf) : 0,
  },
  { header: 'Ghi chú tiến độ', width: 40, value: (a) => a.note ?? '' },
  { header: 'Cập nhật lần cuối', width: 14, value: (a) => formatViInstant(a.updatedAt) },
];

export function exportDay(asOf?: string): string {
  return asOf ?? today();
}
