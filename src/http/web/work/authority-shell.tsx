import type { Context } from 'hono';
import { formatDate } from '../../../i18n/index.ts';
import { authorityWorkMessages } from '../../../i18n/authority-work.en.ts';
import type { AuthorityWorkMessages } from '../../../i18n/authority-work.vi.ts';
import type { AppEnv } from '../../env.ts';
import { workUi, type WorkUi } from './shell.tsx';

/** The work screens' texts plus the authority screens' own. */
export interface AuthorityUi extends WorkUi {
  a: AuthorityWorkMessages;
}

export function authorityUi(c: Context<AppEnv>): AuthorityUi {
  const ui = workUi(c);
  return { ...ui, a: authorityWorkMessages(ui.locale) };
}

/** dd/mm/yyyy hh:mm in Vietnam's time (UTC+7, no daylight saving). */
export function dateTime(iso: string | Date | null): string {
  if (iso === null) return '';
  const time = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  const local = new Date(time + 7 * 3600_000).toISOString();
  return `${formatDate(local)} ${local.slice(11, 16)}`;
}

/** Bytes as people read them ("1,2 MB" in Vietnamese, "1.2 MB" in English). */
export function fileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'B'];
  const text = unit === 'B' ? String(value) : value.toFixed(1);
  return `${locale === 'vi' ? text.replace('.', ',') : text} ${unit}`;
}
