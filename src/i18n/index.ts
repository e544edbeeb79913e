import { en } from './en.ts';
import { vi, type Messages } from './vi.ts';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export type { Messages };

const catalogues: Record<Locale, Messages> = { vi, en };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** Fills {placeholders}; unknown ones stay visible rather than vanish. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The locale from ?lang=, then the cookie, then Accept-Language; Vietnamese by default. */
export function pickLocale(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  for (const candidate of [query, cookie]) if (candidate === 'vi' || candidate === 'en') return candidate;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "2765/BTTTT-CĐSQG ngày 15/07/2024" (in English: "2765/BTTTT-CĐSQG of 15/07/2024"). */
export function citeDocument(number: string, issuedOn: string, locale: Locale): string {
  return `${number} ${locale === 'vi' ? 'ngày' : 'of'} ${formatDate(issuedOn)}`;
}
