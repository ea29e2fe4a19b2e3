/**
 * The shape of each benchmark scale: how many provinces, districts, communes and offices, and which
 * plans cover which units. Everything is derived from fixed numbers, so two runs give the same rows.
 */

export type Scale = 'district' | 'province' | 'nation';
export const SCALES: readonly Scale[] = ['district', 'province', 'nation'];

export interface UnitShape {
  provinces: number;
  /** Provincial departments (Sở) per province: they coordinate on every district plan of their province. */
  departmentsPerProvince: number;
  districtsPerProvince: number;
  /** District offices (Phòng) per district, besides the district's people's committee. */
  officesPerDistrict: number;
  /** Communes per district; the first is the district's township. */
  communesPerDistrict: number;
  officersPerUnit: number;
}

export type PlanKind = 'NATION' | 'PROVINCE' | 'DISTRICT';

/**
 * One synthetic plan. NATION covers every commune, PROVINCE the communes of one province; a DISTRICT
 * plan covers its province's departments plus `localUnits` consecutive district-level units (district
 * committees, offices, communes, in province/district order) starting at `firstLocal`.
 */
export interface PlanSpec {
  no: number;
  kind: PlanKind;
  province: number;
  firstLocal: number;
  localUnits: number;
}

export interface ScaleShape {
  units: UnitShape;
  plans: PlanSpec[];
}

/** The template's tasks: 1, 1.1, 1.2, 2, 2.1, 2.2, 3, 4, 5, 6 — every plan gives each to each of its units. */
export const TASKS_PER_PLAN = 10;

export function localUnitsPerDistrict(u: UnitShape): number {
  return 1 + u.officesPerDistrict + u.communesPerDistrict;
}

/** A small deterministic generator (mulberry32), so plan sizes are the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `count` sizes in [min, max] summing exactly to `total`, skewed like real plans: most are small, a few large.
 */
export function spreadSizes(count: number, total: number, min: number, max: number, seed: number): number[] {
  if (count * min > total || count * max < total) throw new Error(`cannot spread ${total} over ${count} plans in [${min}, ${max}]`);
  const random = seededRandom(seed);
  const weights = Array.from({ length: count }, () => 0.1 + random() ** 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.min(max, Math.max(min, Math.round((total * w) / sum))));
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  // Settle rounding and clamping one unit at a time, on the plans that still have room.
  for (let i = 0; diff !== 0; i = (i + 1) % count) {
    if (diff > 0 && sizes[i] < max) (sizes[i]++, diff--);
    else if (diff < 0 && sizes[i] > min) (sizes[i]--, diff++);
  }
  return sizes;
}

function districtPlans(units: UnitShape, firstNo: number, localSizes: number[]): PlanSpec[] {
  const districts = units.provinces * units.districtsPerProvince;
  return localSizes.map((localUnits, i) => {
    // Spread the plans' starting districts evenly over the country.
    const district = Math.floor((i * districts) / localSizes.length);
    return {
      no: firstNo + i,
      kind: 'DISTRICT',
      province: 1 + Math.floor(district / units.districtsPerProvince),
      firstLocal: district * localUnitsPerDistrict(units),
      localUnits,
    };
  });
}

/**
 * Sizes, counting the seeded Hà Trung plan (116 assignments) and its parent plan:
 * - district: 2 plans of 500 assignments;
 * - province: 20 plans, 600 communes, 19,566 assignments (the provincial plan 6,000), 3,081 facilities;
 * - nation: 10,630 units, 502,766 assignments (the national plan 100,000, one district plan 6,000, the
 *   rest 90–6,000 each), 50,081 facilities.
 * Every synthetic assignment has ten history rows on average, so history is ten times the synthetic count.
 */
export function scaleShape(scale: Scale): ScaleShape {
  switch (scale) {
    case 'district': {
      const units: UnitShape = { provinces: 1, departmentsPerProvince: 3, districtsPerProvince: 2, officesPerDistrict: 3, communesPerDistrict: 20, officersPerUnit: 2 };
      return { units, plans: districtPlans(units, 1, [47, 47]) };
    }
    case 'province': {
      const units: UnitShape = { provinces: 1, departmentsPerProvince: 9, districtsPerProvince: 30, officesPerDistrict: 3, communesPerDistrict: 20, officersPerUnit: 3 };
      // 19,450 synthetic assignments: 6,000 in the provincial plan, 13,450 = 10 × (17 × 9 departments + 1,192) in 17 district plans.
      const plans: PlanSpec[] = [{ no: 1, kind: 'PROVINCE', province: 1, firstLocal: 0, localUnits: 0 }];
      return { units, plans: [...plans, ...districtPlans(units, 2, spreadSizes(17, 1_192, 10, 400, 17))] };
    }
    case 'nation': {
      const units: UnitShape = { provinces: 20, departmentsPerProvince: 9, districtsPerProvince: 10, officesPerDistrict: 1, communesPerDistrict: 50, officersPerUnit: 2 };
      // 502,650 synthetic assignments: 100,000 national; one plan of 9 + 591 units = 6,000;
      // 299 more = 10 × (299 × 9 + 36,974).
      const plans: PlanSpec[] = [{ no: 1, kind: 'NATION', province: 1, firstLocal: 0, localUnits: 0 }];
      const big = districtPlans(units, 2, [591])[0];
      const rest = districtPlans(units, 3, spreadSizes(299, 36_974, 1, 591, 299));
      return { units, plans: [...plans, big, ...rest] };
    }
  }
}
