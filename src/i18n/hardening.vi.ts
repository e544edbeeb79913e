/**
 * Texts of the hardening work (duplicates answered as conflicts, long queries, retention), kept
 * apart from vi.ts until merged, like the other areas' files.
 */
export const hardeningVi = {
  signOn: {
    leavingTitle: 'Chuyển đến hệ thống định danh',
    leavingBody:
      'Nội dung bạn vừa nhập đã được giữ lại trên máy chủ của Sổ đăng ký. Sau khi đăng nhập ở hệ thống định danh, bạn sẽ được đưa trở lại để gửi tiếp.',
    leavingLink: 'Tiếp tục đến hệ thống định danh',
  },
  conflict: {
    duplicate: 'giá trị này đã có trong sổ đăng ký',
    email_taken: 'đã có tài khoản dùng địa chỉ thư điện tử này',
    term_exists: 'thuật ngữ này đã có trong từ điển',
    holiday_exists: 'ngày này đã có trong lịch nghỉ',
  },
};

export type HardeningMessages = typeof hardeningVi;
