import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyCoreKey, bodyKey, isAllCommunes } from '../../server/modules/plan-import/bodies.js';
import { parsePlan } from '../../server/modules/plan-import/parser.js';
import { DomainError, ErrorCode } from '../../server/shared/errors.js';
import { expectSpansHold } from '../helpers/plan-import.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/plans');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function refusalOf(text: string): DomainError {
  try {
    parsePlan(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the document was read as a plan');
}

describe('a provincial plan with a filled-in number and date and targets over several years', () => {
  const plan = parsePlan(fixture('tinh-lam-son-2023.txt'));

  it('reads the heading a PDF gives as left and right pieces on one line', () => {
    expect(plan.header.issuer).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Lam Sơn', asWritten: 'ỦY BAN NHÂN DÂN TỈNH LAM SƠN' });
    expect(plan.header.number).toMatchObject({ number: '125/KH-UBND', symbol: 'KH-UBND' });
    expect(plan.header.placeAndDate).toMatchObject({ place: 'Lam Sơn', date: '2023-05-15', display: 'Lam Sơn, ngày 15 tháng 5 năm 2023' });
    expect(plan.title?.text).toBe('Kế hoạch phát triển thanh toán không dùng tiền mặt trong trường học và cơ sở y tế trên địa bàn tỉnh Lam Sơn giai đoạn 2023-2025');
    expect(plan.period).toMatchObject({ start: '2023-01-01', end: '2025-12-31' });
    expect(plan.signer).toMatchObject({ title: 'TM. Ủy ban nhân dân — KT. Chủ tịch — Phó Chủ tịch', name: 'Trần Thị Bình' });
  });

  it('reads two bases and the enacting clause', () => {
    expect(plan.bases.map((b) => [b.kind, b.document?.type, b.document?.number, b.document?.date, b.document?.issuer?.name])).toEqual([
      ['CAN_CU', 'Quyết định', '210/QĐ-UBND', '2023-02-10', 'Ủy ban nhân dân tỉnh Lam Sơn'],
      ['CAN_CU', 'Kế hoạch', '30/KH-BYT', '2023-03-02', 'Bộ Y tế'],
    ]);
    expect(plan.parentPlan?.number).toBe('30/KH-BYT');
    expect(plan.enactingClause?.text).toMatch(/^Ủy ban nhân dân tỉnh ban hành Kế hoạch .* như sau:$/);
  });

  it('reads "Phấn đấu", "Tối thiểu", "Trên …%", shares per year and "giai đoạn"', () => {
    expect(plan.targets.map((t) => [t.title, t.sector, t.metric, t.comparator, t.thresholdPercent, t.dueDate, t.dueDateSource, t.facilityLevels])).toEqual([
      ['Phấn đấu 70% trường học trên địa bàn tỉnh chấp nhận thanh toán học phí không dùng tiền mặt',
        'EDUCATION', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 70, '2023-12-31', 'HEADING', null],
      ['Tối thiểu 60% cơ sở y tế công lập sử dụng nền tảng số để quản lý khám bệnh, chữa bệnh',
        'HEALTH', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 60, '2023-12-31', 'HEADING', null],
      ['Trên 80% giao dịch thanh toán viện phí tại các bệnh viện tuyến tỉnh được thực hiện không dùng tiền mặt',
        'HEALTH', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 80, '2025-12-31', 'HEADING', ['PROVINCIAL_HOSPITAL']],
      ['100% trường học sử dụng nền tảng số để chuyển đổi số',
        'EDUCATION', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 100, '2025-12-31', 'SENTENCE', null],
      ['100% trạm y tế xã sử dụng nền tảng số để chuyển đổi số',
        'HEALTH', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 100, '2025-12-31', 'SENTENCE', ['HEALTH_STATION']],
      ['Đến hết năm 2024 đạt 50% và đến hết năm 2025 đạt 90% số giao dịch thu học phí không dùng tiền mặt',
        'EDUCATION', 'CASHLESS_TRANSACTION_SHARE', 'AT_LEAST', 50, '2024-12-31', 'SENTENCE', null],
      ['Đến hết năm 2024 đạt 50% và đến hết năm 2025 đạt 90% số giao dịch thu học phí không dùng tiền mặt',
        'EDUCATION', 'CASHLESS_TRANSACTION_SHARE', 'AT_LEAST', 90, '2025-12-31', 'SENTENCE', null],
    ]);
    expect(plan.generalObjectives.map((g) => g.text)).toEqual([
      'Hình thành thói quen thanh toán không dùng tiền mặt của người dân khi sử dụng dịch vụ giáo dục, y tế.',
    ]);
  });

  it('reports the targets it cannot follow, with why, instead of dropping them', () => {
    expect(plan.unplaced.map((u) => [u.text, u.reason])).toEqual([
      ['Giảm xuống dưới 5% số giao dịch thu học phí bằng tiền mặt', 'Ngưỡng dạng "dưới", "không quá" chưa được hỗ trợ: cần nhập tay.'],
      ['- Nâng cao chất lượng phục vụ người dân.', 'Mục tiêu không nêu tỷ lệ (%): chưa đo được, cần nhập tay nếu muốn theo dõi.'],
    ]);
  });

  it('reads tasks with points "a)" kept in the description and a title ending at the colon', () => {
    expect(plan.tasks.map((t) => [t.number, t.parentNumber, t.title])).toEqual([
      ['1', null, 'Hoàn thiện hạ tầng thanh toán'],
      ['1.1', '1', 'Kết nối hệ thống thu học phí với ngân hàng'],
      ['1.2', '1', 'Kết nối hệ thống thu viện phí tại các cơ sở y tế'],
      ['2', null, 'Truyền thông, hướng dẫn người dân'],
      ['3', null, 'Đào tạo, tập huấn cho cán bộ y tế về thanh toán điện tử'],
      ['4', null, 'Đào tạo, tập huấn cho giáo viên và nhân viên kế toán trường học'],
    ]);
    expect(plan.tasks[1].description).toBe(
      'a) Các trường học lựa chọn ít nhất một ngân hàng hoặc tổ chức trung gian thanh toán để thu học phí.\nb) Công khai hình thức thanh toán trên trang thông tin của trường.',
    );
    expect(plan.tasks[2].description).toBe('Các bệnh viện, trung tâm y tế triển khai thu viện phí qua mã QR và thẻ.');
  });

  it('reads the provincial departments, tasks named by number or by sector, and their reports', () => {
    const [education, health, information, bank, districts, insurance] = plan.bodies;
    expect(plan.bodies.map((b) => [b.ref.name, b.ref.level])).toEqual([
      ['Sở Giáo dục và Đào tạo', 'PROVINCE'],
      ['Sở Y tế', 'PROVINCE'],
      ['Sở Thông tin và Truyền thông', 'PROVINCE'],
      ['Ngân hàng Nhà nước chi nhánh tỉnh Lam Sơn', null],
      ['UBND các huyện, thị xã, thành phố', 'DISTRICT'],
      ['Bảo hiểm xã hội tỉnh', null],
    ]);
    expect(education.leads.map((l) => [l.taskNumbers, l.resolvedBy])).toEqual([[['1.1', '2', '4'], 'NUMBERS']]);
    expect(health.leads.map((l) => [l.taskNumbers, l.resolvedBy])).toEqual([[['1.2', '3'], 'SECTOR']]);
    expect(information.leads[0].with.map((b) => b.name)).toEqual(['Sở Giáo dục và Đào tạo', 'Sở Y tế']);
    expect(bank.coordinates.map((c) => [c.taskNumbers, c.with.map((b) => b.name)])).toEqual([[['1.1', '1.2'], ['Sở Giáo dục và Đào tạo', 'Sở Y tế']]]);
    expect(districts.ref).toMatchObject({ allDistricts: true, allCommunes: false });
    expect(insurance.requested).toBe(true);

    expect(education.reports).toHaveLength(1);
    expect(education.reports[0]).toMatchObject({ subject: 'kết quả thực hiện', aggregates: false });
    expect(education.reports[0].recipients.map((r) => r.name)).toEqual(['Sở Thông tin và Truyền thông']);
    expect(education.reports[0].schedule.map(({ period, day, month }) => [period, day, month])).toEqual([['SIX_MONTH', 15, 6], ['ANNUAL', 15, 12]]);
    expect(health.reports[0].schedule.map(({ period, day, month }) => [period, day, month])).toEqual([['ANNUAL', 15, 12]]);
    expect(information.reports[0]).toMatchObject({ aggregates: true, subject: 'của các sở, ngành' });
    expect(information.reports[0].recipients.map((r) => r.name)).toEqual(['UBND tỉnh']);
    // The closing paragraph reports to the province too, but it is no body's duty.
    expect(insurance.reports).toEqual([]);
    expect(plan.closing?.text).toMatch(/^Trong quá trình thực hiện, nếu có khó khăn/);
  });

  it('keeps, for every item, the span of the text it was read from', () => {
    expectSpansHold(plan);
  });
});

describe('a district office’s plan with its bases in an appendix', () => {
  const plan = parsePlan(fixture('phong-gddt-binh-an-2023.txt'));

  it('reads the issuer under its superior and a school-year period', () => {
    expect(plan.header.superior?.name).toBe('Ủy ban nhân dân huyện Bình An');
    expect(plan.header.issuer?.name).toBe('Phòng Giáo dục và Đào tạo');
    expect(plan.header.number?.number).toBe('12/KH-PGDĐT');
    expect(plan.header.placeAndDate?.display).toBe('Bình An, ngày 02 tháng 6 năm 2023');
    expect(plan.period).toMatchObject({ start: '2023-09-01', end: '2024-05-31' });
    expect(plan.signer).toMatchObject({ title: 'Trưởng phòng', name: 'Lê Văn Cường' });
  });

  it('reads the bases of the appendix, the superior’s plan being the parent', () => {
    expect(plan.bases.map((b) => [b.source, b.document?.number ?? null])).toEqual([
      ['BODY', null],
      ['APPENDIX', '125/KH-UBND'],
      ['APPENDIX', '40/KH-UBND'],
      ['APPENDIX', '88/SGDĐT-KHTC'],
    ]);
    expect(plan.parentPlan).toMatchObject({ number: '40/KH-UBND', date: '2023-05-25', issuer: { name: 'Ủy ban nhân dân huyện Bình An' } });
    expect(plan.enactingClause?.text).toBe('Phòng Giáo dục và Đào tạo xây dựng Kế hoạch như sau:');
  });

  it('reads the school levels, the school-year deadline, and monthly and one-off reports', () => {
    expect(plan.targets.map((t) => [t.thresholdPercent, t.facilityLevels, t.dueDate, t.dueDateSource, t.metric])).toEqual([
      [100, ['PRIMARY', 'LOWER_SECONDARY'], '2024-05-31', 'SENTENCE', 'FACILITIES_ACCEPTING_CASHLESS'],
      [90, null, '2024-05-31', 'PLAN_PERIOD', null],
    ]);
    expect(plan.bodies.map((b) => b.reports.map((r) => [r.recipients.map((x) => x.name), r.schedule.map((s) => [s.period, s.day, s.month, s.year])]))).toEqual([
      [[['Trưởng phòng'], [['ONE_OFF', 31, 5, 2024]]]],
      [[['Phòng Giáo dục và Đào tạo'], [['MONTHLY', 25, null, null]]]],
    ]);
    expect(plan.unplaced).toEqual([]);
  });

  it('keeps, for every item, the span of the text it was read from', () => {
    expectSpansHold(plan);
  });
});

describe('the ways a threshold is written', () => {
  const plan = parsePlan([
    'ỦY BAN NHÂN DÂN', 'HUYỆN BÌNH AN', 'Số: 50/KH-UBND', 'Bình An, ngày 01 tháng 3 năm 2024',
    'KẾ HOẠCH', 'Thử các cách viết ngưỡng',
    'I. MỤC TIÊU',
    '- Không dưới 60% trường học sử dụng nền tảng số.',
    '- Hơn 70% bệnh viện chấp nhận thanh toán không dùng tiền mặt.',
    '- Từ 50% trở lên số giao dịch tại trường học là không dùng tiền mặt.',
    '- Đạt 28,5% số giao dịch thu viện phí không dùng tiền mặt.',
    '- Không quá 10% giao dịch tại trạm y tế bằng tiền mặt.',
  ].join('\n'));

  it('reads "không dưới" and "từ … trở lên" as at least, "hơn" as more than, a decimal comma as a decimal', () => {
    expect(plan.targets.map((t) => [t.comparator, t.thresholdPercent, t.sector, t.metric])).toEqual([
      ['AT_LEAST', 60, 'EDUCATION', 'FACILITIES_USING_DIGITAL_PLATFORM'],
      ['MORE_THAN', 70, 'HEALTH', 'FACILITIES_ACCEPTING_CASHLESS'],
      ['AT_LEAST', 50, 'EDUCATION', 'CASHLESS_TRANSACTION_SHARE'],
      ['AT_LEAST', 28.5, 'HEALTH', 'CASHLESS_TRANSACTION_SHARE'],
    ]);
  });

  it('leaves a target without a date undated, and a ceiling to the reviewer', () => {
    expect(plan.period).toBeNull();
    expect(plan.targets.map((t) => [t.dueDate, t.dueDateSource])).toEqual(Array(4).fill([null, null]));
    expect(plan.unplaced.map((u) => u.text)).toEqual(['Không quá 10% giao dịch tại trạm y tế bằng tiền mặt']);
  });
});

describe('documents that are not plans', () => {
  it('refuses a decision, naming what it is', () => {
    const error = refusalOf(fixture('quyet-dinh-khen-thuong.txt'));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toMatchObject({ reason: 'NOT_A_PLAN', documentType: 'Quyết định' });
    expect(error.message).toBe('Văn bản là quyết định, không phải kế hoạch: chỉ nhập được văn bản có tên loại "KẾ HOẠCH".');
  });

  it('refuses a news item that speaks of a plan', () => {
    const error = refusalOf(fixture('tin-tuc.txt'));
    expect(error.details).toMatchObject({ reason: 'NOT_A_PLAN', documentType: null });
    expect(error.message).toMatch(/^Không thấy tên loại văn bản "KẾ HOẠCH" ở phần đầu/);
  });

  it('points to the attached plan of a decision that issues one', () => {
    const decision = `${fixture('quyet-dinh-khen-thuong.txt')}\n\nKẾ HOẠCH\nThu học phí không dùng tiền mặt\n(Ban hành kèm theo Quyết định số 215/QĐ-UBND)\n`;
    expect(refusalOf(decision).message).toContain('hãy tải riêng phần Kế hoạch');
  });

  it('refuses an empty text', () => {
    expect(refusalOf(' \n\n\t').details).toMatchObject({ reason: 'EMPTY_DOCUMENT' });
  });
});

describe('names of bodies for matching', () => {
  it('spells out abbreviations and ignores marks and case', () => {
    expect(bodyKey('Phòng GD&ĐT')).toBe(bodyKey('Phòng Giáo dục và Đào tạo'));
    expect(bodyKey('phòng giáo dục - đào tạo')).toBe(bodyKey('Phòng Giáo dục và Đào tạo'));
    expect(bodyKey('VP HĐND-UBND huyện')).toBe(bodyKey('Văn phòng HĐND và UBND huyện'));
    expect(bodyKey('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện')).toBe(bodyKey('VP HĐND và UBND huyện'));
    expect(bodyKey('Phòng VH&TT')).toBe(bodyKey('phòng Văn hóa và thông tin'));
    expect(bodyKey('Phòng Văn hoá và Thông tin')).toBe(bodyKey('Phòng Văn hóa và Thông tin'));
    expect(bodyKey('Sở TTTT')).toBe(bodyKey('Sở Thông tin và Truyền thông'));
    expect(bodyKey('Sở TT&TT')).toBe(bodyKey('Sở Thông tin và Truyền thông'));
    expect(bodyKey('UBND huyện')).toBe('uy ban nhan dan huyen');
    expect(bodyKey('Phòng Giáo dục và Đào tạo')).not.toBe(bodyKey('Phòng Văn hóa và Thông tin'));
  });

  it('matches a body with its locality or spoken for by its chairman on the core key', () => {
    expect(bodyCoreKey('Chủ tịch UBND huyện')).toBe(bodyCoreKey('Ủy ban nhân dân huyện Hà Trung'));
    expect(bodyCoreKey('Sở Thông tin và Truyền thông')).toBe(bodyCoreKey('Sở Thông tin và Truyền thông tỉnh Thanh Hóa'));
    expect(bodyCoreKey('Văn phòng HĐND và UBND huyện')).not.toBe(bodyCoreKey('UBND huyện'));
    expect(bodyCoreKey('Sở Lao động - Thương binh và Xã hội')).toBe(bodyKey('Sở LĐ-TB&XH'));
  });

  it('marks every commune-level unit', () => {
    expect(isAllCommunes('UBND các xã, thị trấn')).toBe(true);
    expect(isAllCommunes('Ủy ban nhân dân các xã, phường, thị trấn')).toBe(true);
    expect(isAllCommunes('UBND cấp xã')).toBe(true);
    expect(isAllCommunes('UBND xã Hà Bắc')).toBe(false);
    expect(isAllCommunes('UBND huyện')).toBe(false);
  });
});
