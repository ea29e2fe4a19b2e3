import { CalendarDayKind } from './working-days.js';

export interface CalendarSeedDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
  /** Where the day comes from, shown beside it so an ADMIN can check it against the announcement. */
  source: string;
}

const H = CalendarDayKind.HOLIDAY;
const OFF = CalendarDayKind.DAY_OFF;
const WORK = CalendarDayKind.WORKING_DAY;

const LAW = 'Bộ luật Lao động 2019, Điều 112';
const ANNOUNCED = (year: number) => `Thông báo nghỉ lễ, Tết năm ${year} đối với cán bộ, công chức, viên chức (Bộ LĐ-TB&XH)`;
const FORECAST = 'Dự kiến theo Điều 112 Bộ luật Lao động; cần đối chiếu thông báo chính thức của năm';

/**
 * Days that differ from "Monday to Friday" for state offices, 2022–2027. Only days that fall on a
 * weekday need listing as holidays, but every holiday is listed so the calendar screen reads like the
 * announcement. Lunar holidays are given as their solar dates: Tết (mùng 1 tháng Giêng) 01/02/2022,
 * 22/01/2023, 10/02/2024, 29/01/2025, 17/02/2026, 06/02/2027; the Hùng Kings' day (10/3 âm lịch)
 * 10/04/2022, 29/04/2023, 18/04/2024, 07/04/2025, 26/04/2026, 16/04/2027.
 */
export const VN_CALENDAR_2022_2027: CalendarSeedDay[] = [
  // 2022
  { day: '2022-01-01', kind: H, name: 'Tết Dương lịch', source: LAW },
  { day: '2022-01-03', kind: OFF, name: 'Nghỉ bù Tết Dương lịch (01/01 là thứ Bảy)', source: ANNOUNCED(2022) },
  ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map((day) => ({ day, kind: H, name: 'Tết Nguyên đán Nhâm Dần', source: ANNOUNCED(2022) })),
  { day: '2022-04-10', kind: H, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  { day: '2022-04-11', kind: OFF, name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4 là Chủ nhật)', source: ANNOUNCED(2022) },
  { day: '2022-04-30', kind: H, name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2022-05-01', kind: H, name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2022-05-02', kind: OFF, name: 'Nghỉ bù 30/4 (thứ Bảy)', source: ANNOUNCED(2022) },
  { day: '2022-05-03', kind: OFF, name: 'Nghỉ bù 1/5 (Chủ nhật)', source: ANNOUNCED(2022) },
  { day: '2022-09-01', kind: H, name: 'Quốc khánh (ngày liền kề)', source: ANNOUNCED(2022) },
  { day: '2022-09-02', kind: H, name: 'Quốc khánh (2/9)', source: LAW },
  // 2023
  { day: '2023-01-01', kind: H, name: 'Tết Dương lịch', source: LAW },
  { day: '2023-01-02', kind: OFF, name: 'Nghỉ bù Tết Dương lịch (01/01 là Chủ nhật)', source: ANNOUNCED(2023) },
  ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'].map((day) => ({ day, kind: H, name: 'Tết Nguyên đán Quý Mão', source: ANNOUNCED(2023) })),
  { day: '2023-04-29', kind: H, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  { day: '2023-04-30', kind: H, name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2023-05-01', kind: H, name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2023-05-02', kind: OFF, name: 'Nghỉ bù Giỗ Tổ Hùng Vương (thứ Bảy)', source: ANNOUNCED(2023) },
  { day: '2023-05-03', kind: OFF, name: 'Nghỉ bù 30/4 (Chủ nhật)', source: ANNOUNCED(2023) },
  { day: '2023-09-01', kind: H, name: 'Quốc khánh (ngày liền kề)', source: ANNOUNCED(2023) },
  { day: '2023-09-02', kind: H, name: 'Quốc khánh (2/9)', source: LAW },
  { day: '2023-09-04', kind: OFF, name: 'Nghỉ bù Quốc khánh (2/9 là thứ Bảy)', source: ANNOUNCED(2023) },
  // 2024
  { day: '2024-01-01', kind: H, name: 'Tết Dương lịch', source: LAW },
  ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((day) => ({ day, kind: H, name: 'Tết Nguyên đán Giáp Thìn', source: ANNOUNCED(2024) })),
  { day: '2024-04-18', kind: H, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  { day: '2024-04-29', kind: OFF, name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5)', source: ANNOUNCED(2024) },
  { day: '2024-04-30', kind: H, name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2024-05-01', kind: H, name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2024-05-04', kind: WORK, name: 'Làm bù cho ngày nghỉ 29/4', source: ANNOUNCED(2024) },
  { day: '2024-09-02', kind: H, name: 'Quốc khánh (2/9)', source: LAW },
  { day: '2024-09-03', kind: H, name: 'Quốc khánh (ngày liền kề)', source: ANNOUNCED(2024) },
  // 2025
  { day: '2025-01-01', kind: H, name: 'Tết Dương lịch', source: LAW },
  ...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((day) => ({ day, kind: H, name: 'Tết Nguyên đán Ất Tỵ', source: ANNOUNCED(2025) })),
  { day: '2025-01-27', kind: OFF, name: 'Nghỉ hoán đổi (làm bù thứ Bảy 08/02)', source: ANNOUNCED(2025) },
  { day: '2025-02-03', kind: OFF, name: 'Nghỉ bù Tết Nguyên đán', source: ANNOUNCED(2025) },
  { day: '2025-02-08', kind: WORK, name: 'Làm bù cho ngày nghỉ 27/01', source: ANNOUNCED(2025) },
  { day: '2025-04-07', kind: H, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  { day: '2025-04-26', kind: WORK, name: 'Làm bù cho ngày nghỉ 02/5', source: ANNOUNCED(2025) },
  { day: '2025-04-30', kind: H, name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2025-05-01', kind: H, name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2025-05-02', kind: OFF, name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', source: ANNOUNCED(2025) },
  { day: '2025-09-01', kind: H, name: 'Quốc khánh (ngày liền kề)', source: ANNOUNCED(2025) },
  { day: '2025-09-02', kind: H, name: 'Quốc khánh (2/9)', source: LAW },
  // 2026
  { day: '2026-01-01', kind: H, name: 'Tết Dương lịch', source: LAW },
  { day: '2026-01-02', kind: OFF, name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)', source: ANNOUNCED(2026) },
  { day: '2026-01-10', kind: WORK, name: 'Làm bù cho ngày nghỉ 02/01', source: ANNOUNCED(2026) },
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((day) => ({ day, kind: H, name: 'Tết Nguyên đán Bính Ngọ', source: ANNOUNCED(2026) })),
  { day: '2026-04-26', kind: H, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  { day: '2026-04-27', kind: OFF, name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', source: ANNOUNCED(2026) },
  { day: '2026-04-30', kind: H, name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2026-05-01', kind: H, name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2026-09-01', kind: H, name: 'Quốc khánh (ngày liền kề)', source: ANNOUNCED(2026) },
  { day: '2026-09-02', kind: H, name: 'Quốc khánh (2/9)', source: LAW },
  // 2027: not yet announced; the Labour Code's days with the usual compensation.
  { day: '2027-01-01', kind: H, name: 'Tết Dương lịch', source: LAW },
  ...['2027-02-05', '2027-02-08', '2027-02-09'].map((day) => ({ day, kind: H, name: 'Tết Nguyên đán Đinh Mùi', source: FORECAST })),
  { day: '2027-02-06', kind: H, name: 'Tết Nguyên đán Đinh Mùi (mùng 1)', source: FORECAST },
  { day: '2027-02-07', kind: H, name: 'Tết Nguyên đán Đinh Mùi (mùng 2)', source: FORECAST },
  { day: '2027-02-10', kind: OFF, name: 'Nghỉ bù Tết (mùng 1 là thứ Bảy)', source: FORECAST },
  { day: '2027-02-11', kind: OFF, name: 'Nghỉ bù Tết (mùng 2 là Chủ nhật)', source: FORECAST },
  { day: '2027-04-16', kind: H, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: FORECAST },
  { day: '2027-04-30', kind: H, name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2027-05-01', kind: H, name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2027-05-03', kind: OFF, name: 'Nghỉ bù 1/5 (thứ Bảy)', source: FORECAST },
  { day: '2027-09-02', kind: H, name: 'Quốc khánh (2/9)', source: LAW },
  { day: '2027-09-03', kind: H, name: 'Quốc khánh (ngày liền kề)', source: FORECAST },
];
