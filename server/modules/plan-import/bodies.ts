/**
 * Names of bodies as plans write them, and the key they are matched on. One plan writes "Phòng
 * GD&ĐT", the next "Phòng Giáo dục và Đào tạo", a third "phòng giáo dục - đào tạo"; the key spells
 * the abbreviations out and drops marks, case and punctuation so all three meet.
 */
import { fold } from './text.js';
import type { BodyLevel, BodyRef, Span } from './types.js';

/** Abbreviations of two or more fields first, so "VH&TT" is not read as "VH" and "TT". */
const COMPOUND_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bhdnd\s*(?:-|&|va|và)\s*ubnd\b/g, 'hoi dong nhan dan va uy ban nhan dan'],
  [/\bgd\s*(?:&|-|va)?\s*dt\b/g, 'giao duc va dao tao'],
  [/\bvh\s*,?\s*tt\s*(?:&|va)\s*dl\b|\bvhttdl\b|\bvh\s*-\s*tt\s*-\s*dl\b/g, 'van hoa the thao va du lich'],
  [/\bvh\s*(?:&|-|va)?\s*tt\b/g, 'van hoa va thong tin'],
  [/\btt\s*(?:&|-|va)\s*tt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\bnhnn\s*(?:&|va)\s*ptnt\b/g, 'ngan hang nong nghiep va phat trien nong thon'],
  [/\bnn\s*(?:&|va)\s*ptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\btc\s*-\s*kh\b/g, 'tai chinh ke hoach'],
  [/\bld\s*-?\s*tb\s*(?:&|va)\s*xh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\btn\s*(?:&|va)\s*mt\b/g, 'tai nguyen va moi truong'],
  [/\bkh\s*(?:&|va)\s*cn\b/g, 'khoa hoc va cong nghe'],
  [/\bkh\s*(?:&|va)\s*dt\b/g, 'ke hoach va dau tu'],
];

const WORD_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bvp\b/g, 'van phong'],
  [/\btp\b/g, 'thanh pho'],
  [/\bbhxh\b/g, 'bao hiem xa hoi'],
  [/\bttyt\b/g, 'trung tam y te'],
  [/\bnhnn\b/g, 'ngan hang nha nuoc'],
];

/**
 * The matching key of a body's name: "VP HĐND-UBND huyện" and "Văn phòng HĐND và UBND huyện" both
 * give "van phong hoi dong nhan dan uy ban nhan dan huyen". "và", "-" and "&" join fields the same
 * way ("giáo dục - đào tạo", "GD&ĐT"), so none of them is kept.
 */
export function bodyKey(name: string): string {
  let key = fold(name);
  for (const [re, spelt] of COMPOUND_ABBREVIATIONS) key = key.replace(re, spelt);
  for (const [re, spelt] of WORD_ABBREVIATIONS) key = key.replace(re, spelt);
  return key
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\bva\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// "quận", "phường" left out: folded they are "quan", "phuong", as in "cơ quan", "địa phương"; "xã hội" is no commune.
const LOCALITY = /\s(?:tinh|huyen|xa(?!\s+hoi\b)|thi tran|thi xa|thanh pho)(?:\s[\p{L}\s]*)?$/u;
const OFFICIAL = /^(?:pho\s+)?(?:chu tich|giam doc|truong phong|chanh van phong|lanh dao)\s+/;

/**
 * The key without who speaks for the body nor where it is: "Chủ tịch UBND huyện" and "Ủy ban nhân
 * dân huyện Hà Trung" both give "uy ban nhan dan". Matching falls back to it when full keys differ,
 * inside one plan where the locality is the issuer's own.
 */
export function bodyCoreKey(name: string): string {
  const key = bodyKey(name).replace(OFFICIAL, '');
  const stripped = key.replace(LOCALITY, '');
  return stripped || key;
}

const COMMUNE_WIDE = /\b(?:uy ban nhan dan|chinh quyen)\s+(?:cac|cap)\s+(?:xa|phuong|thi tran)\b|^cac xa\b/;

/** "UBND các xã, thị trấn", "UBND cấp xã": every commune-level unit, not a body of its own. */
export function isAllCommunes(name: string): boolean {
  return COMMUNE_WIDE.test(bodyKey(name));
}

const DISTRICT_WIDE = /\b(?:uy ban nhan dan|chinh quyen)\s+(?:cac|cap)\s+(?:huyen|quan)\b/;

/** "UBND các huyện, thị xã, thành phố", "UBND cấp huyện": every district-level unit of a province. */
export function isAllDistricts(name: string): boolean {
  return DISTRICT_WIDE.test(bodyKey(name));
}

export function levelOf(name: string): BodyLevel | null {
  const key = bodyKey(name).replace(OFFICIAL, '').replace(/^cac\s+/, '');
  if (isAllCommunes(name) || /^(?:uy ban nhan dan|hoi dong nhan dan)\s+(?:xa|phuong|thi tran)\b/.test(key)) return 'COMMUNE';
  if (/^(?:so|bo|cuc)\s/.test(key) && /\btinh\b/.test(key)) return 'PROVINCE';
  if (/^so\s/.test(key) || /^(?:uy ban nhan dan|hoi dong nhan dan)\s+tinh\b/.test(key)) return 'PROVINCE';
  if (/^(?:bo|chinh phu|thu tuong)\s/.test(key) && !/^bo phan\b/.test(key)) return 'CENTRAL';
  if (isAllDistricts(name)) return 'DISTRICT';
  if (/^(?:phong|van phong hoi dong nhan dan uy ban nhan dan)\b/.test(key) || /\bhuyen\b/.test(key)) return 'DISTRICT';
  return null;
}

export function bodyRef(name: string, span: Span): BodyRef {
  return { name, key: bodyKey(name), allCommunes: isAllCommunes(name), allDistricts: isAllDistricts(name), level: levelOf(name), span };
}

/** Folded words a body's name starts with; a list of names splits before them. */
const BODY_START = new RegExp(
  '^(?:' +
    [
      'phong', 'so', 'bo', 'van phong', 'trung tam', 'uy ban', 'ubnd', 'hdnd', 'hoi dong', 'ngan hang', 'chi nhanh',
      'cac don vi', 'cac co quan', 'cac phong', 'cac so', 'cac ban', 'cac nganh', 'cac doanh nghiep', 'cac to chuc', 'cac truong', 'cac co so',
      'chu tich', 'pho chu tich', 'giam doc', 'thuong truc', 'cong an', 'ban', 'hoi', 'doan', 'lien doan', 'mat tran',
      'bao hiem', 'kho bac', 'chi cuc', 'cuc', 'dai', 'benh vien', 'buu dien', 'vien thong', 'doanh nghiep', 'tinh uy', 'huyen uy',
      'bch', 'ban chi dao', 'vp', 'nhnn', 'truong phong', 'bo phan', 'thu truong', 'lanh dao',
    ].join('|') +
    ')\\b',
);

/** Whether the folded text at `index` starts a body's name. */
export function startsBody(folded: string, index = 0): boolean {
  return BODY_START.test(folded.slice(index));
}

/**
 * The bodies of a list such as "Phòng Giáo dục và Đào tạo, Văn phòng HĐND và UBND huyện và các đơn
 * vị liên quan": split at commas and "và" only where a body's name follows, so "Sở Văn hóa, Thể thao
 * và Du lịch" and "Văn phòng HĐND và UBND" stay whole.
 */
export function splitBodies(text: string, folded: string, span: Span): BodyRef[] {
  const cuts: Array<{ at: number; skip: number }> = [];
  const separator = /,\s*|\s+va\s+|;\s*/g;
  for (let m = separator.exec(folded.slice(span.start, span.end)); m; m = separator.exec(folded.slice(span.start, span.end))) {
    const after = span.start + m.index + m[0].length;
    if (!startsBody(folded, after)) continue;
    const before = folded.slice(span.start, span.start + m.index);
    // "HĐND và UBND" is one office's name, not two bodies.
    if (/\bhdnd$|hoi dong nhan dan$/.test(before) && /^(?:ubnd|uy ban)/.test(folded.slice(after))) continue;
    cuts.push({ at: span.start + m.index, skip: m[0].length });
  }
  const refs: BodyRef[] = [];
  let start = span.start;
  for (const cut of [...cuts, { at: span.end, skip: 0 }]) {
    let s = start;
    let e = cut.at;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s,.;:]/.test(text[e - 1])) e--;
    if (e > s) refs.push(bodyRef(text.slice(s, e).replace(/\s+/g, ' '), { start: s, end: e }));
    start = cut.at + cut.skip;
  }
  return refs;
}

/** Fields of work as the decree's capitalisation writes them inside a body's name. */
const FIELD_CASE: Array<[string, string]> = [
  ['giáo dục và đào tạo', 'Giáo dục và Đào tạo'],
  ['văn hóa và thông tin', 'Văn hóa và Thông tin'],
  ['văn hóa, thể thao và du lịch', 'Văn hóa, Thể thao và Du lịch'],
  ['văn hóa, thông tin, thể thao và du lịch', 'Văn hóa, Thông tin, Thể thao và Du lịch'],
  ['thông tin và truyền thông', 'Thông tin và Truyền thông'],
  ['tài chính - kế hoạch', 'Tài chính - Kế hoạch'],
  ['kế hoạch và đầu tư', 'Kế hoạch và Đầu tư'],
  ['lao động - thương binh và xã hội', 'Lao động - Thương binh và Xã hội'],
  ['tài nguyên và môi trường', 'Tài nguyên và Môi trường'],
  ['nông nghiệp và phát triển nông thôn', 'Nông nghiệp và Phát triển nông thôn'],
  ['khoa học và công nghệ', 'Khoa học và Công nghệ'],
  ['y tế', 'Y tế'],
  ['tài chính', 'Tài chính'],
  ['nội vụ', 'Nội vụ'],
  ['tư pháp', 'Tư pháp'],
  ['xây dựng', 'Xây dựng'],
  ['công thương', 'Công Thương'],
  ['kinh tế và hạ tầng', 'Kinh tế và Hạ tầng'],
  ['giao thông vận tải', 'Giao thông vận tải'],
];

const LOCALITY_WORDS = /(^|\s)(tỉnh|huyện|xã|thị trấn|thị xã|thành phố|quận|phường)\s+(\S.*)$/u;

const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('vi-VN') + word.slice(1);

/** "hà trung" → "Hà Trung": every syllable of a place's name is capitalised. */
export function properName(name: string): string {
  return name
    .split(' ')
    .map((w) => capitalise(w.toLocaleLowerCase('vi-VN')))
    .join(' ');
}

/**
 * A body's name written in capitals in a heading, in the case a sentence writes it:
 * "ỦY BAN NHÂN DÂN HUYỆN HÀ TRUNG" → "Ủy ban nhân dân huyện Hà Trung",
 * "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" → "Phòng Giáo dục và Đào tạo".
 */
export function bodyNameCase(upper: string): string {
  let name = upper
    .toLocaleLowerCase('vi-VN')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/uỷ/g, 'ủy')
    .replace(/\bubnd\b/gu, 'ủy ban nhân dân')
    .replace(/\bhđnd\b/gu, 'hội đồng nhân dân');
  for (const [lower, cased] of FIELD_CASE) name = name.replace(lower, cased);
  const place = LOCALITY_WORDS.exec(name);
  if (place) name = name.slice(0, place.index) + place[1] + place[2] + ' ' + properName(place[3]);
  return capitalise(name);
}

/**
 * The issuing body a citation names, spelt out: "Chủ tịch UBND tỉnh" → "Ủy ban nhân dân tỉnh";
 * the chairman signs for the committee, which is the issuing body.
 */
export function issuingBodyName(asWritten: string): string {
  const name = asWritten
    .replace(/^(?:Phó\s+)?Chủ\s+tịch\s+/iu, '')
    .replace(/\bUBND\b/gu, 'Ủy ban nhân dân')
    .replace(/\bHĐND\b/gu, 'Hội đồng nhân dân')
    .replace(/\s+/g, ' ')
    .trim();
  return capitalise(name);
}
