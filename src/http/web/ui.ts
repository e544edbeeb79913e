import type { Context } from 'hono';
import { citeDocument, formatDate, messages, type Locale, type Messages } from '../../i18n/index.ts';
import type { OrganisationRef } from '../../domain/platform.ts';
import type { AppEnv } from '../env.ts';
import { paths } from './paths.ts';

/** What every page and component needs to speak: the locale, its messages, the current address. */
export interface Ui {
  locale: Locale;
  m: Messages;
  /** Path and query of the current request (for the language switch). */
  url: URL;
  /**
   * Organisations by id and by code, so links read /co-quan/bo-tai-chinh rather than an id
   * and a filter chosen by code finds its name.
   */
  orgs: ReadonlyMap<string, OrgEntry>;
  /** The signed-in person, for the header (null: the public). */
  account?: { name: string; csrfToken: string } | null;
  /** Dates of the editions' documents by number, so a document is cited with its date. */
  documents?: ReadonlyMap<string, string>;
}

export interface OrgEntry {
  id: string;
  code: string;
  name: string;
}

export function makeUi(
  c: Context<AppEnv>,
  orgs: readonly OrgEntry[] = [],
  documents?: ReadonlyMap<string, string>,
): Ui {
  const locale = c.get('locale') ?? 'vi';
  const byKey = new Map<string, OrgEntry>();
  for (const org of orgs) byKey.set(org.id, org).set(org.code, org);
  const auth = c.get('auth');
  const account = auth ? { name: auth.user.name, csrfToken: auth.csrfToken } : null;
  return {
    locale,
    m: messages(locale),
    url: new URL(c.req.url),
    orgs: byKey,
    account,
    ...(documents ? { documents } : {}),
  };
}

export function orgHref(ui: Ui, ref: OrganisationRef): string {
  return paths.organisation(ui.orgs.get(ref.id)?.code ?? ref.id);
}

export function cite(ui: Ui, number: string, issuedOn: string): string {
  return citeDocument(number, issuedOn, ui.locale);
}

/**
 * dd/mm/yyyy for a stored instant, on the calendar of Vietnam (UTC+7, no daylight saving):
 * an update at 23:30 UTC on the 1st happened on the 2nd in Hà Nội.
 */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return formatDate(iso);
  return formatDate(new Date(time + 7 * 3600_000).toISOString());
}

/** A message from a group keyed by a data value, falling back to the value itself. */
export function label(group: Record<string, string>, key: string | null | undefined, fallback = ''): string {
  if (key === null || key === undefined) return fallback;
  return group[key] ?? key;
}
