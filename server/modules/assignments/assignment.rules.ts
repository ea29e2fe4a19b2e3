import { badInput } from '../../shared/errors.js';
import { UnitKind } from '../units/unit.entity.js';
import { AssignmentRole, AssignmentScope } from './assignment.entity.js';

/** The units that have schools and health facilities of their own to lead the work at: communes and townships. */
export const COMMUNE_LEVEL: ReadonlySet<UnitKind> = new Set([UnitKind.COMMUNE, UnitKind.TOWNSHIP]);

/** A unit leads the work at its own facilities: that part has no coordinating role (part V.4). */
export function checkScopeRole(scope: AssignmentScope, role: AssignmentRole) {
  if (scope === AssignmentScope.OWN_FACILITIES && role !== AssignmentRole.LEAD) {
    throw badInput('Phần việc tại các cơ sở của xã chỉ giao với vai trò chủ trì (LEAD).', { argument: 'role' });
  }
}

/** Only a commune or township has its own schools and health facilities (part V.4, "theo phân cấp"). */
export function checkScopeUnit(scope: AssignmentScope, unit: { name: string; kind: UnitKind }) {
  if (scope === AssignmentScope.OWN_FACILITIES && !COMMUNE_LEVEL.has(unit.kind)) {
    throw badInput(`Phần việc tại các trường học, cơ sở y tế của xã chỉ giao cho xã, thị trấn; ${unit.name} không phải xã, thị trấn.`, {
      argument: 'unitId',
    });
  }
}

/** Why a unit cannot be given work it already holds, for the same task and scope. */
export function alreadyAssignedMessage(scope: AssignmentScope, unitName: string, taskNumber: string): string {
  return scope === AssignmentScope.OWN_FACILITIES
    ? `${unitName} đã được giao chủ trì nhiệm vụ ${taskNumber} tại các cơ sở của mình.`
    : `${unitName} đã được giao nhiệm vụ ${taskNumber}.`;
}
