import type { AssignmentStatus, DeadlineClass } from '../types.js';

export interface AssignmentListFilter {
  planId: string;
  unitId?: string;
  taskId?: string;
  status?: AssignmentStatus[];
  deadlineClass?: DeadlineClass;
  /** The class is of this day; left out for today, the list's own default. */
  asOf?: string;
}

/** The assignment list (react-admin's URL), filtered: where a unit, a task or a figure of the dashboard leads. */
export function assignmentListUrl(filter: AssignmentListFilter, sort: { field: string; order: 'ASC' | 'DESC' } = { field: 'task', order: 'ASC' }): string {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const params = new URLSearchParams({ filter: JSON.stringify(clean), sort: sort.field, order: sort.order, page: '1', perPage: '25' });
  return `/Assignment?${params}`;
}

export const assignmentUrl = (id: string) => `/Assignment/${id}/show`;
