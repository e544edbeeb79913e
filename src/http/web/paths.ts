/** The public page addresses, in one place so links and routes agree. */
export const paths = {
  catalogue: '/',
  platforms: '/nen-tang',
  platform: (slug: string) => `/nen-tang/${encodeURIComponent(slug)}`,
  editions: '/van-ban',
  // The document number is the citable key ("2765/BTTTT-CĐSQG"); its slash travels as %2F.
  edition: (number: string) => `/van-ban/${encodeURIComponent(number)}`,
  organisations: '/co-quan',
  organisation: (code: string) => `/co-quan/${encodeURIComponent(code)}`,
  statistics: '/thong-ke',
  api: '/api',
  openapi: '/openapi.json',
  overlapCheck: '/kiem-tra-trung-lap',
  catalogueHygiene: '/ra-soat-danh-muc',
  catalogueHygieneDismiss: '/ra-soat-danh-muc/khong-trung-lap',
  catalogueHygieneRestore: '/ra-soat-danh-muc/liet-ke-lai',
} as const;

/** `base` with `params` as its query string; empty values are left out so shared URLs stay short. */
export function withQuery(base: string, params: Iterable<readonly [string, string]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) if (value !== '') search.append(key, value);
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}
