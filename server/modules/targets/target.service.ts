import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Lean } from '../../shared/lean.js';
import type { Viewer } from '../../auth/policy.js';
import { OrderDirection } from '../../shared/pagination.js';
import { ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { Target } from './target.entity.js';
import { badInput } from '../../shared/errors.js';
import { daysBetween } from '../../shared/dates.js';
import {
  targetHistory,
  targetValues,
  targetValuesByCommune,
  type CommuneTargetValue,
  type TargetHistoryPoint,
  type TargetValue,
} from './target-progress.js';
import { historyDays } from './target-status.js';

/** A chart needs no more points than this; more would only cost the database. */
export const MAX_HISTORY_POINTS = 60;
/** Ten years of days: a longer series says nothing a plan's period needs. */
const MAX_HISTORY_SPAN_DAYS = 3660;

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
  private readonly communeValues = new Map<string, DataLoader<Lean<Target>, CommuneTargetValue[], string>>();
  private readonly histories = new Map<string, DataLoader<Lean<Target>, TargetHistoryPoint[], string>>();

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

  /** Per day, one query for all the targets and all the communes. */
  byCommune(target: Lean<Target>, asOf: string): Promise<CommuneTargetValue[]> {
    let loader = this.communeValues.get(asOf);
    if (!loader) {
      loader = new DataLoader((targets) => targetValuesByCommune(this.em, targets, asOf), { cacheKeyFn: (t) => t.id });
      this.communeValues.set(asOf, loader);
    }
    return loader.load(target);
  }

  /** Per series, one query for all the targets asked about. */
  history(target: Lean<Target>, from: string, to: string, points: number): Promise<TargetHistoryPoint[]> {
    if (from > to) throw badInput('Ngày bắt đầu phải trước ngày kết thúc.', { argument: 'from' });
    if (daysBetween(from, to) > MAX_HISTORY_SPAN_DAYS) throw badInput('Khoảng thời gian tối đa là 10 năm.', { argument: 'to' });
    if (!Number.isInteger(points) || points < 1 || points > MAX_HISTORY_POINTS) {
      throw badInput(`Số điểm phải từ 1 đến ${MAX_HISTORY_POINTS}.`, { argument: 'points' });
    }
    const key = `${from}|${to}|${points}`;
    let loader = this.histories.get(key);
    if (!loader) {
      const days = historyDays(from, to, points);
      loader = new DataLoader((targets) => targetHistory(this.em, targets, days), { cacheKeyFn: (t) => t.id });
      this.histories.set(key, loader);
    }
    return loader.load(target);
  }
}
