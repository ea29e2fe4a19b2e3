/**
 * A body named in a plan, found in the unit registry: by its name or short name without marks and with
 * abbreviations spelt out (bodyKey), by the name without its locality or official when that names one
 * unit (bodyCoreKey), and "Chủ tịch UBND huyện" as the issuer's own unit. What matches nothing is
 * proposed as a new unit, with a code and kind read from its name.
 */
import { bodyCoreKey, bodyKey, levelOf } from './bodies.js';
import type { BodyMatch, UnitKindValue } from './draft-content.js';

/** A unit of the registry as matching needs it. */
export interface RegistryUnit {
  id: string;
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
}

export const COMMUNE_KINDS: ReadonlySet<string> = new Set(['COMMUNE', 'TOWNSHIP']);

export interface UnitMatch {
  unit: RegistryUnit;
  matchedBy: BodyMatch;
}

const BARE_OFFICIAL = /^(?:pho\s+)?(?:chu tich|giam doc|truong phong|chanh van phong|thu truong)$/;

/** An abbreviation in capitals ("GD&ĐT", "UBND", "HĐND"): the name was matched by spelling it out. */
const ABBREVIATED = /\p{Lu}{2,}/u;

export class UnitMatcher {
  private readonly byKey = new Map<string, RegistryUnit[]>();
  private readonly byShortKey = new Map<string, RegistryUnit[]>();
  private readonly byCore = new Map<string, RegistryUnit[]>();
  private readonly issuer: RegistryUnit | null;
  private readonly issuerCore: string | null;

  constructor(
    readonly registry: readonly RegistryUnit[],
    issuingBody: string | null,
  ) {
    const add = (map: Map<string, RegistryUnit[]>, key: string, unit: RegistryUnit) => map.set(key, [...(map.get(key) ?? []), unit]);
    for (const unit of registry) {
      add(this.byKey, bodyKey(unit.name), unit);
      if (unit.shortName) add(this.byShortKey, bodyKey(unit.shortName), unit);
      add(this.byCore, bodyCoreKey(unit.name), unit);
    }
    const issuerUnits = issuingBody ? (this.byKey.get(bodyKey(issuingBody)) ?? []) : [];
    this.issuer = issuerUnits.length === 1 ? issuerUnits[0] : null;
    this.issuerCore = issuingBody ? bodyCoreKey(issuingBody) : null;
  }

  get communes(): RegistryUnit[] {
    return this.registry.filter((u) => COMMUNE_KINDS.has(u.kind));
  }

  /** The issuer's own unit, when the registry has it: "Chủ tịch UBND huyện" receives reports for it. */
  get issuerUnit(): RegistryUnit | null {
    return this.issuer;
  }

  match(name: string): UnitMatch | null {
    const key = bodyKey(name);
    // "Trưởng phòng", "Chủ tịch": an official with no body named speaks for the issuer.
    if (BARE_OFFICIAL.test(key)) return this.issuer ? { unit: this.issuer, matchedBy: 'NAME' } : null;
    const by = (units: RegistryUnit[] | undefined, matchedBy: BodyMatch): UnitMatch | null =>
      units?.length === 1 ? { unit: units[0], matchedBy } : null;
    const viaName: BodyMatch = ABBREVIATED.test(name) ? 'ABBREVIATION' : 'NAME';
    const exact = by(this.byKey.get(key), viaName) ?? by(this.byShortKey.get(key), 'ABBREVIATION');
    if (exact) return exact;
    // Without locality or official, names meet only at the same level: "UBND tỉnh" is not the district's committee.
    const level = levelOf(name);
    const sameLevel = (unit: RegistryUnit) => !level || !levelOf(unit.name) || levelOf(unit.name) === level;
    const core = bodyCoreKey(name);
    // Inside one plan "UBND huyện" and "Chủ tịch UBND huyện" are the issuer, whatever else shares the words.
    if (this.issuer && core === this.issuerCore && sameLevel(this.issuer)) return { unit: this.issuer, matchedBy: viaName };
    return by(this.byCore.get(core)?.filter(sameLevel), viaName);
  }
}

/** The kind of unit a body's name says it is; an office when it says nothing clearer. */
export function unitKindOf(name: string): UnitKindValue {
  const key = bodyKey(name);
  if (/^(?:so|cuc|bo)\s/.test(key) && !/^bo phan\b/.test(key)) return 'PROVINCIAL_DEPARTMENT';
  if (/^(?:uy ban nhan dan|hoi dong nhan dan)\s+(?:xa|phuong)\b|^xa\s/.test(key)) return 'COMMUNE';
  if (/^(?:uy ban nhan dan\s+)?thi tran\b/.test(key)) return 'TOWNSHIP';
  if (/^(?:chu tich\s+)?uy ban nhan dan\b/.test(key)) return 'LEADERSHIP';
  if (/^trung tam\b/.test(key)) return 'CENTRE';
  if (/^(?:ngan hang|chi nhanh ngan hang|quy tin dung)\b/.test(key)) return 'BANK';
  if (/\b(?:doanh nghiep|cong ty|tap doan|vien thong|buu dien)\b/.test(key)) return 'ENTERPRISE';
  return 'OFFICE';
}

const KIND_PREFIX: Record<UnitKindValue, string> = {
  LEADERSHIP: 'UBND',
  OFFICE: 'PHONG',
  CENTRE: 'TT',
  COMMUNE: 'XA',
  TOWNSHIP: 'TT',
  ENTERPRISE: 'DN',
  BANK: 'NH',
  PROVINCIAL_DEPARTMENT: 'SO',
};

/** What a name starts with to say what kind of body it is: the code's prefix says that already. */
const KIND_WORDS = /^(?:cac\s+)?(?:phong|so|trung tam|ngan hang|chi nhanh|uy ban nhan dan|xa|thi tran|doanh nghiep|cong ty|bo phan)\s+/;
/** Words that join or place a name, left out of its initials. */
const FILLER = new Set(['va', 'cua', 'tren', 'dia', 'ban', 'cac', 'huyen', 'tinh', 'tp', 'chi', 'nhanh']);

/**
 * A unit code in the registry's style ("PHONG-GDDT", "XA-HABAC"): the kind's prefix and the initials
 * of the name's own words, made unique against the codes already taken.
 */
export function proposeUnitCode(name: string, kind: UnitKindValue, taken: ReadonlySet<string>): string {
  const own = bodyKey(name).replace(KIND_WORDS, '').split(' ').filter(Boolean);
  // "UBND tỉnh" has no words of its own but its place: keep those rather than none.
  const words = own.some((w) => !FILLER.has(w)) ? own.filter((w) => !FILLER.has(w)) : own;
  const initials = kind === 'COMMUNE' || kind === 'TOWNSHIP'
    ? words.join('').toUpperCase()
    : words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join('').toUpperCase();
  const base = `${KIND_PREFIX[kind]}-${initials || 'MOI'}`.slice(0, 36);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
