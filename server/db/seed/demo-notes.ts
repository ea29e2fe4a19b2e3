/**
 * What the demo's officers and reviewers write: progress notes in the words of each task of part III,
 * with figures that grow with the progress, and the reasons a reviewer returns work or a unit gets stuck.
 * Illustrative, like the demo facilities: no figure here was reported by anyone.
 */

type Random = () => number;

interface TaskNotes {
  early: (n: Figures) => string;
  mid: (n: Figures) => string;
  late: (n: Figures) => string;
}

/** Figures a note may quote; every one grows with the progress, so a later note never reports less. */
interface Figures {
  /** Facilities in the unit's area. */
  total: number;
  /** Of them, how many have done it. */
  done: number;
  percent: number;
  /** People trained or items published. */
  count: number;
}

const SCHOOLS_DIGITAL: TaskNotes = {
  early: (n) => `Đã rà soát hiện trạng ứng dụng công nghệ thông tin tại ${n.total} trường; đang lựa chọn nền tảng quản lý trường học phù hợp.`,
  mid: (n) => `${n.done}/${n.total} trường đã dùng phần mềm quản lý trường học; đang triển khai sổ liên lạc điện tử cho phụ huynh.`,
  late: (n) => `${n.done}/${n.total} trường đã dùng nền tảng quản lý và sổ liên lạc điện tử; đã dạy học trực tuyến ở các khối lớp trên.`,
};

const SCHOOLS_CASHLESS: TaskNotes = {
  early: () => 'Đã làm việc với Agribank Hà Trung và các nhà mạng về thu học phí, phí không dùng tiền mặt.',
  mid: (n) => `${n.done}/${n.total} trường đã thu học phí qua chuyển khoản, mã QR; đang hướng dẫn phụ huynh cài ứng dụng ngân hàng.`,
  late: (n) => `${n.done}/${n.total} trường đã bố trí đầu mối hướng dẫn thanh toán; ${n.percent}% khoản thu học phí không dùng tiền mặt.`,
};

const HEALTH_DIGITAL: TaskNotes = {
  early: () => 'Đã khảo sát nhu cầu phần mềm quản lý khám chữa bệnh tại các cơ sở y tế.',
  mid: (n) => `Các cơ sở y tế đã dùng phần mềm quản lý khám chữa bệnh; hồ sơ sức khỏe điện tử đạt ${n.percent}% dân số.`,
  late: (n) => `Hồ sơ sức khỏe điện tử đạt ${n.percent}% dân số; đã quản lý tiêm chủng trên nền tảng số.`,
};

const HEALTH_CASHLESS: TaskNotes = {
  early: () => 'Đã làm việc với ngân hàng về lắp đặt mã QR thanh toán viện phí tại các cơ sở y tế.',
  mid: (n) => `${n.done}/${n.total} cơ sở y tế đã nhận thanh toán viện phí qua mã QR, chuyển khoản.`,
  late: (n) => `Các cơ sở y tế đã chấp nhận thanh toán không dùng tiền mặt; ${n.percent}% giao dịch viện phí không dùng tiền mặt.`,
};

const PUBLICITY: TaskNotes = {
  early: (n) => `Đã xây dựng kế hoạch tuyên truyền; phát ${n.count} tin trên đài truyền thanh.`,
  mid: (n) => `Đã phát ${n.count} tin, bài về chuyển đổi số và thanh toán không dùng tiền mặt; treo băng rôn, khẩu hiệu tại nơi công cộng.`,
  late: (n) => `Đã phát ${n.count} tin, bài; đăng trên trang thông tin điện tử và nhóm Zalo của các thôn, tổ dân phố.`,
};

const SCHOOL_TRAINING: TaskNotes = {
  early: () => 'Đã lập danh sách giáo viên, nhân viên cần tập huấn kỹ năng số.',
  mid: (n) => `Đã tổ chức tập huấn kỹ năng số cho ${n.count} giáo viên, nhân viên.`,
  late: (n) => `Đã tập huấn cho ${n.count} giáo viên, nhân viên; ${n.done}/${n.total} trường đã phổ biến cho phụ huynh, học sinh.`,
};

const HEALTH_TRAINING: TaskNotes = {
  early: () => 'Đã lập danh sách cán bộ y tế cần tập huấn.',
  mid: (n) => `Đã tập huấn cho ${n.count} cán bộ y tế về phần mềm quản lý khám chữa bệnh.`,
  late: (n) => `Đã tập huấn cho ${n.count} cán bộ y tế; có người hướng dẫn người bệnh thanh toán không dùng tiền mặt tại quầy.`,
};

const SECURITY: TaskNotes = {
  early: () => 'Đã rà soát các hệ thống thông tin đang dùng tại trường học, cơ sở y tế.',
  mid: (n) => `Đã hướng dẫn ${n.done} cơ quan, đơn vị xác định cấp độ an toàn hệ thống thông tin.`,
  late: (n) => `Đã kiểm tra an toàn thông tin tại ${n.done} cơ sở; không phát hiện sự cố.`,
};

const BY_TASK: Record<string, TaskNotes> = {
  '1.1': SCHOOLS_DIGITAL,
  '1.2': SCHOOLS_CASHLESS,
  '2.1': HEALTH_DIGITAL,
  '2.2': HEALTH_CASHLESS,
  '3': PUBLICITY,
  '4': SCHOOL_TRAINING,
  '5': HEALTH_TRAINING,
  '6': SECURITY,
};

const GENERIC: TaskNotes = {
  early: () => 'Đã xây dựng kế hoạch triển khai, phân công cán bộ theo dõi.',
  mid: () => 'Đang triển khai theo kế hoạch.',
  late: () => 'Cơ bản hoàn thành các nội dung; đang tổng hợp kết quả.',
};

/** One unit's notes on one task: the size of its area is drawn once, the figures then follow the progress (0–100). */
export function noteWriter(taskNumber: string, random: Random): (progress: number) => string {
  const notes = BY_TASK[taskNumber] ?? GENERIC;
  const total = 3 + Math.floor(random() * 10);
  const percentAtEnd = 60 + random() * 35;
  const countAtEnd = 20 + random() * 60;
  return (progress) => {
    const share = progress / 100;
    const figures: Figures = {
      total,
      done: Math.max(1, Math.min(total, Math.round(total * share))),
      percent: Math.max(5, Math.round(share * percentAtEnd)),
      count: Math.max(2, Math.round(share * countAtEnd)),
    };
    if (progress >= 100) return `Hoàn thành. ${notes.late(figures)}`;
    if (progress >= 75) return notes.late(figures);
    if (progress >= 40) return notes.mid(figures);
    return notes.early(figures);
  };
}

const RETURN_REASONS = [
  'Báo cáo chưa có số liệu cụ thể của từng cơ sở; đề nghị bổ sung.',
  'Đề nghị bổ sung minh chứng: danh sách cơ sở đã triển khai, hình ảnh.',
  'Số liệu chưa khớp với báo cáo của Phòng Giáo dục và Đào tạo; đề nghị rà soát lại.',
  'Kết quả mới ở mức triển khai thử; đề nghị hoàn thành ở tất cả các cơ sở rồi gửi lại.',
];

const BLOCK_REASONS = [
  'Chưa được bố trí kinh phí mua sắm thiết bị.',
  'Điểm trường lẻ chưa có Internet cáp quang; đang chờ nhà mạng kéo cáp.',
  'Phần mềm đang chờ nâng cấp theo hướng dẫn của Sở.',
  'Cán bộ phụ trách nghỉ chế độ; đang phân công người thay.',
];

export const REWORK_NOTE = 'Đang bổ sung, hoàn thiện theo ý kiến thẩm định.';
export const UNBLOCK_COMMENT = 'Vướng mắc đã được giải quyết; tiếp tục triển khai.';
export const SUBMIT_COMMENT = 'Gửi báo cáo kết quả thực hiện.';
export const RESUBMIT_COMMENT = 'Đã bổ sung theo ý kiến thẩm định, gửi lại báo cáo.';
export const VERIFY_COMMENT = 'Đạt yêu cầu.';

export function returnReason(random: Random): string {
  return RETURN_REASONS[Math.floor(random() * RETURN_REASONS.length)];
}

export function blockReason(random: Random): string {
  return BLOCK_REASONS[Math.floor(random() * BLOCK_REASONS.length)];
}
