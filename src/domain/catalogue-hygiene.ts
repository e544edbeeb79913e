import { csvCell } from './audit.ts';
import type { OrganisationRef } from './platform.ts';

/**
 * Catalogue hygiene: pairs of catalogue entries that are probably one platform recorded twice,
 * for the authority to merge or link. Found by the overlap engine (findCatalogueDuplicates);
 * a pair judged "not a duplicate" is recorded and no longer listed.
 */
export interface HygieneEntry {
  id: string;
  name: string;
  slug: string;
  owner: OrganisationRef | null;
}

export interface DuplicatePair {
  a: HygieneEntry;
  b: HygieneEntry;
  /** 0..1: how alike the two entries' texts are. */
  score: number;
  /** Sentences a civil servant can read (Vietnamese). */
  reasons: string[];
}

export const HYGIENE_CSV_COLUMNS = [
  'score',
  'platform_a',
  'platform_a_owner',
  'platform_a_id',
  'platform_b',
  'platform_b_owner',
  'platform_b_id',
  'reasons',
] as const;

/** RFC 4180 CSV with a byte-order mark (spreadsheets read the Vietnamese as UTF-8). */
export function hygieneCsv(pairs: readonly DuplicatePair[]): string {
  const lines = [HYGIENE_CSV_COLUMNS.join(',')];
  for (const p of pairs)
    lines.push(
      [
        p.score.toFixed(2),
        p.a.name,
        p.a.owner?.name ?? '',
        p.a.id,
        p.b.name,
        p.b.owner?.name ?? '',
        p.b.id,
        p.reasons.join(' | '),
      ]
        .map(csvCell)
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
