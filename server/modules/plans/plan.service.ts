import { OrderDirection } from '../../shared/pagination.js';
import type { ResourceSpec } from '../../shared/resource.service.js';

export const PLAN_SPEC: ResourceSpec = {
  label: 'kế hoạch',
  searchFields: ['title', 'code', 'number', 'issuingBody'],
  sortable: ['code', 'title', 'issueDate', 'status', 'createdAt'],
  defaultSort: ['createdAt', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};
