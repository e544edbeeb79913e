/**
 * Texts of editions, declaration follow-up and organisation management, in Vietnamese (first).
 * Placeholders are written {name}.
 */
export const editionsVi = {
  problem: {
    precondition_failed: {
      title: 'Dữ liệu đã thay đổi',
      detail:
        'Phiên bản trong If-Match không còn là phiên bản hiện tại; hãy tải lại rồi làm lại thay đổi của bạn.',
    },
    payload_too_large: {
      title: 'Tệp quá lớn',
      detail: 'Tệp gửi lên vượt quá dung lượng cho phép ({maximum} byte).',
    },
  },
  field: {
    not_pdf: 'Tệp phải là văn bản PDF',
    unknown_platform: 'Không có nền tảng này trong sổ đăng ký',
    unknown_version: 'Nền tảng không có phiên bản này',
    duplicate: 'Bị lặp lại',
    unknown_organisation: 'Không có cơ quan này',
    version_or_if_match: 'Cần phiên bản (trường version hoặc tiêu đề If-Match)',
    not_current: 'Cơ quan đã chấm dứt hoạt động',
    successor_in_predecessors: 'Cơ quan kế thừa không được nằm trong các cơ quan tiền thân',
  },
  conflict: {
    edition_published: 'văn bản đã công bố thì không thay đổi được',
    edition_empty: 'chưa chọn nền tảng nào cho văn bản công bố',
    document_exists: 'đã có văn bản mang số hiệu này',
    organisation_code_taken: 'đã có cơ quan mang mã này',
    already_reorganised: 'cơ quan đã được sắp xếp lại vào ngày này hoặc trước đó',
  },
  resource: {
    edition_file: 'tệp văn bản',
    platform: 'nền tảng',
  },
  email: {
    confirmationReminder: {
      subject: 'Đề nghị xác nhận thông tin nền tảng số — Sổ đăng ký nền tảng số quốc gia',
      body: 'Kính gửi {name},\n\n{organisation} có {count} nền tảng số chưa được xác nhận còn đúng trong {days} ngày qua:\n\n{platforms}\n\nĐề nghị đăng nhập sổ đăng ký, kiểm tra và xác nhận thông tin còn chính xác, hoặc gửi đề nghị cập nhật:\n\n{link}\n',
    },
  },
  csv: {
    organisation: 'Cơ quan',
    code: 'Mã',
    kind: 'Loại',
    declared: 'Đã kê khai',
    firstSubmittedAt: 'Gửi đề nghị đầu tiên',
    platforms: 'Số nền tảng',
    overdue: 'Quá hạn xác nhận',
    lastConfirmedAt: 'Xác nhận gần nhất',
    lastReminderAt: 'Nhắc gần nhất',
    yes: 'Có',
    no: 'Không',
  },
};

export type EditionsMessages = typeof editionsVi;
