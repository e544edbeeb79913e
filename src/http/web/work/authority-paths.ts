/** The addresses of the authority's work screens (editions, declaration follow-up, webhooks). */
const enc = encodeURIComponent;

export const authorityPaths = {
  editions: '/cong-viec/van-ban',
  edition: (id: string) => `/cong-viec/van-ban/${enc(id)}`,
  editionEntries: (id: string) => `/cong-viec/van-ban/${enc(id)}/nen-tang`,
  editionFile: (id: string) => `/cong-viec/van-ban/${enc(id)}/tep`,
  editionPublish: (id: string) => `/cong-viec/van-ban/${enc(id)}/cong-bo`,
  editionCompare: '/cong-viec/van-ban/so-sanh',
  declarations: '/cong-viec/ke-khai',
  declarationsCsv: '/api/v1/declarations.csv',
  confirmPlatform: (platformId: string) => `/cong-viec/ke-khai/${enc(platformId)}/xac-nhan`,
  webhooks: '/cong-viec/webhook',
  webhook: (id: string) => `/cong-viec/webhook/${enc(id)}`,
  webhookState: (id: string) => `/cong-viec/webhook/${enc(id)}/trang-thai`,
  webhookDelete: (id: string) => `/cong-viec/webhook/${enc(id)}/xoa`,
} as const;
