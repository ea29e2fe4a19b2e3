import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/policy.js';
import { OrderDirection } from '../../shared/pagination.js';
import { ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { Target } from './target.entity.js';
import { evaluateTarget, latestFacilityFacts, type FacilityFacts, type TargetValue } from './target-progress.js';

export const TARGET_SPEC: ResourceSpec = {
  label: 'mục tiêu',
  searchFields: ['title', 'code'],
  sortable: ['code', 'sector', 'thresholdPercent', 'deadline'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export class TargetService extends ResourceService<Target> {
  /** The facilities' facts per day, read once per request however many targets ask. */
  private readonly facts = new Map<string, Promise<FacilityFacts[]>>();

  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, Target, TARGET_SPEC);
  }

  async value(target: Target, asOf: string): Promise<TargetValue> {
    if (!this.facts.has(asOf)) this.facts.set(asOf, latestFacilityFacts(this.em, asOf));
    return evaluateTarget(target, await this.facts.get(asOf)!);
  }
}
