/**
 * Texts of accounts, change requests, versions and the audit log, in Vietnamese. Kept apart
 * from vi.ts while that file is being edited elsewhere; to be merged into it (same keys).
 * Placeholders are written {name}.
 */
export const workflowVi = {
  problem: {
    invalid_credentials: {
      title: 'Đăng nhập không thành công',
      detail: 'Thư điện tử hoặc mật khẩu không đúng.',
    },
    csrf_failed: {
      title: 'Yêu cầu không hợp lệ',
      detail: 'Phiên làm việc không xác nhận được yêu cầu này; hãy tải lại trang rồi thử lại.',
    },
    password_change_required: {
      title: 'Cần đổi mật khẩu',
      detail: 'Hãy đặt mật khẩu mới trước khi tiếp tục.',
    },
  },
  field: {
    invalid_email: 'Địa chỉ thư điện tử không hợp lệ',
    email_taken: 'Địa chỉ thư điện tử này đã có tài khoản',
    password_too_short: 'Mật khẩu cần ít nhất {minimum} ký tự',
    password_contains_email: 'Mật khẩu không được chứa tên tài khoản',
    incorrect: 'Không đúng',
    invalid_or_expired: 'Mã không đúng, đã dùng hoặc đã hết hạn',
    role_organisation_mismatch: 'Vai trò này không phù hợp với cơ quan đã chọn',
    organisation_not_current: 'Cơ quan này không còn (hoặc chưa) hoạt động',
    last_admin: 'Không thể bỏ quyền quản trị viên cuối cùng',
    missing_for_submit: 'Cần điền trước khi gửi',
    not_a_working_calendar_day: 'Ngày không hợp lệ cho loại ngày này',
    invalid_json: 'Nội dung gửi lên không phải JSON hợp lệ',
    no_changes: 'Chưa có thay đổi nào so với bản đang công bố',
    not_applicable: 'Không dùng cho loại yêu cầu này',
  },
  conflict: {
    version_mismatch: 'dữ liệu đã được người khác cập nhật; hãy tải lại và làm lại thay đổi của bạn',
    platform_changed:
      'nền tảng đã có phiên bản mới sau khi đề nghị được lập; hãy cập nhật đề nghị theo phiên bản mới',
    platform_gone: 'nền tảng không còn trong sổ đăng ký',
    invalid_transition: 'yêu cầu không ở trạng thái cho phép thao tác này',
  },
  resource: {
    user: 'tài khoản',
    change_request: 'yêu cầu thay đổi',
    platform_version: 'phiên bản',
    holiday: 'ngày nghỉ',
  },
  role: {
    authority_admin: 'Quản trị viên',
    authority_reviewer: 'Cán bộ thẩm định',
    ministry_editor: 'Cán bộ cập nhật của bộ, ngành',
    locality_officer: 'Cán bộ địa phương',
  },
  changeRequestKind: {
    create: 'Đề nghị bổ sung nền tảng',
    update: 'Đề nghị cập nhật thông tin',
    retire: 'Đề nghị ngừng nền tảng',
  },
  changeRequestStatus: {
    draft: 'Bản nháp',
    submitted: 'Đã gửi',
    changes_requested: 'Yêu cầu bổ sung, chỉnh sửa',
    resubmitted: 'Đã gửi lại',
    approved: 'Đã phê duyệt, công bố',
    rejected: 'Không phê duyệt',
    withdrawn: 'Đã rút',
  },
  cli: {
    usage:
      'Cách dùng: npm run cli -- create-admin --email <thư điện tử> --name <họ tên> --organisation <mã cơ quan>\n  Mật khẩu đọc từ đầu vào chuẩn (ví dụ: printf %s "$MAT_KHAU" | npm run cli -- create-admin ...);\n  khi chạy trực tiếp ở terminal, một mật khẩu dùng một lần được tạo và in ra.',
    unknownCommand: 'Lệnh không có: {command}',
    created: 'Đã tạo quản trị viên {email} ({organisation}).',
    generated: 'Mật khẩu dùng một lần (chỉ hiện lần này; phải đổi khi đăng nhập lần đầu): {password}',
    invalid: 'Không tạo được tài khoản: {problems}',
    emptyPassword: 'Đầu vào chuẩn không có mật khẩu.',
  },
  email: {
    passwordReset: {
      subject: 'Đặt lại mật khẩu — Sổ đăng ký nền tảng số quốc gia',
      body: 'Kính gửi {name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản {email}. Mở liên kết sau trong {minutes} phút để đặt mật khẩu mới (liên kết chỉ dùng được một lần):\n\n{link}\n\nNếu không phải bạn yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.\n',
    },
    invitation: {
      subject: 'Tài khoản mới — Sổ đăng ký nền tảng số quốc gia',
      body: 'Kính gửi {name},\n\nMột tài khoản {role} của {organisation} đã được tạo cho địa chỉ {email}. Mở liên kết sau trong {hours} giờ để đặt mật khẩu (liên kết chỉ dùng được một lần):\n\n{link}\n',
    },
  },
};

export type WorkflowMessages = typeof workflowVi;
