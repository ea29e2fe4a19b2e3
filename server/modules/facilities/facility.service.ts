import type { EntityManager } from '@mikro-orm/postgresql';
import { actingUserId, authorize, type Viewer } from '../../auth/policy.js';
import { today } from '../../shared/dates.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { OrderDirection } from '../../shared/pagination.js';
import { isId, ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { Role, User } from '../users/user.entity.js';
import { Facility } from './facility.entity.js';
import { checkFigures, figuresRow, type Figures } from './figures.js';
import { IndicatorValue } from './indicator-value.entity.js';

export const FACILITY_SPEC: ResourceSpec = {
  label: 'cơ sở',
  searchFields: ['name', 'code'],
  sortable: ['code', 'name', 'sector', 'level'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

/** Written only through report and correct below, never by the generic create/update. */
export const INDICATOR_VALUE_SPEC: ResourceSpec = {
  label: 'số liệu chỉ tiêu',
  searchFields: [],
  sortable: ['asOf', 'createdAt'],
  defaultSort: ['asOf', OrderDirection.DESC],
  writePermission: 'catalogue:manage',
};

/** Facilities as reference data, plus the ones the viewer reports for. */
export class FacilityService extends ResourceService<Facility> {
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, Facility, FACILITY_SPEC);
  }

  /** The facilities the viewer may report for: their own commune's, or every one for ADMIN. */
  async mine(): Promise<Facility[]> {
    const viewer = authorize(this.viewer, 'facility:report', this.viewer ? { unitId: this.viewer.unitId } : undefined);
    const where = viewer.role === Role.ADMIN ? {} : { commune: viewer.unitId };
    return this.em.find(Facility, where, { orderBy: { sector: 'asc', level: 'asc', code: 'asc' }, limit: 500 });
  }
}

/**
 * Indicator values are read like reference data but written only by reporting and correcting:
 * a correction is a new row naming the one it corrects, so every figure ever entered stays readable.
 */
export class IndicatorValueService extends ResourceService<IndicatorValue> {
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, IndicatorValue, INDICATOR_VALUE_SPEC);
  }

  private reporter() {
    const id = this.viewer ? actingUserId(this.viewer) : null;
    return id ? this.em.getReference(User, id) : null;
  }

  async report(facilityId: string, input: Figures): Promise<IndicatorValue> {
    const facility = isId(facilityId) ? await this.em.findOne(Facility, { id: facilityId }) : null;
    if (!facility) throw notFound('cơ sở', facilityId);
    authorize(this.viewer, 'facility:report', { unitId: facility.commune.id });
    checkFigures(facility.sector, input, today());
    const existing = await this.em.findOne(IndicatorValue, { facility, asOf: input.periodEnd, supersedes: null }, { fields: ['id'] });
    if (existing) {
      throw conflict('Cơ sở đã có số liệu chốt ngày này. Hãy điều chỉnh số liệu đó (kèm lý do) thay vì nhập mới.', {
        argument: 'input.periodEnd',
        existingId: existing.id,
      });
    }
    const value = this.em.create(IndicatorValue, { facility, ...figuresRow(input), reportedBy: this.reporter() });
    await this.em.flush();
    return value;
  }

  async correct(id: string, input: Figures, reason: string): Promise<IndicatorValue> {
    const previous = isId(id) ? await this.em.findOne(IndicatorValue, { id }, { populate: ['facility'] }) : null;
    if (!previous) throw notFound(INDICATOR_VALUE_SPEC.label, id);
    authorize(this.viewer, 'facility:report', { unitId: previous.facility.commune.id });
    const why = reason.trim();
    if (why.length < 3 || why.length > 2000) {
      throw badInput('Cần ghi lý do điều chỉnh (3–2000 ký tự).', { argument: 'reason' });
    }
    if (input.periodEnd !== previous.asOf) {
      throw badInput('Điều chỉnh giữ nguyên ngày chốt số liệu; số liệu kỳ khác hãy nhập mới.', { argument: 'input.periodEnd' });
    }
    checkFigures(previous.facility.sector, input, today());
    const later = await this.em.findOne(IndicatorValue, { supersedes: previous }, { fields: ['id'] });
    if (later) {
      throw conflict('Số liệu này đã được điều chỉnh. Hãy tải lại và điều chỉnh bản mới nhất.', { latestId: later.id });
    }
    const value = this.em.create(IndicatorValue, {
      facility: previous.facility, ...figuresRow(input), supersedes: previous, reason: why, reportedBy: this.reporter(),
    });
    await this.em.flush();
    return value;
  }
}
