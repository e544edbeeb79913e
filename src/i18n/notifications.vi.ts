/**
 * Texts of the Atom feed of published changes and of webhooks (issue 3, notifications).
 * Vietnamese first; notifications.en.ts follows this shape.
 */
export const notificationsVi = {
  feed: {
    title: 'Sổ đăng ký nền tảng số quốc gia — Thay đổi đã công bố',
    subtitle: 'Nền tảng số được đăng ký mới, cập nhật hoặc ngừng sử dụng; danh mục được công bố',
    author: 'Sổ đăng ký nền tảng số quốc gia',
    /** The <link rel="alternate"> of every page. */
    linkTitle: 'Thay đổi đã công bố (Atom)',
    entry: {
      'platform.created': 'Nền tảng mới: {name}',
      'platform.updated': 'Cập nhật: {name}',
      'platform.retired': 'Ngừng sử dụng: {name}',
      'edition.published': 'Công bố danh mục: {name}',
    },
    version: 'Phiên bản {version}',
  },
  field: {
    invalid_url: 'Địa chỉ không hợp lệ',
    https_required: 'Địa chỉ nhận phải dùng https',
    private_address: 'Không được gửi tới địa chỉ mạng nội bộ',
    credentials_in_url: 'Không đưa tên đăng nhập, mật khẩu vào địa chỉ',
  },
  resource: {
    webhook: 'điểm nhận webhook',
  },
};
export type NotificationsMessages = typeof notificationsVi;
