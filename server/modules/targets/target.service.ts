import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Lean } from '../../shared/lean.js';
import type { Viewer } from '../../auth/policy.js';
import { OrderDirection } from '../../shared/pagination.js';
import { ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { Target } from './target.entity.js';
import { targetValues, type TargetValue } from './target-progress.js';

export const TARGET_SPEC: ResourceSpec = {
  label: 'mục tiêu',
  searchFields: ['title', 'code'],
  sortable: ['code', 'sector', 'thresholdPercent', 'deadline'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export class TargetService extends ResourceService<Target> {
  /** Per day, one query for all the targets the request asks about. */
  private readonly values = new Map<string, DataLoader<Lean<Target>, TargetValue, string>>();

  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, Target, TARGET_SPEC);
  }

  value(target: Lean<Target>, asOf: string): Promise<TargetValue> {
    let loader = this.values.get(asOf);
    if (!loader) {
      loader = new DataLoader((targets) => targetValues(this.em, targets, asOf), { cacheKeyFn: (t) => t.id });
      this.values.set(asOf, loader);
    }
    return loader.load(target);
  }
}
