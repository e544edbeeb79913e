/**
 * Texts of local systems, comply-or-explain and the nationwide overlap report (issue 5), kept in
 * their own file until they are folded into vi.ts. Vietnamese first; local-systems.en.ts follows.
 */
export const localSystemsVi = {
  field: {
    invalid_date: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)',
    in_future: 'Ngày không được sau hôm nay',
    invalid_phone: 'Số điện thoại không hợp lệ',
    not_a_locality: 'Chỉ ghi nhận hệ thống cho tỉnh, thành phố (sau này: xã, phường)',
    not_in_catalogue: 'Không có nền tảng này trong danh mục',
    not_overlapping: 'Kết quả kiểm tra gần nhất không trùng lặp với nền tảng nào: không cần giải trình',
  },
  conflict: {
    overlap_unresolved:
      'hệ thống trùng lặp với nền tảng trong danh mục: trước khi phê duyệt hoặc triển khai, hãy chọn dùng nền tảng đó (adoption) hoặc gửi giải trình (justification)',
    justification_pending: 'giải trình đang chờ cơ quan thẩm định quyết định',
    justification_rejected:
      'giải trình đã bị từ chối: hãy chọn dùng nền tảng trong danh mục hoặc gửi giải trình mới',
    status_retired: 'hệ thống đã dừng hoạt động; khoản đầu tư mới cần ghi nhận thành hệ thống mới',
    already_decided: 'giải trình này đã được quyết định',
  },
  resource: {
    local_system: 'hệ thống của địa phương',
    local_system_resolution: 'giải trình',
    local_system_check_run: 'lượt kiểm tra lại',
  },
  status: {
    proposed: 'Đề xuất',
    approved: 'Đã phê duyệt',
    in_development: 'Đang xây dựng',
    operating: 'Đang vận hành',
    retired: 'Đã dừng',
  },
  verdict: {
    overlap: 'Trùng lặp',
    related: 'Có liên quan',
    clear: 'Không trùng lặp',
    unchecked: 'Chưa kiểm tra',
  },
  standing: {
    none: '—',
    adopted: 'Dùng nền tảng trong danh mục',
    justified: 'Giải trình được chấp nhận',
    pending: 'Giải trình chờ thẩm định',
    rejected: 'Giải trình bị từ chối',
    unresolved: 'Chưa giải trình',
  },
  page: {
    listTitle: 'Hệ thống thông tin của địa phương',
    listIntro:
      'Các hệ thống và dự án đầu tư địa phương đã ghi nhận, với kết quả kiểm tra trùng lặp gần nhất so với danh mục nền tảng số.',
    locality: 'Địa phương',
    chooseLocality: 'Chọn địa phương',
    show: 'Xem',
    origin: 'Ghi nhận cho',
    name: 'Tên hệ thống',
    status: 'Trạng thái',
    verdict: 'Kết quả kiểm tra',
    standing: 'Giải trình',
    duplicates: 'Trùng lặp với',
    budget: 'Kinh phí (đồng)',
    decision: 'Quyết định đầu tư',
    checkedAt: 'Kiểm tra lúc',
    none: 'Chưa có hệ thống nào được ghi nhận.',
    signInNeeded: 'Trang này dành cho cán bộ địa phương và cơ quan thẩm định: hãy đăng nhập.',
    notAllowed: 'Tài khoản của bạn không xem được trang này.',
    reportTitle: 'Báo cáo trùng lặp toàn quốc',
    reportIntro:
      'Mọi hệ thống của địa phương so với danh mục nền tảng số, theo kết quả kiểm tra gần nhất của từng hệ thống.',
    computedAt: 'Số liệu kiểm tra từ {from} đến {to}; danh mục phiên bản {revision}.',
    lastRun: 'Lượt kiểm tra lại gần nhất: {status}, {checked} hệ thống, xong lúc {finishedAt}.',
    noRun: 'Chưa có lượt kiểm tra lại nào.',
    totals:
      '{systems} hệ thống của {localities} địa phương; {overlapping} trùng lặp, {unresolved} chưa xử lý xong (chưa giải trình, chờ thẩm định hoặc bị từ chối).',
    byPlatform: 'Theo nền tảng bị trùng lặp',
    byProvince: 'Theo địa phương',
    platform: 'Nền tảng',
    count: 'Số hệ thống',
    systems: 'Hệ thống',
    overlapping: 'Trùng lặp',
    unresolved: 'Chưa xử lý xong',
    exportCsv: 'Tải CSV',
    noneOverlapping: 'Không có hệ thống nào trùng lặp với danh mục.',
    runStatus: { queued: 'đang chờ', running: 'đang chạy', done: 'xong', failed: 'lỗi' },
  },
  email: {
    subject:
      'Hệ thống của địa phương trùng lặp với nền tảng trong danh mục / Local systems now overlap the catalogue',
    intro:
      'Danh mục nền tảng số vừa thay đổi. Các hệ thống sau của {locality} nay trùng lặp với nền tảng trong danh mục; trước khi phê duyệt hoặc triển khai, địa phương cần chọn dùng nền tảng đó hoặc gửi giải trình:',
    line: '- {system}: trùng lặp với {platforms}',
    link: 'Xem danh sách: {url}',
    english:
      'The catalogue has changed. The systems above now overlap catalogue platforms: before approval or deployment, adopt the platform or file a justification.',
  },
};
export type LocalSystemsMessages = typeof localSystemsVi;
