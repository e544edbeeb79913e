/**
 * The public overlap check page and the catalogue hygiene page (Vietnamese, first). Kept apart
 * from vi.ts, like workflow.vi.ts, until they are folded in. Placeholders are written {name}.
 */
export const overlapCheckVi = {
  nav: 'Kiểm tra trùng lặp',
  title: 'Kiểm tra trùng lặp trước khi đầu tư',
  lead: 'Trước khi đầu tư một hệ thống thông tin, hãy kiểm tra xem đã có nền tảng số quốc gia hoặc nền tảng dùng chung nào làm việc đó chưa. Mô tả hệ thống dự kiến; kết quả cho biết nền tảng trùng lặp hoặc liên quan, cơ quan chủ quản và đầu mối liên hệ.',
  form: {
    legend: 'Hệ thống dự kiến',
    required: '(bắt buộc)',
    name: 'Tên hệ thống',
    nameHint: 'Ví dụ: Hệ thống đấu thầu qua mạng của tỉnh',
    description: 'Mô tả',
    descriptionHint: 'Mục tiêu, người sử dụng, phạm vi triển khai.',
    functions: 'Chức năng chính',
    functionsHint: 'Mỗi chức năng một dòng.',
    data: 'Dữ liệu quản lý',
    dataHint: 'Mỗi loại dữ liệu một dòng, ví dụ: hồ sơ thủ tục hành chính.',
    province: 'Tỉnh, thành phố đề xuất',
    provinceHint: 'Không bắt buộc.',
    provinceNone: '— Không chọn —',
    submit: 'Kiểm tra',
    errorSummary: 'Chưa kiểm tra được. Hãy sửa {count} mục được đánh dấu dưới đây.',
    line: 'Dòng {line}: {message}',
  },
  field: {
    required: 'Hãy nhập nội dung cho mục này',
    empty: 'Hãy nhập nội dung có chữ hoặc số',
    too_long: 'Dài quá {max} ký tự',
    too_many: 'Nhiều quá {max} dòng',
    not_found: 'Không có trong danh sách',
    invalid: 'Không hợp lệ',
  },
  result: {
    heading: 'Kết quả kiểm tra',
    proposal: 'Hệ thống dự kiến: “{name}”',
    province: 'Đề xuất của: {province}',
    verdict: {
      overlap: 'Trùng lặp với nền tảng đã có',
      related: 'Có nền tảng liên quan, không trùng lặp',
      clear: 'Không thấy trùng lặp',
    },
    verdictBody: {
      overlap:
        'Hệ thống dự kiến làm việc mà nền tảng dưới đây đã làm cho cả nước. Hãy dùng nền tảng đó thay vì xây dựng mới; nếu vẫn đề xuất đầu tư, cần giải trình vì sao nền tảng hiện có không đáp ứng.',
      related:
        'Có nền tảng liên quan trong danh mục. Hệ thống dự kiến không trùng lặp với chúng, nhưng nên kết nối, tích hợp hoặc khai thác dữ liệu từ các nền tảng này.',
      clear:
        'Không tìm thấy nền tảng nào trong danh mục làm cùng việc. Kết quả dựa trên mô tả đã nhập; mô tả càng đầy đủ (chức năng, dữ liệu) thì kết quả càng chính xác.',
    },
    level: { overlap: 'Trùng lặp', related: 'Liên quan' },
    score: 'Mức độ giống nhau: {percent}',
    matchesHeading: 'Các nền tảng tìm thấy ({count})',
    why: 'Vì sao',
    evidenceHeading: 'Nội dung khớp',
    proposalSide: 'Hệ thống dự kiến',
    platformSide: 'Nền tảng',
    owner: 'Cơ quan chủ quản',
    ownerUnknown: 'Chưa xác định',
    focalPoints: 'Đầu mối vận hành',
    noFocalPoint: 'Danh mục chưa có đầu mối; hãy liên hệ cơ quan chủ quản.',
    website: 'Trang thông tin',
    openPlatform: 'Xem hồ sơ nền tảng',
    nextHeading: 'Việc cần làm tiếp',
    next: {
      overlap: [
        'Liên hệ đầu mối vận hành của nền tảng trùng lặp để được hướng dẫn sử dụng, kết nối.',
        'Điều chỉnh đề xuất: bỏ các chức năng nền tảng đã có, chỉ giữ phần riêng của địa phương.',
        'Nếu vẫn cần đầu tư, ghi rõ lý do trong hồ sơ đề xuất (nền tảng hiện có chưa đáp ứng điều gì).',
      ],
      related: [
        'Xem hồ sơ các nền tảng liên quan và liên hệ đầu mối để thống nhất việc kết nối, chia sẻ dữ liệu.',
        'Ghi trong hồ sơ đề xuất các nền tảng sẽ kết nối, tích hợp.',
      ],
      clear: [
        'Lưu kết quả kiểm tra này kèm hồ sơ đề xuất.',
        'Nếu mô tả còn sơ sài, bổ sung chức năng, dữ liệu và kiểm tra lại.',
      ],
    },
    meta: 'Kiểm tra lúc {time} ngày {date}, theo danh mục (phiên bản {catalogue}) và bộ quy tắc kiểm tra (phiên bản {rules}).',
    share: 'Đường dẫn tới kết quả này',
    again: 'Sửa mô tả và kiểm tra lại',
  },
  rateLimited: {
    title: 'Quá nhiều lượt kiểm tra',
    body: 'Có quá nhiều lượt kiểm tra từ máy của bạn trong một phút. Hãy thử lại sau {seconds} giây.',
  },
};
export type OverlapCheckMessages = typeof overlapCheckVi;
