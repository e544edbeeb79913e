import type { Organisation, OrganisationKind } from './organisation.ts';

/**
 * Declaration follow-up: which ministries and agencies declared their platforms (and when),
 * how many, and whether each record was confirmed as current within the period. Pure: the
 * service hands in the bodies, their families (a successor answers for its predecessors'
 * records), the platforms and the dates.
 */
export const CENTRAL_BODY_KINDS: readonly OrganisationKind[] = [
  'ministry',
  'ministerial_agency',
  'government_agency',
];

export function isCentralBody(org: Pick<Organisation, 'level' | 'kind'>): boolean {
  return org.level === 'central' && CENTRAL_BODY_KINDS.includes(org.kind);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A record never confirmed, or confirmed longer ago than the period, is overdue. */
export function isOverdue(lastConfirmedAt: string | null, now: Date, periodDays: number): boolean {
  return (
    lastConfirmedAt === null || now.getTime() - new Date(lastConfirmedAt).getTime() > periodDays * DAY_MS
  );
}

/** A reminder may go again once a whole period has passed since the last one. */
export function reminderDue(lastReminderAt: string | null, now: Date, periodDays: number): boolean {
  return lastReminderAt === null || now.getTime() - new Date(lastReminderAt).getTime() >= periodDays * DAY_MS;
}

export interface FollowUpPlatform {
  id: string;
  slug: string;
  name: string;
  declaredOwnerId: string | null;
}

export interface EntryStatus {
  id: string;
  slug: string;
  name: string;
  lastConfirmedAt: string | null;
  overdue: boolean;
}

export interface DeclarationRow {
  organisation: Pick<Organisation, 'id' | 'code' | 'name' | 'kind'>;
  /** Declared: it owns platform records (itself or through predecessors) or submitted a request. */
  declared: boolean;
  firstSubmittedAt: string | null;
  platformCount: number;
  overdueCount: number;
  /** The oldest confirmation among its records (null when one was never confirmed). */
  oldestConfirmedAt: string | null;
  lastReminderAt: string | null;
  platforms: EntryStatus[];
}

const earliest = (values: (string | null | undefined)[]) =>
  values.filter((v): v is string => !!v).sort()[0] ?? null;

export function followUp(input: {
  bodies: readonly Organisation[];
  familyOf: (id: string) => ReadonlySet<string>;
  platforms: readonly FollowUpPlatform[];
  firstSubmitted: ReadonlyMap<string, string>;
  lastConfirmed: ReadonlyMap<string, string>;
  lastReminder: ReadonlyMap<string, string>;
  now: Date;
  periodDays: number;
}): DeclarationRow[] {
  return input.bodies.map((body) => {
    const family = input.familyOf(body.id);
    const platforms: EntryStatus[] = input.platforms
      .filter((p) => p.declaredOwnerId !== null && family.has(p.declaredOwnerId))
      .map((p) => {
        const lastConfirmedAt = input.lastConfirmed.get(p.id) ?? null;
        return {
          id: p.id,
          slug: p.slug,
          name: p.name,
          lastConfirmedAt,
          overdue: isOverdue(lastConfirmedAt, input.now, input.periodDays),
        };
      });
    const firstSubmittedAt = earliest([...family].map((id) => input.firstSubmitted.get(id)));
    const confirmations = platforms.map((p) => p.lastConfirmedAt);
    return {
      organisation: { id: body.id, code: body.code, name: body.name, kind: body.kind },
      declared: platforms.length > 0 || firstSubmittedAt !== null,
      firstSubmittedAt,
      platformCount: platforms.length,
      overdueCount: platforms.filter((p) => p.overdue).length,
      oldestConfirmedAt: confirmations.includes(null) ? null : earliest(confirmations),
      lastReminderAt: input.lastReminder.get(body.id) ?? null,
      platforms,
    };
  });
}

/**
 * The official count of bodies that had declared, as the document records it in the seed
 * data's note ("18 of 29 bodies declared" for 2765/BTTTT-CĐSQG). Read, never computed or guessed:
 * null when the note does not say.
 */
export function officialDeclaredBodies(note: string | null): { declared: number; total: number } | null {
  const match = note ? /\b(\d+) of (\d+) bodies declared\b/.exec(note) : null;
  return match ? { declared: Number(match[1]), total: Number(match[2]) } : null;
}
