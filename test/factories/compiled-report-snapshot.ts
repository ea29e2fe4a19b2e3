/**
 * A compiled district report's snapshot as the Culture and Information Office of Hà Trung would freeze
 * it for the six months of 2022: the seeded plan, its offices and two of its communes.
 */
import type { ProgressFigures } from '../../server/modules/assignments/deadline.js';
import type { ReportPeriod } from '../../server/modules/reporting/reporting-obligation.entity.js';
import type {
  CompiledReportSnapshot, SnapshotTarget, SnapshotUnitReport, UnitReportFigures,
} from '../../server/modules/reports/compiled-report.snapshot.js';
import { TargetStatus } from '../../server/modules/targets/target-status.js';

/** Figures whose derived fields agree with the counts: work done or overdue had come due. */
export function buildFigures(doneOnTime: number, doneLate: number, notDoneWithinDeadline: number, overdue: number, averageProgress = 50): ProgressFigures {
  const total = doneOnTime + doneLate + notDoneWithinDeadline + overdue;
  const comeDue = doneOnTime + doneLate + overdue;
  return {
    total, doneOnTime, doneLate, notDoneWithinDeadline, overdue, comeDue,
    completionRate: comeDue ? (doneOnTime + doneLate) / comeDue : null,
    overdueRate: total ? overdue / total : null,
    averageProgress: total ? averageProgress : null,
  };
}

const target = (t: Partial<SnapshotTarget> & Pick<SnapshotTarget, 'code' | 'title'>): SnapshotTarget => ({
  sector: 'EDUCATION',
  thresholdPercent: 50,
  comparator: 'AT_LEAST',
  deadline: '2022-12-31',
  valuePercent: null,
  numerator: null,
  denominator: null,
  status: TargetStatus.NO_DATA,
  notApplicableReason: null,
  facilitiesCounted: 0,
  facilitiesInScope: 0,
  basedOnDemoData: true,
  note: null,
  byCommune: [],
  ...t,
});

const unitFigures = (assignments: ProgressFigures, facilities: UnitReportFigures['facilities'] = null): UnitReportFigures => ({
  asOf: '2022-06-20',
  assignments,
  overdue: [],
  evidenceCount: 7,
  targets: [],
  facilities,
});

const unitReport = (r: Partial<SnapshotUnitReport> & Pick<SnapshotUnitReport, 'unitCode' | 'unitName' | 'state'>): SnapshotUnitReport => ({
  dueBefore: '2022-06-30',
  submittedAt: null,
  acceptedAt: null,
  late: false,
  results: null,
  difficulties: null,
  proposals: null,
  figures: null,
  ...r,
});

type SnapshotHonour = NonNullable<CompiledReportSnapshot['honours']>[number];

export function buildHonour(overrides: Partial<SnapshotHonour> & Pick<SnapshotHonour, 'name'>): SnapshotHonour {
  return {
    kind: 'FACILITY',
    communeName: 'Xã Hà Bắc',
    achievement: 'Sử dụng nền tảng số trong quản lý, dạy và học; thu học phí không dùng tiền mặt.',
    ...overrides,
  };
}

/**
 * The period's honour list as a snapshot taken after awards existed freezes it. Old snapshots have no
 * list at all: buildSnapshot() leaves it out unless given one.
 */
export function buildHonours(): SnapshotHonour[] {
  return [
    buildHonour({
      name: 'Trường Tiểu học Hà Bắc',
      achievement: 'Sử dụng nền tảng số trong quản lý nhà trường; 100% học phí được thu không dùng tiền mặt.',
    }),
    buildHonour({
      name: 'Trạm Y tế thị trấn Hà Trung',
      communeName: 'Thị trấn Hà Trung',
      achievement: 'Triển khai hồ sơ sức khỏe điện tử; 78% giao dịch khám, chữa bệnh được thanh toán qua mã QR.',
    }),
    buildHonour({
      kind: 'UNIT',
      name: 'Phòng Giáo dục và Đào tạo',
      communeName: null,
      achievement: 'Hoàn thành đúng hạn 100% nhiệm vụ được giao trong Kế hoạch.',
    }),
  ];
}

export function buildSnapshot(overrides: Partial<CompiledReportSnapshot> = {}): CompiledReportSnapshot {
  const byUnit = [
    { unitCode: 'PHONG-GDDT', unitName: 'Phòng Giáo dục và Đào tạo', figures: buildFigures(2, 1, 0, 1, 80) },
    { unitCode: 'VP-HDND-UBND', unitName: 'Văn phòng HĐND và UBND huyện', figures: buildFigures(1, 0, 2, 1, 55) },
    { unitCode: 'PHONG-VHTT', unitName: 'Phòng Văn hóa và Thông tin', figures: buildFigures(1, 0, 0, 0, 100) },
    { unitCode: 'TT-VHTTTDL', unitName: 'Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', figures: buildFigures(0, 0, 1, 0, 30) },
    { unitCode: 'AGRIBANK-HT', unitName: 'Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh huyện Hà Trung', figures: buildFigures(0, 1, 1, 1, 45) },
    { unitCode: 'TT-HATRUNG', unitName: 'Thị trấn Hà Trung', figures: buildFigures(3, 0, 2, 1, 70) },
    { unitCode: 'XA-HABAC', unitName: 'Xã Hà Bắc', figures: buildFigures(1, 2, 1, 2, 40) },
  ];
  return {
    schema: 1,
    plan: {
      code: 'HT-CDS-TTKDTM-2022',
      number: null,
      title:
        'Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số, thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục và bệnh viện, ' +
        'cơ sở y tế trên địa bàn huyện Hà Trung',
      issuingBody: 'Ủy ban nhân dân huyện Hà Trung',
      issueDate: null,
      issuePlaceAndDate: 'Hà Trung, tháng 4 năm 2022',
      signerName: 'Hoàng Văn Long',
      signerTitle: 'KT. Chủ tịch — Phó Chủ tịch',
    },
    period: 'SIX_MONTH' as ReportPeriod,
    dueBefore: '2022-06-30',
    periodLabel: '6 tháng đầu năm 2022',
    version: 2,
    // Compiled again on 4 July, 10:15:42 in Hà Trung, once the late reports were in; counted as of the period's end.
    compiledAt: '2022-07-04T03:15:42.512Z',
    asOf: '2022-06-30',
    compiledByUnit: 'Phòng Văn hóa và Thông tin',
    compiledByName: 'Cán bộ Phòng Văn hóa và Thông tin',
    recipients: ['Chủ tịch UBND huyện Hà Trung', 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa'],
    // The sum of the units above: 8 on time, 4 late, 7 within the deadline, 6 overdue.
    overall: buildFigures(8, 4, 7, 6, 61),
    byUnit,
    byTask: [
      { taskCode: '1', taskTitle: 'Hỗ trợ chuyển đổi số, thúc đẩy thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục', parentCode: null, figures: buildFigures(3, 1, 2, 1) },
      { taskCode: '1.1', taskTitle: 'Hỗ trợ, thúc đẩy chuyển đổi số trong trường học, cơ sở giáo dục', parentCode: '1', figures: buildFigures(2, 0, 1, 1) },
      { taskCode: '1.2', taskTitle: 'Thúc đẩy thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục', parentCode: '1', figures: buildFigures(1, 1, 1, 0) },
      { taskCode: '2.1', taskTitle: 'Hỗ trợ, thúc đẩy chuyển đổi số trong bệnh viện, cơ sở y tế', parentCode: '2', figures: buildFigures(1, 1, 1, 2) },
      { taskCode: '6', taskTitle: 'Bảo đảm an toàn, bảo mật trong chuyển đổi số, thanh toán không dùng tiền mặt', parentCode: null, figures: buildFigures(1, 0, 0, 0) },
    ],
    targets: [
      target({
        code: 'T1',
        title: '50% trường học, cơ sở giáo dục trên địa bàn tỉnh sử dụng nền tảng số để chuyển đổi số',
        valuePercent: 53.8, numerator: 7, denominator: 13, status: TargetStatus.ON_TRACK, facilitiesCounted: 13, facilitiesInScope: 15,
        byCommune: [
          { communeCode: 'TT-HATRUNG', communeName: 'Thị trấn Hà Trung', valuePercent: 62.5, numerator: 5, denominator: 8, status: TargetStatus.MET, facilitiesCounted: 8, facilitiesInScope: 8 },
          { communeCode: 'XA-HABAC', communeName: 'Xã Hà Bắc', valuePercent: 40, numerator: 2, denominator: 5, status: TargetStatus.AT_RISK, facilitiesCounted: 5, facilitiesInScope: 7 },
        ],
      }),
      target({
        code: 'T2', sector: 'HEALTH',
        title: '50% bệnh viện, cơ sở y tế trên địa bàn tỉnh sử dụng nền tảng số để chuyển đổi số',
        valuePercent: 20, numerator: 1, denominator: 5, status: TargetStatus.AT_RISK, facilitiesCounted: 5, facilitiesInScope: 5,
      }),
      target({
        code: 'T3', thresholdPercent: 100,
        title: '100% trường học, cơ sở giáo dục trên địa bàn tỉnh sử dụng các phương thức thanh toán không dùng tiền mặt để thanh toán học phí và các giao dịch khác',
        facilitiesInScope: 15,
      }),
      target({
        code: 'T5.2', sector: 'HEALTH', comparator: 'MORE_THAN', basedOnDemoData: false,
        title: 'Số lượng các giao dịch thanh toán không dùng tiền mặt trong các bệnh viện tuyến tỉnh trên địa bàn tỉnh đạt trên 50%',
        status: TargetStatus.NOT_APPLICABLE, notApplicableReason: 'Trên địa bàn huyện không có bệnh viện tuyến tỉnh',
      }),
    ],
    unitReports: [
      unitReport({
        unitCode: 'PHONG-GDDT', unitName: 'Phòng Giáo dục và Đào tạo', state: 'ACCEPTED',
        submittedAt: '2022-06-24T08:30:00.000Z', acceptedAt: '2022-06-25T02:00:00.000Z',
        results: '35/41 trường học đã triển khai phần mềm quản trị nhà trường.\nTổ chức 02 lớp tập huấn kỹ năng số cho 180 giáo viên.',
        difficulties: 'Một số trường vùng xa chưa có đường truyền ổn định.',
        proposals: 'Đề nghị UBND huyện bố trí kinh phí nâng cấp đường truyền cho các trường vùng xa.',
        figures: unitFigures(buildFigures(2, 1, 0, 1, 80)),
      }),
      unitReport({
        unitCode: 'VP-HDND-UBND', unitName: 'Văn phòng HĐND và UBND huyện', state: 'ACCEPTED', late: true,
        submittedAt: '2022-06-30T01:45:00.000Z', acceptedAt: '2022-06-30T09:00:00.000Z',
        results: 'Bệnh viện Đa khoa huyện triển khai thanh toán viện phí qua mã QR từ tháng 5/2022.',
        difficulties: null,
        proposals: 'Đề nghị Sở Thông tin và Truyền thông hỗ trợ tập huấn an toàn thông tin cho trạm y tế xã.',
      }),
      unitReport({ unitCode: 'TT-VHTTTDL', unitName: 'Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', state: 'SUBMITTED', submittedAt: '2022-06-29T04:00:00.000Z' }),
      unitReport({
        unitCode: 'AGRIBANK-HT', unitName: 'Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh huyện Hà Trung', state: 'RETURNED',
        submittedAt: '2022-06-23T04:00:00.000Z',
        // Text of a report that was returned: the compiled report must not repeat it.
        results: 'Bản nháp chưa được chấp nhận: lắp đặt 12 thiết bị POS.',
      }),
      unitReport({ unitCode: 'TT-HATRUNG', unitName: 'Thị trấn Hà Trung', state: 'NOT_STARTED' }),
      unitReport({
        unitCode: 'XA-HABAC', unitName: 'Xã Hà Bắc', state: 'ACCEPTED', late: true,
        submittedAt: '2022-07-01T07:00:00.000Z', acceptedAt: '2022-07-02T03:00:00.000Z',
        results: '5/7 trường học trên địa bàn xã đã nhận học phí bằng chuyển khoản.',
        figures: unitFigures(buildFigures(1, 2, 1, 2, 40), { total: 7, reported: 5 }),
      }),
    ],
    ...overrides,
  };
}
