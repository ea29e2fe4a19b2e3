import { describe, expect, it } from 'vitest';
import { asOfKind, defaultAsOf, seriesStart, type PlanPeriod } from '../../admin/src/dashboard/asOf.js';
import { nobodyHasFinished, rankUnits, worstUnits } from '../../admin/src/dashboard/ranking.js';
import type { ProgressFigures } from '../../admin/src/types.js';

const unit = (name: string, done: number, comeDue: number, overdue: number) => {
  const figures: ProgressFigures = {
    total: comeDue + 1,
    comeDue,
    doneOnTime: done,
    doneLate: 0,
    notDoneWithinDeadline: 1,
    overdue,
    completionRate: comeDue ? done / comeDue : null,
    overdueRate: overdue / (comeDue + 1),
    averageProgress: 0,
  };
  return { unit: { name }, figures };
};

describe('the overview’s ranking of units', () => {
  const rows = [
    unit('Xã Hà Hải', 0, 3, 3),
    unit('Xã Hà Bình', 1, 3, 2),
    unit('Xã Hà Bắc', 2, 3, 1),
    unit('Xã Hà Giang', 1, 3, 2),
    unit('Xã Hà Châu', 0, 2, 2),
    unit('Xã Hà Đông', 0, 2, 2),
    unit('Viettel Hà Trung', 0, 0, 0),
  ];

  it('goes by completion, then by fewer overdue, and equal figures share a rank', () => {
    expect(rankUnits(rows).map((r) => [r.row.unit.name, r.rank])).toEqual([
      ['Xã Hà Bắc', 1],
      ['Xã Hà Bình', 2],
      ['Xã Hà Giang', 2],
      ['Xã Hà Châu', 4],
      ['Xã Hà Đông', 4],
      ['Xã Hà Hải', 6],
      ['Viettel Hà Trung', null],
    ]);
  });

  it('a unit with nothing due is neither first nor among the worst', () => {
    expect(worstUnits(rows, 3).map((r) => r.row.unit.name)).toEqual(['Xã Hà Hải', 'Xã Hà Đông', 'Xã Hà Châu']);
    expect(worstUnits([unit('Viettel Hà Trung', 0, 0, 0)], 3)).toEqual([]);
  });

  it('knows when nobody has finished anything', () => {
    expect(nobodyHasFinished(rows)).toBe(false);
    expect(nobodyHasFinished(rows.filter((r) => r.figures.doneOnTime === 0))).toBe(true);
    expect(nobodyHasFinished([])).toBe(false);
  });
});

describe('the day the overview opens on', () => {
  const plan = (status: PlanPeriod['status'], periodEnd: string | null): PlanPeriod => ({ status, periodStart: '2022-01-01', periodEnd });

  it('is today for a running plan, even past its period, and the last day of a closed one', () => {
    expect(defaultAsOf(plan('ACTIVE', '2022-12-31'), '2026-12-01')).toBe('2026-12-01');
    expect(defaultAsOf(plan('CLOSED', '2022-12-31'), '2026-12-01')).toBe('2022-12-31');
    expect(defaultAsOf(plan('CLOSED', null), '2026-12-01')).toBe('2026-12-01');
    expect(defaultAsOf(undefined, '2026-12-01')).toBe('2026-12-01');
  });

  it('says which day it is, and the chart starts with the plan’s period', () => {
    expect(asOfKind(plan('ACTIVE', '2022-12-31'), '2026-12-01', '2026-12-01')).toBe('today');
    expect(asOfKind(plan('CLOSED', '2022-12-31'), '2022-12-31', '2026-12-01')).toBe('closed_end');
    expect(asOfKind(plan('ACTIVE', '2022-12-31'), '2022-12-31', '2026-12-01')).toBe('chosen');
    expect(seriesStart(plan('ACTIVE', '2022-12-31'), '2026-12-01')).toBe('2022-01-01');
    expect(seriesStart({ status: 'ACTIVE', periodStart: null, periodEnd: null }, '2026-12-01')).toBe('2025-12-01');
  });
});
