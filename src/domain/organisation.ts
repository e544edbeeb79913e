/**
 * Organisations and their lineage. Bodies merge, split and are renamed (2025: 30 ministries
 * and agencies became 17 bodies of the Government; 63 provinces became 34); a registry that
 * knew only today's bodies could not read its own history. Pure functions over plain data.
 */

export const ORGANISATION_KINDS = [
  'ministry', // bộ
  'ministerial_agency', // cơ quan ngang bộ
  'government_agency', // cơ quan thuộc Chính phủ
  'province', // tỉnh
  'city', // thành phố trực thuộc trung ương
  'commune', // xã, phường, đặc khu
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_LEVELS = ['central', 'province', 'commune'] as const;
export type OrganisationLevel = (typeof ORGANISATION_LEVELS)[number];

export const LINK_KINDS = ['merge', 'split', 'rename', 'absorb'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Organisation {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrganisationKind;
  level: OrganisationLevel;
  /** ISO dates; null: before the registry's records begin / still in being. */
  validFrom: string | null;
  validTo: string | null;
  sourceUrl: string | null;
  note: string | null;
}

export interface OrganisationLink {
  id: string;
  predecessorId: string;
  successorId: string;
  kind: LinkKind;
  effectiveDate: string;
  legalBasis: string | null;
  sourceUrl: string | null;
}

/** ISO dates compare correctly as strings. */
export function isActiveOn(org: Pick<Organisation, 'validFrom' | 'validTo'>, date: string): boolean {
  return (org.validFrom === null || org.validFrom <= date) && (org.validTo === null || date <= org.validTo);
}

function linksFrom(links: readonly OrganisationLink[]): Map<string, OrganisationLink[]> {
  const byPredecessor = new Map<string, OrganisationLink[]>();
  for (const link of links) {
    const list = byPredecessor.get(link.predecessorId) ?? [];
    list.push(link);
    byPredecessor.set(link.predecessorId, list);
  }
  return byPredecessor;
}

/**
 * The bodies that carry an organisation on at `date`: follows predecessor → successor links in
 * effect by then, through as many reorganisations as there were. An organisation not yet
 * reorganised at `date` is its own successor. A split yields several.
 */
export function successorsOn(orgId: string, links: readonly OrganisationLink[], date: string): string[] {
  const byPredecessor = linksFrom(links);
  const result = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return; // a cycle in bad data must not hang the registry
    seen.add(id);
    const next = (byPredecessor.get(id) ?? []).filter((l) => l.effectiveDate <= date);
    if (next.length === 0) result.add(id);
    for (const link of next) visit(link.successorId);
  };
  visit(orgId);
  return [...result];
}

/** Every organisation that was merged, renamed or split into `orgId`, directly or earlier. */
export function allPredecessors(orgId: string, links: readonly OrganisationLink[]): string[] {
  const result: string[] = [];
  const seen = new Set<string>([orgId]);
  const queue = [orgId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const link of links) {
      if (link.successorId === id && !seen.has(link.predecessorId)) {
        seen.add(link.predecessorId);
        result.push(link.predecessorId);
        queue.push(link.predecessorId);
      }
    }
  }
  return result;
}

/** The links an organisation took part in, as predecessor (what became of it) and as successor (where it came from). */
export function lineageOf(
  orgId: string,
  links: readonly OrganisationLink[],
): { becameOf: OrganisationLink[]; formedFrom: OrganisationLink[] } {
  return {
    becameOf: links.filter((l) => l.predecessorId === orgId),
    formedFrom: links.filter((l) => l.successorId === orgId),
  };
}
