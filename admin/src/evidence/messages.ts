/**
 * The evidence screens' words, in Vietnamese. Kept beside the components so they can be mounted
 * anywhere without touching the app's catalogue; move them under app.evidence.* when convenient.
 */
export const EVIDENCE_TEXT = {
  title: 'Minh chứng',
  empty: 'Chưa có minh chứng nào.',
  dropHere: 'Kéo thả tệp vào đây hoặc bấm để chọn tệp',
  /** Phones have nothing to drag: only the tap is worth saying. */
  tapHere: 'Bấm vào đây để chọn tệp',
  dropHint: (maxFiles: number, maxSize: string) =>
    `Nhận văn bản Word, Excel, PowerPoint, PDF, ảnh chụp, bảng CSV. Tối đa ${maxFiles} tệp một lần, mỗi tệp đến ${maxSize}.`,
  takePhoto: 'Chụp ảnh',
  description: 'Mô tả (không bắt buộc)',
  removeChosen: 'Bỏ tệp này',
  upload: (n: number) => (n > 1 ? `Tải lên ${n} tệp` : 'Tải lên'),
  uploading: 'Đang tải lên…',
  uploaded: (n: number) => `Đã đính kèm ${n} tệp minh chứng.`,
  tooMany: (max: number) => `Chỉ được gửi tối đa ${max} tệp mỗi lần.`,
  tooLarge: (name: string, max: string) => `Tệp ${name} vượt quá ${max}.`,
  emptyFile: (name: string) => `Tệp ${name} rỗng.`,
  download: 'Tải về',
  remove: 'Gỡ',
  removeTitle: 'Gỡ minh chứng',
  removeExplain: 'Minh chứng sẽ bị ẩn khỏi danh sách (không bị xóa). Lịch sử ghi lại người gỡ và lý do.',
  reason: 'Lý do gỡ',
  cancel: 'Hủy',
  confirmRemove: 'Gỡ minh chứng',
  removed: 'Đã gỡ minh chứng.',
  hidden: 'Đã gỡ',
  uploadedBy: (name: string, at: string) => `${name} · ${at}`,
  hiddenBy: (name: string, at: string, reason: string) => `Gỡ bởi ${name} lúc ${at}: ${reason}`,
  network: 'Không kết nối được máy chủ. Hãy kiểm tra mạng và thử lại.',
  failed: 'Không tải lên được. Hãy thử lại.',
};
