/** The catalogue hygiene page for the authority (Vietnamese, first). */
export const catalogueHygieneVi = {
  title: 'Rà soát mục trùng trong danh mục',
  lead: 'Các cặp mục trong danh mục có nội dung rất giống nhau, có thể là một nền tảng được ghi hai lần. Hãy xem từng cặp để hợp nhất, liên kết hai mục, hoặc đánh dấu “không trùng lặp” để cặp đó không còn hiện ở đây.',
  summary:
    '{count} cặp có mức độ giống nhau từ {threshold} trở lên (danh mục phiên bản {catalogue}, bộ quy tắc phiên bản {rules}).',
  none: 'Không có cặp nào cần rà soát.',
  csv: 'Tải danh sách (CSV)',
  score: 'Mức độ giống nhau',
  entryA: 'Mục thứ nhất',
  entryB: 'Mục thứ hai',
  reasons: 'Vì sao giống nhau',
  owner: 'Cơ quan chủ quản: {owner}',
  ownerUnknown: 'chưa xác định',
  action: 'Xử lý',
  note: 'Ghi chú (không bắt buộc)',
  dismiss: 'Không phải trùng lặp',
  dismissedHeading: 'Đã đánh dấu không trùng lặp ({count})',
  dismissedOn: 'Đánh dấu ngày {date}',
  restore: 'Đưa lại vào danh sách rà soát',
  signIn: {
    title: 'Cần đăng nhập',
    body: 'Trang này dành cho cán bộ của cơ quan quản lý danh mục. Hãy đăng nhập bằng tài khoản được cấp.',
  },
  forbidden: {
    title: 'Không có quyền xem trang này',
    body: 'Trang này dành cho cán bộ thẩm định và quản trị viên của cơ quan quản lý danh mục.',
  },
};
export type CatalogueHygieneMessages = typeof catalogueHygieneVi;
