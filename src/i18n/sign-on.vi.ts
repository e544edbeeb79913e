/**
 * Single sign-on (OIDC): the button, the problems and the error page. Kept apart from vi.ts
 * until merged, like workflow.vi.ts.
 */
export const signOnVi = {
  button: 'Đăng nhập bằng tài khoản định danh',
  problem: {
    sign_on_failed: {
      title: 'Không đăng nhập được bằng tài khoản định danh',
      detail: '{reason}',
    },
  },
  reason: {
    flow_expired:
      'Phiên đăng nhập đã hết hạn hoặc đã được dùng. Hãy bắt đầu đăng nhập lại từ Sổ đăng ký nền tảng số.',
    state_mismatch:
      'Phản hồi đăng nhập không khớp với yêu cầu đã gửi đi nên đã bị từ chối. Hãy bắt đầu đăng nhập lại từ Sổ đăng ký nền tảng số.',
    provider_error: 'Hệ thống định danh đã từ chối hoặc hủy yêu cầu đăng nhập.',
    provider_unavailable: 'Chưa kết nối được với hệ thống định danh. Vui lòng thử lại sau ít phút.',
    email_missing:
      'Tài khoản định danh không cung cấp địa chỉ thư điện tử đã xác minh, nên không xác định được tài khoản trong Sổ đăng ký.',
    unknown_user:
      'Chưa có tài khoản Sổ đăng ký nào ứng với địa chỉ thư điện tử của bạn. Đăng nhập một lần không tự tạo tài khoản; hãy đề nghị quản trị viên cấp tài khoản.',
    disabled_user: 'Tài khoản Sổ đăng ký của bạn đã bị khóa. Hãy liên hệ quản trị viên.',
    identity_mismatch:
      'Tài khoản Sổ đăng ký này đã gắn với một danh tính khác trên hệ thống định danh. Hãy liên hệ quản trị viên.',
  },
  page: {
    retry: 'Đăng nhập lại',
    home: 'Về trang chủ',
    requestId: 'Mã yêu cầu (khi cần hỗ trợ): {requestId}',
  },
};

export type SignOnMessages = typeof signOnVi;
