import { PROVINCE_NAMES } from './places.ts';

/**
 * How much a word says about a system's purpose, as plain data (JSON) the authority can tune.
 *
 * IDF over the catalogue is the first discount, but the real catalogue is small (tens of
 * entries): "hệ thống" in 9 of 37 names still looks informative, and a word the catalogue never
 * uses ("tỉnh", "của") looks rarer than any platform's own words. So a fixed table of generic
 * words multiplies the IDF weight: 0 for words that never tell purposes apart (function words,
 * places, project verbs at the start), small for "what kind of thing" and "for whom" words
 * (hệ thống, nền tảng, quốc gia, người dân), 1 for everything else.
 */
export interface GenericTerm {
  /** A word or phrase as written (diacritics matter for single syllables, see exactOnly). */
  text: string;
  /** Multiplier of the term's IDF weight, 0..1. A weight of 1 protects a phrase from a shorter entry. */
  weight: number;
  /**
   * Only when written with diacritics: "tại" is a preposition but "tai" typed bare may be "tài"
   * (tài sản) or "tải" (tải lên); "sở" (department) is not "số" (digital).
   */
  exactOnly?: boolean;
  /** Only as the first words of a name or sentence: "Đầu tư hệ thống …" vs "… quốc gia về đầu tư". */
  leadingOnly?: boolean;
}

export interface TextRules {
  generic: GenericTerm[];
  /** Place names weighed at zero wherever they appear. */
  places: string[];
  /** Words after which a run of capitalised syllables is a place name ("xã Tân Phú"). */
  placeMarkers: string[];
  /**
   * Words after which the rest of a clause says for whom or whose ("… cho các chủ đầu tư",
   * "… của Trung tâm dữ liệu quốc gia"), not what: those words weigh `modifierWeight` times
   * as much. "về" is not one: "Hệ thống thông tin quốc gia về đầu tư" is about investment.
   */
  modifierMarkers: string[];
  modifierWeight: number;
}

const g = (weight: number, texts: string[], extra: Partial<GenericTerm> = {}): GenericTerm[] =>
  texts.map((text) => ({ text, weight, ...extra }));

export const DEFAULT_GENERIC_TERMS: GenericTerm[] = [
  // Function words. Exact only: bare "cua" may be "cửa" (một cửa), "den" may be "đèn".
  ...g(
    0,
    ['của', 'và', 'cho', 'các', 'những', 'về', 'trong', 'để', 'tại', 'với', 'từ', 'theo', 'trên', 'dưới'],
    { exactOnly: true },
  ),
  ...g(
    0,
    ['được', 'là', 'có', 'một', 'này', 'đó', 'hoặc', 'nhằm', 'giữa', 'đến', 'qua', 'vào', 'khi', 'thì'],
    { exactOnly: true },
  ),
  ...g(0, ['mà', 'bằng', 'như', 'ở', 'sau', 'trước', 'mọi', 'đã', 'sẽ', 'đang', 'cần', 'phải', 'do', 'gồm'], {
    exactOnly: true,
  }),
  ...g(0, [
    'nhu cầu',
    'phục vụ',
    'thực hiện',
    'bao gồm',
    'tất cả',
    'toàn bộ',
    'đảm bảo',
    'bảo đảm',
    'hướng tới',
  ]),
  ...g(0, ['tăng cường', 'nâng cao', 'hiệu quả', 'hiện đại hóa', 'hiện đại', 'tổng thể', 'giai đoạn', 'năm']),
  // Administrative places and levels: where, not what.
  ...g(0, ['tỉnh', 'huyện', 'quận', 'xã', 'phường', 'sở', 'ban', 'ngành'], { exactOnly: true }),
  ...g(0, ['thành phố', 'thị xã', 'thị trấn', 'địa bàn', 'trên địa bàn', 'cấp tỉnh', 'cấp huyện', 'cấp xã']),
  ...g(0, [
    'cấp bộ',
    'ủy ban nhân dân',
    'uỷ ban nhân dân',
    'hội đồng nhân dân',
    'sở ngành',
    'việt nam',
    'tp',
  ]),
  ...g(0.3, ['địa phương', 'trung ương', 'cơ quan', 'đơn vị', 'bộ ngành', 'cấp']),
  // Phrases that contain one of the words above but mean something of their own.
  ...g(1, [
    'xã hội',
    'một cửa',
    'tính toán',
    'vệ tinh',
    'phương tiện',
    'bản đồ',
    'tài sản',
    'tài chính',
    'thi hành',
  ]),
  ...g(1, ['ban hành', 'ngân hàng', 'thương mại', 'cửa khẩu', 'từ điển', 'tự động', 'tư pháp', 'đầu tư']),
  // Project verbs: how the money is spent, not what the system does.
  ...g(0, ['xây dựng', 'đầu tư', 'đầu tư xây dựng', 'triển khai', 'nâng cấp', 'trang bị', 'thiết lập'], {
    leadingOnly: true,
  }),
  ...g(0, ['hoàn thiện', 'mở rộng', 'thuê', 'mua sắm', 'phát triển', 'tạo lập', 'bổ sung', 'cải tiến'], {
    leadingOnly: true,
  }),
  // … and the verbs a function usually starts with ("Tổ chức họp trực tuyến", "Cho phép tra cứu").
  ...g(0, ['tổ chức', 'cho phép', 'thực hiện', 'cung cấp', 'hỗ trợ'], { leadingOnly: true }),
  ...g(0, ['dự án', 'đề án', 'kế hoạch']),
  ...g(0.2, ['xây dựng', 'phát triển', 'triển khai', 'nâng cấp', 'mở rộng', 'vận hành', 'cung cấp']),
  // What kind of thing: every entry is one of these.
  ...g(0.15, [
    'hệ thống',
    'nền tảng',
    'phần mềm',
    'ứng dụng',
    'giải pháp',
    'chương trình',
    'công cụ',
    'phân hệ',
  ]),
  ...g(0.15, [
    'hệ thống thông tin',
    'mô đun',
    'module',
    'tiện ích',
    'dịch vụ phần mềm',
    'app',
    'ứng dụng di động',
  ]),
  ...g(0.4, ['cổng', 'trang', 'kho'], { exactOnly: true }),
  ...g(0.4, ['trung tâm', 'website', 'hạ tầng', 'cổng thông tin', 'trang thông tin']),
  // Qualifiers and audiences: scope and users differ between a local and a national system.
  ...g(0.15, ['quốc gia', 'toàn quốc', 'dùng chung', 'thế hệ mới', 'quy mô']),
  ...g(0.15, ['mới'], { exactOnly: true }),
  ...g(0.3, ['tập trung', 'đồng bộ', 'chuyên ngành', 'chuyên dùng', 'điện tử', 'số'], { exactOnly: true }),
  ...g(0.3, ['tập trung', 'đồng bộ', 'điện tử', 'thông minh', 'trực tuyến', 'online']),
  ...g(0.3, [
    'người dân',
    'công dân',
    'tổ chức',
    'cá nhân',
    'cán bộ',
    'công chức',
    'viên chức',
    'người dùng',
  ]),
  ...g(0.3, ['cơ quan nhà nước', 'cơ quan hành chính', 'nhà nước', 'chính quyền', 'người sử dụng']),
  ...g(0.5, ['doanh nghiệp', 'chính phủ']),
  ...g(0.15, [
    'nền tảng số',
    'chuyển đổi số',
    'chính quyền số',
    'chính phủ số',
    'chính quyền điện tử',
    'chính phủ điện tử',
  ]),
  // Verbs every information system has.
  ...g(0.15, ['quản lý', 'quản lí', 'quản lý nhà nước']),
  ...g(0.3, ['hỗ trợ', 'thông tin', 'xử lý', 'khai thác', 'sử dụng', 'cơ sở dữ liệu', 'lưu trữ', 'tiếp cận']),
  ...g(0.5, ['dịch vụ', 'dữ liệu', 'số liệu', 'kết nối', 'tích hợp', 'liên thông', 'tra cứu', 'theo dõi']),
  ...g(0.5, ['giám sát', 'điều hành', 'tổng hợp', 'phân tích', 'chia sẻ', 'công khai', 'cập nhật']),
  ...g(0.5, ['đăng ký', 'thu thập', 'số hóa', 'đánh giá', 'tiếp nhận', 'trả lời', 'hỏi đáp', 'tài khoản']),
];

export const DEFAULT_TEXT_RULES: TextRules = {
  generic: DEFAULT_GENERIC_TERMS,
  places: [...PROVINCE_NAMES],
  placeMarkers: [
    'tỉnh',
    'thành phố',
    'tp',
    'huyện',
    'quận',
    'xã',
    'phường',
    'thị xã',
    'thị trấn',
    'thôn',
    'ấp',
  ],
  modifierMarkers: ['cho', 'của', 'dành cho', 'tại', 'trong', 'thuộc'],
  modifierWeight: 0.5,
};
