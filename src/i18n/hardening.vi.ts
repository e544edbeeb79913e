/**
 * Texts of the hardening work (duplicates answered as conflicts, long queries, retention), kept
 * apart from vi.ts until merged, like the other areas' files.
 */
export const hardeningVi = {
  conflict: {
    duplicate: 'giá trị này đã có trong sổ đăng ký',
    email_taken: 'đã có tài khoản dùng địa chỉ thư điện tử này',
    term_exists: 'thuật ngữ này đã có trong từ điển',
    holiday_exists: 'ngày này đã có trong lịch nghỉ',
  },
};

export type HardeningMessages = typeof hardeningVi;
