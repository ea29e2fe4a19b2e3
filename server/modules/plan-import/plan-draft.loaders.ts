import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isId } from '../../shared/resource.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit, UnitKind } from '../units/unit.entity.js';
import type { DraftContent } from './draft-content.js';
import type { DraftFacts } from './draft-problems.js';

/**
 * What the database says about the units and plans drafts name, batched: a list of drafts asks once
 * per kind of fact, however many drafts it shows.
 */
export function draftFactLoaders(em: EntityManager) {
  const unitExists = new DataLoader<string, boolean>(async (ids) => {
    const valid = ids.filter(isId);
    const found = new Set(valid.length ? (await em.find(Unit, { id: { $in: valid } }, { fields: ['id'] })).map((u) => u.id) : []);
    return ids.map((id) => found.has(id));
  });
  const unitCodeTaken = new DataLoader<string, boolean>(async (codes) => {
    const found = new Set((await em.find(Unit, { code: { $in: [...codes] } }, { fields: ['code'] })).map((u) => u.code));
    return codes.map((code) => found.has(code));
  });
  const planIdByCode = new DataLoader<string, string | null>(async (codes) => {
    const found = new Map((await em.find(Plan, { code: { $in: [...codes] } }, { fields: ['id', 'code'] })).map((p) => [p.code, p.id]));
    return codes.map((code) => found.get(code) ?? null);
  });
  const planExists = new DataLoader<string, boolean>(async (ids) => {
    const valid = ids.filter(isId);
    const found = new Set(valid.length ? (await em.find(Plan, { id: { $in: valid } }, { fields: ['id'] })).map((p) => p.id) : []);
    return ids.map((id) => found.has(id));
  });
  let communeCount: Promise<number> | undefined;

  return {
    async facts(content: DraftContent): Promise<DraftFacts> {
      const unitIds = [...new Set(content.bodies.filter((b) => !b.allCommunes && !b.createUnit && b.unitId).map((b) => b.unitId!))];
      const codes = [...new Set(content.bodies.filter((b) => b.createUnit && b.unitCode?.trim()).map((b) => b.unitCode!.trim()))];
      const parentId = content.header.parentPlanId;
      communeCount ??= em.count(Unit, { kind: { $in: [UnitKind.COMMUNE, UnitKind.TOWNSHIP] } });
      const [existing, taken, planCode, parent, communes] = await Promise.all([
        unitExists.loadMany(unitIds),
        unitCodeTaken.loadMany(codes),
        content.header.code?.trim() ? planIdByCode.load(content.header.code.trim()) : null,
        parentId ? planExists.load(parentId) : true,
        communeCount,
      ]);
      return {
        existingUnitIds: new Set(unitIds.filter((_, i) => existing[i] === true)),
        takenUnitCodes: new Set(codes.filter((_, i) => taken[i] === true)),
        planCodeTaken: planCode !== null,
        parentPlanExists: parent === true,
        communeCount: communes,
      };
    },
  };
}

export type DraftFactLoaders = ReturnType<typeof draftFactLoaders>;
