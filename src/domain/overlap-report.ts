import { csvCell } from './audit.ts';
import type { CheckSnapshot, LocalSystemStatus, OverlapStanding } from './local-system.ts';
import type { OverlapVerdict } from './overlap/types.ts';
import type { OrganisationRef } from './platform.ts';
import { compareVi } from './text/vietnamese.ts';

/**
 * The nationwide report: every local system against the catalogue from its latest check,
 * grouped by the platform it duplicates and by locality. Pure: the caller hands in the systems
 * with their current locality, latest check and standing.
 */
export interface ReportSystem {
  id: string;
  name: string;
  status: LocalSystemStatus;
  locality: OrganisationRef | null;
  origin: OrganisationRef | null;
  budgetVnd: number | null;
  latestCheck: CheckSnapshot | null;
  standing: OverlapStanding;
}

export interface PlatformGroup {
  platform: { id: string; name: string };
  /** Systems that duplicate it, best match first. */
  systems: {
    id: string;
    name: string;
    status: LocalSystemStatus;
    locality: OrganisationRef | null;
    origin: OrganisationRef | null;
    score: number;
    standing: OverlapStanding;
  }[];
  localities: number;
}

export interface LocalityGroup {
  locality: OrganisationRef | null;
  systems: number;
  overlapping: number;
  unresolved: number;
  items: {
    id: string;
    name: string;
    status: LocalSystemStatus;
    origin: OrganisationRef | null;
    verdict: OverlapVerdict | null;
    standing: OverlapStanding;
    duplicates: string[];
  }[];
}

export interface OverlapReport {
  totals: { systems: number; localities: number; overlapping: number; unresolved: number; unchecked: number };
  /** The oldest and newest of the latest checks: how fresh the report is. */
  checkedFrom: string | null;
  checkedTo: string | null;
  /** Catalogue revisions the latest checks ran against (one, once every check is current). */
  catalogueRevisions: number[];
  /** Platforms most often duplicated first. */
  byPlatform: PlatformGroup[];
  byLocality: LocalityGroup[];
}

const NEEDS_ANSWER: ReadonlySet<OverlapStanding> = new Set(['unresolved', 'pending', 'rejected']);

export function buildOverlapReport(systems: readonly ReportSystem[]): OverlapReport {
  const platforms = new Map<string, PlatformGroup>();
  const localities = new Map<string, LocalityGroup>();
  let overlapping = 0;
  let unresolved = 0;
  let unchecked = 0;
  const times: string[] = [];
  const revisions = new Set<number>();
  for (const s of systems) {
    const check = s.latestCheck;
    if (!check) unchecked++;
    else {
      times.push(check.checkedAt);
      revisions.add(check.catalogueRevision);
    }
    const overlaps = check?.matches.filter((m) => m.level === 'overlap') ?? [];
    const isOverlap = check?.verdict === 'overlap';
    if (isOverlap) overlapping++;
    if (isOverlap && NEEDS_ANSWER.has(s.standing)) unresolved++;
    for (const m of overlaps) {
      const group = platforms.get(m.platformId) ?? {
        platform: { id: m.platformId, name: m.name },
        systems: [],
        localities: 0,
      };
      group.systems.push({
        id: s.id,
        name: s.name,
        status: s.status,
        locality: s.locality,
        origin: s.origin,
        score: m.score,
        standing: s.standing,
      });
      platforms.set(m.platformId, group);
    }
    const key = s.locality?.id ?? '';
    const locality = localities.get(key) ?? {
      locality: s.locality,
      systems: 0,
      overlapping: 0,
      unresolved: 0,
      items: [],
    };
    locality.systems++;
    if (isOverlap) locality.overlapping++;
    if (isOverlap && NEEDS_ANSWER.has(s.standing)) locality.unresolved++;
    locality.items.push({
      id: s.id,
      name: s.name,
      status: s.status,
      origin: s.origin,
      verdict: check?.verdict ?? null,
      standing: s.standing,
      duplicates: overlaps.map((m) => m.name),
    });
    localities.set(key, locality);
  }
  const byPlatform = [...platforms.values()];
  for (const g of byPlatform) {
    g.systems.sort((a, b) => b.score - a.score || compareVi(a.name, b.name));
    g.localities = new Set(g.systems.map((x) => x.locality?.id ?? '')).size;
  }
  byPlatform.sort(
    (a, b) =>
      b.systems.length - a.systems.length ||
      b.localities - a.localities ||
      compareVi(a.platform.name, b.platform.name),
  );
  const byLocality = [...localities.values()].sort((a, b) =>
    compareVi(a.locality?.name ?? '', b.locality?.name ?? ''),
  );
  for (const l of byLocality) l.items.sort((a, b) => compareVi(a.name, b.name));
  times.sort();
  return {
    totals: { systems: systems.length, localities: localities.size, overlapping, unresolved, unchecked },
    checkedFrom: times[0] ?? null,
    checkedTo: times.at(-1) ?? null,
    catalogueRevisions: [...revisions].sort((a, b) => a - b),
    byPlatform,
    byLocality,
  };
}

export const REPORT_CSV_COLUMNS = [
  'locality',
  'recorded_for',
  'system_id',
  'system',
  'status',
  'budget_vnd',
  'verdict',
  'score',
  'overlapping_platforms',
  'related_platforms',
  'standing',
  'checked_at',
  'catalogue_revision',
  'rules_version',
] as const;

/** One row per system, RFC 4180 with a byte-order mark; formula-like cells are made inert. */
export function overlapReportCsv(systems: readonly ReportSystem[]): string {
  const lines = [REPORT_CSV_COLUMNS.join(',')];
  const sorted = [...systems].sort(
    (a, b) => compareVi(a.locality?.name ?? '', b.locality?.name ?? '') || compareVi(a.name, b.name),
  );
  for (const s of sorted) {
    const c = s.latestCheck;
    const names = (level: string) =>
      (c?.matches ?? [])
        .filter((m) => m.level === level)
        .map((m) => m.name)
        .join('; ');
    lines.push(
      [
        s.locality?.name,
        s.origin?.name,
        s.id,
        s.name,
        s.status,
        s.budgetVnd === null ? '' : String(s.budgetVnd),
        c?.verdict ?? '',
        c ? c.score.toFixed(3) : '',
        names('overlap'),
        names('related'),
        s.standing,
        c?.checkedAt ?? '',
        c ? String(c.catalogueRevision) : '',
        c?.rulesVersion ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
