/**
 * The Vietnamese names of the facility enums, in the plan's words. One copy for the Excel template
 * the server writes and reads back (its column headers are these names) and for the admin's
 * Vietnamese catalogue, so a cell header and the checkbox beside a form field never drift apart.
 * Plain data without imports: the admin bundles this file, and the enums' own module pulls in the ORM.
 * The server checks at compile time that every value of its enums has a name here.
 */

export type FacilitySectorName = 'EDUCATION' | 'HEALTH';
export type FacilityLevelName =
  | 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY' | 'HEALTH_STATION' | 'DISTRICT_HOSPITAL' | 'PROVINCIAL_HOSPITAL';
export type DigitalPlatformName =
  | 'SCHOOL_MANAGEMENT' | 'ONLINE_TEACHING_LEARNING_EXAMS' | 'DIGITISED_LEARNING_MATERIALS' | 'SCHOOL_PARENT_CONNECTION'
  | 'HOSPITAL_MANAGEMENT' | 'TELEMEDICINE' | 'E_PRESCRIPTION' | 'ELECTRONIC_MEDICAL_RECORDS' | 'PERSONAL_HEALTH_RECORDS'
  | 'VACCINATION_MANAGEMENT' | 'ONLINE_HEALTH_ADVICE';
export type CashlessChannelName = 'BANK_TRANSFER_QR' | 'CARD' | 'E_WALLET' | 'AUTOMATIC_DEBIT' | 'PUBLIC_SERVICE_PORTAL';

export const FACILITY_SECTOR_LABEL: Record<FacilitySectorName, string> = { EDUCATION: 'Giáo dục', HEALTH: 'Y tế' };

export const FACILITY_LEVEL_LABEL: Record<FacilityLevelName, string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'Trung học cơ sở',
  UPPER_SECONDARY: 'Trung học phổ thông',
  HEALTH_STATION: 'Trạm y tế',
  DISTRICT_HOSPITAL: 'Bệnh viện huyện',
  PROVINCIAL_HOSPITAL: 'Bệnh viện tỉnh',
};

export const DIGITAL_PLATFORM_LABEL: Record<DigitalPlatformName, string> = {
  SCHOOL_MANAGEMENT: 'Quản trị nhà trường',
  ONLINE_TEACHING_LEARNING_EXAMS: 'Dạy, học, kiểm tra trực tuyến',
  DIGITISED_LEARNING_MATERIALS: 'Học liệu số',
  SCHOOL_PARENT_CONNECTION: 'Kết nối nhà trường – phụ huynh',
  HOSPITAL_MANAGEMENT: 'Quản lý bệnh viện, cơ sở khám chữa bệnh',
  TELEMEDICINE: 'Khám chữa bệnh từ xa',
  E_PRESCRIPTION: 'Đơn thuốc điện tử',
  ELECTRONIC_MEDICAL_RECORDS: 'Bệnh án điện tử',
  PERSONAL_HEALTH_RECORDS: 'Hồ sơ sức khỏe điện tử',
  VACCINATION_MANAGEMENT: 'Quản lý tiêm chủng',
  ONLINE_HEALTH_ADVICE: 'Tư vấn sức khỏe trực tuyến',
};

export const CASHLESS_CHANNEL_LABEL: Record<CashlessChannelName, string> = {
  BANK_TRANSFER_QR: 'Chuyển khoản, mã QR',
  CARD: 'Thẻ ngân hàng',
  E_WALLET: 'Ví điện tử',
  AUTOMATIC_DEBIT: 'Trích nợ tự động',
  PUBLIC_SERVICE_PORTAL: 'Cổng dịch vụ công',
};
