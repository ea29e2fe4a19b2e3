import { FacilityLevel, FacilitySector } from '../../modules/facilities/facility.entity.js';
import { CashlessChannel, DigitalPlatform, PLATFORMS_BY_SECTOR } from '../../modules/facilities/indicator-value.entity.js';

export interface DemoFacility {
  code: string;
  name: string;
  communeCode: string;
  sector: FacilitySector;
  level: FacilityLevel;
  values: Array<{
    asOf: string;
    periodStart: string;
    periodEnd: string;
    usesDigitalPlatform: boolean;
    digitalPlatforms: DigitalPlatform[];
    acceptsCashless: boolean;
    cashlessChannels: CashlessChannel[];
    cashlessTransactions: number;
    totalTransactions: number;
    cashlessAmount: number;
    totalAmount: number;
  }>;
}

const LEVELS: Array<{ level: FacilityLevel; sector: FacilitySector; prefix: string; code: string }> = [
  { level: FacilityLevel.PRESCHOOL, sector: FacilitySector.EDUCATION, prefix: 'Trường Mầm non', code: 'MN' },
  { level: FacilityLevel.PRIMARY, sector: FacilitySector.EDUCATION, prefix: 'Trường Tiểu học', code: 'TH' },
  { level: FacilityLevel.LOWER_SECONDARY, sector: FacilitySector.EDUCATION, prefix: 'Trường THCS', code: 'THCS' },
  { level: FacilityLevel.HEALTH_STATION, sector: FacilitySector.HEALTH, prefix: 'Trạm Y tế', code: 'TYT' },
];

const CHANNELS = [CashlessChannel.BANK_TRANSFER_QR, CashlessChannel.CARD, CashlessChannel.E_WALLET, CashlessChannel.PUBLIC_SERVICE_PORTAL];

/** A small deterministic generator, so every installation gets the same demo figures. */
export function seededRandom(seed: string): () => number {
  let state = [...seed].reduce((acc, ch) => (acc * 31 + ch.charCodeAt(0)) >>> 0, 2166136261);
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The plan names no schools or clinics, so these are illustrative: one preschool, primary school,
 * lower-secondary school and health station per commune, plus the district hospital. All are marked demo.
 */
export function demoFacilities(communes: Array<{ code: string; name: string }>): DemoFacility[] {
  const facilities: DemoFacility[] = [];
  const add = (code: string, name: string, communeCode: string, sector: FacilitySector, level: FacilityLevel) => {
    const random = seededRandom(code);
    const platforms = PLATFORMS_BY_SECTOR[sector];
    const values = [['2022-01-01', '2022-06-30'], ['2022-07-01', '2022-12-20']].map(([periodStart, asOf], period) => {
      const total = 200 + Math.floor(random() * 800);
      const usesDigitalPlatform = random() < 0.35 + period * 0.3;
      const chosen = platforms.filter(() => random() < 0.5);
      const digitalPlatforms = usesDigitalPlatform ? (chosen.length ? chosen : [platforms[0]]) : [];
      const acceptsCashless = random() < 0.5 + period * 0.35;
      const cashlessChannels = acceptsCashless ? [CHANNELS[0], ...CHANNELS.slice(1).filter(() => random() < 0.4)] : [];
      const cashlessTransactions = Math.floor(total * (0.2 + period * 0.3 + random() * 0.3));
      // Fees of tens to a few hundred thousand đồng per transaction.
      const averageFee = 50_000 + Math.floor(random() * 20) * 10_000;
      return {
        asOf,
        periodStart,
        periodEnd: asOf,
        usesDigitalPlatform,
        digitalPlatforms,
        acceptsCashless,
        cashlessChannels,
        cashlessTransactions,
        totalTransactions: total,
        cashlessAmount: cashlessTransactions * averageFee,
        totalAmount: total * averageFee,
      };
    });
    facilities.push({ code, name, communeCode, sector, level, values });
  };
  for (const commune of communes) {
    const place = commune.name.replace(/^(Xã|Thị trấn) /, '');
    for (const kind of LEVELS) {
      add(`${kind.code}-${commune.code}`, `${kind.prefix} ${place}`, commune.code, kind.sector, kind.level);
    }
  }
  add('BVDK-HATRUNG', 'Bệnh viện Đa khoa huyện Hà Trung', 'TT-HATRUNG', FacilitySector.HEALTH, FacilityLevel.DISTRICT_HOSPITAL);
  return facilities;
}
