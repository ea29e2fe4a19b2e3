import { badInput } from '../../shared/errors.js';
import { FacilitySector } from './facility.entity.js';
import { PLATFORMS_BY_SECTOR, type CashlessChannel, type DigitalPlatform } from './indicator-value.entity.js';

export interface Figures {
  periodStart: string;
  periodEnd: string;
  digitalPlatforms: DigitalPlatform[];
  cashlessChannels: CashlessChannel[];
  cashlessTransactions: number;
  totalTransactions: number;
  cashlessAmount: number;
  totalAmount: number;
  focalPersonName?: string | null;
  focalPersonPhone?: string | null;
}

const SECTOR_NAME: Record<FacilitySector, string> = {
  [FacilitySector.EDUCATION]: 'giáo dục',
  [FacilitySector.HEALTH]: 'y tế',
};

/**
 * The rules a period's figures must keep, each refusal naming the argument at fault. `today` is the
 * Vietnam day: figures are facts, so a period cannot end in the future.
 */
export function checkFigures(sector: FacilitySector, f: Figures, today: string): void {
  if (f.periodEnd < f.periodStart) {
    throw badInput('Cuối kỳ phải sau hoặc trùng đầu kỳ.', { argument: 'input.periodEnd' });
  }
  if (f.periodEnd > today) {
    throw badInput('Kỳ báo cáo chưa kết thúc: cuối kỳ không được sau hôm nay.', { argument: 'input.periodEnd' });
  }
  const allowed = PLATFORMS_BY_SECTOR[sector];
  const foreign = f.digitalPlatforms.filter((p) => !allowed.includes(p));
  if (foreign.length) {
    throw badInput(`Loại nền tảng không thuộc lĩnh vực ${SECTOR_NAME[sector]} của cơ sở: ${foreign.join(', ')}.`, {
      argument: 'input.digitalPlatforms',
    });
  }
  if (f.cashlessTransactions > f.totalTransactions) {
    throw badInput('Số giao dịch không dùng tiền mặt không được lớn hơn tổng số giao dịch.', { argument: 'input.cashlessTransactions' });
  }
  if (f.cashlessAmount > f.totalAmount) {
    throw badInput('Giá trị giao dịch không dùng tiền mặt không được lớn hơn tổng giá trị.', { argument: 'input.cashlessAmount' });
  }
}

/** What a row stores: the booleans the target figures count are derived, never entered apart. */
export function figuresRow(f: Figures) {
  return {
    asOf: f.periodEnd,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    digitalPlatforms: [...new Set(f.digitalPlatforms)],
    usesDigitalPlatform: f.digitalPlatforms.length > 0,
    cashlessChannels: [...new Set(f.cashlessChannels)],
    acceptsCashless: f.cashlessChannels.length > 0,
    cashlessTransactions: f.cashlessTransactions,
    totalTransactions: f.totalTransactions,
    cashlessAmount: f.cashlessAmount,
    totalAmount: f.totalAmount,
    focalPersonName: f.focalPersonName?.trim() || null,
    focalPersonPhone: f.focalPersonPhone?.trim() || null,
  };
}
