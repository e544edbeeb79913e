import { createHash } from 'node:crypto';
import type { OrganisationKind, OrganisationLink, LinkKind } from '../domain/organisation.ts';
import type { Organisation } from '../domain/organisation.ts';
import { slugify } from '../domain/text/vietnamese.ts';
import type { TermEntry } from '../domain/text/dictionary.ts';
import { derivePlatformFields } from './derive-platform.ts';
import type { SeedData, SeedPlatform } from './read-seed.ts';

/**
 * Turns the seed files into the records the catalogue starts with. Ids are derived from the
 * natural keys, so seeding twice (or on two instances at once) writes the same rows.
 */
export function stableId(kind: string, key: string): string {
  const h = createHash('sha1').update(`ndp:${kind}:${key}`).digest('hex');
  // Shaped as a version-5 (name-based) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const MINISTERIAL_AGENCIES = new Set([
  'Ngân hàng Nhà nước Việt Nam',
  'Thanh tra Chính phủ',
  'Văn phòng Chính phủ',
  'Ủy ban Dân tộc',
]);
// Centrally run cities before 01/07/2025 (BRIEF.md §3: Huế became a city on 01/01/2025).
const FORMER_CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);
const GOVERNMENT_REORGANISATION = 'Nghị quyết 176/2025/QH15 của Quốc hội về cơ cấu tổ chức của Chính phủ';
const PROVINCE_REORGANISATION = 'Nghị quyết của Quốc hội ngày 12/06/2025 về sắp xếp đơn vị hành chính cấp tỉnh';
const PROVINCES_EFFECTIVE = '2025-07-01';

function centralKind(name: string): OrganisationKind {
  if (MINISTERIAL_AGENCIES.has(name)) return 'ministerial_agency';
  if (name.startsWith('Bộ ')) return 'ministry';
  if (name.startsWith('Đài ')) return 'government_agency';
  return 'other';
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface SeedPlatformRecord {
  id: string;
  slug: string;
  row: SeedPlatform;
  declaredOwnerId: string | null;
  fields: ReturnType<typeof derivePlatformFields>;
  editionIds: string[];
}

export interface SeedEditionRecord {
  id: string;
  documentId: string;
  number: string;
  issuedOn: string;
  issuerId: string | null;
  issuerName: string;
  kind: string;
  title: string;
  note: string | null;
  sourceUrl: string;
  declaredTotal: number | null;
}

export interface SeedPlan {
  organisations: Organisation[];
  links: OrganisationLink[];
  platforms: SeedPlatformRecord[];
  editions: SeedEditionRecord[];
  declaredCounts: { editionId: string; organisationId: string; count: number; note: string | null; sourceUrl: string }[];
  terms: (TermEntry & { id: string; note: string | null; sourceUrl: string | null })[];
}

/** `termEntries`: the merged dictionary seed (readTermEntries); abbreviations.csv alone when omitted. */
export function planSeed(data: SeedData, termEntries?: readonly TermEntry[]): SeedPlan {
  const organisations = new Map<string, Organisation>();
  const byName = new Map<string, Organisation>();
  const links: OrganisationLink[] = [];

  const addOrg = (org: Omit<Organisation, 'id'>, nameKey = org.name): Organisation => {
    const existing = organisations.get(org.code);
    if (existing) return existing;
    const record = { id: stableId('organisation', org.code), ...org };
    organisations.set(org.code, record);
    if (!byName.has(nameKey)) byName.set(nameKey, record);
    return record;
  };
  const addLink = (from: Organisation, to: Organisation, kind: LinkKind, date: string, basis: string, url: string) =>
    links.push({
      id: stableId('link', `${from.code}>${to.code}`),
      predecessorId: from.id,
      successorId: to.id,
      kind,
      effectiveDate: date,
      legalBasis: basis,
      sourceUrl: url,
    });

  for (const m of data.ministries) {
    const continues = m.predecessorsVi.includes(m.nameVi);
    const reorganised = m.effectiveDate !== null && m.predecessorsVi.some((p) => p !== m.nameVi);
    const body = addOrg({
      code: slugify(m.nameVi),
      name: m.nameVi,
      nameEn: m.nameEn || null,
      kind: centralKind(m.nameVi),
      level: 'central',
      validFrom: reorganised && !continues ? m.effectiveDate : null,
      validTo: null,
      sourceUrl: m.sourceUrl,
      note: null,
    });
    if (!reorganised || m.effectiveDate === null) continue;
    const others = m.predecessorsVi.filter((p) => p !== m.nameVi);
    for (const name of others) {
      const predecessor = addOrg({
        code: slugify(name),
        name,
        nameEn: null,
        kind: centralKind(name),
        level: 'central',
        validFrom: null,
        validTo: dayBefore(m.effectiveDate),
        sourceUrl: m.sourceUrl,
        note: null,
      });
      const kind: LinkKind = continues ? 'absorb' : others.length === 1 ? 'rename' : 'merge';
      addLink(predecessor, body, kind, m.effectiveDate, GOVERNMENT_REORGANISATION, m.sourceUrl);
    }
  }

  for (const p of data.provinces) {
    const baseName = p.nameVi.replace(/^(Tỉnh|Thành phố) /, '');
    const isCity = p.nameVi.startsWith('Thành phố ');
    const unchanged = p.mergedFromVi.length === 1;
    const unit = addOrg({
      code: slugify(p.nameVi),
      name: p.nameVi,
      nameEn: null,
      kind: isCity ? 'city' : 'province',
      level: 'province',
      validFrom: unchanged ? null : PROVINCES_EFFECTIVE,
      validTo: null,
      sourceUrl: p.sourceUrl,
      note: null,
    });
    if (unchanged) {
      byName.set(baseName, unit);
      continue;
    }
    for (const former of p.mergedFromVi) {
      const formerName = /^(Tỉnh|Thành phố) /.test(former)
        ? former
        : `${FORMER_CITIES.has(former) ? 'Thành phố' : 'Tỉnh'} ${former}`;
      const formerOrg = addOrg(
        {
          code: `${slugify(formerName)}-truoc-2025`,
          name: formerName,
          nameEn: null,
          kind: formerName.startsWith('Thành phố') ? 'city' : 'province',
          level: 'province',
          validFrom: null,
          validTo: dayBefore(PROVINCES_EFFECTIVE),
          sourceUrl: p.sourceUrl,
          note: null,
        },
        `${formerName} (trước 01/07/2025)`,
      );
      addLink(formerOrg, unit, 'merge', PROVINCES_EFFECTIVE, PROVINCE_REORGANISATION, p.sourceUrl);
    }
  }

  const orgNamed = (name: string, sourceUrl: string): Organisation =>
    byName.get(name) ??
    addOrg({
      code: slugify(name),
      name,
      nameEn: null,
      kind: centralKind(name),
      level: 'central',
      validFrom: null,
      validTo: null,
      sourceUrl,
      note: null,
    });

  const editions: SeedEditionRecord[] = data.documents.map((d) => ({
    id: stableId('edition', d.number),
    documentId: stableId('document', d.number),
    number: d.number,
    issuedOn: d.date,
    issuerId: orgNamed(d.issuerVi, d.sourceUrl).id,
    issuerName: d.issuerVi,
    kind: d.kind,
    title: d.titleVi,
    note: d.note,
    sourceUrl: d.sourceUrl,
    // "103 platforms; …", "55 shared platforms; …", "… 20 state-owned national platforms …"
    declaredTotal: Number.parseInt(/(\d+) (?:shared |state-owned national )?platforms/.exec(d.note ?? '')?.[1] ?? '', 10) || null,
  }));
  const editionByNumber = new Map(editions.map((e) => [e.number, e]));

  const platforms: SeedPlatformRecord[] = data.platforms.map((row) => {
    const slug = slugify(row.nameVi);
    const firstUrl = row.sourceUrls[0] ?? '';
    return {
      id: stableId('platform', slug),
      slug,
      row,
      declaredOwnerId: row.ownerVi ? orgNamed(row.ownerVi, firstUrl).id : null,
      fields: derivePlatformFields(row),
      editionIds: row.listedIn ? [editionByNumber.get(row.listedIn)?.id].filter((x): x is string => !!x) : [],
    };
  });

  const declaredCounts = data.declaredCounts.flatMap((c) => {
    const edition = editionByNumber.get(c.document);
    if (!edition) return [];
    return [{ editionId: edition.id, organisationId: orgNamed(c.ownerVi, c.sourceUrl).id, count: c.declaredCount, note: c.note, sourceUrl: c.sourceUrl }];
  });

  // Abbreviations seen in sources keep their source; the rest are the registry team's curated list.
  const sourceOf = new Map(data.abbreviations.map((a) => [a.abbr, a.sourceUrl]));
  const entries: readonly TermEntry[] =
    termEntries ??
    data.abbreviations.map((a) => ({ term: a.abbr, expansions: [a.expansionVi], kind: 'abbreviation' as const }));
  const terms = entries.map((t) => {
    const sourceUrl = t.kind === 'abbreviation' ? (sourceOf.get(t.term) ?? null) : null;
    return {
      ...t,
      note: sourceUrl ? null : 'curated by the registry team (seed/terms.csv)',
      sourceUrl,
      id: stableId('term', `${t.kind}:${t.term}`),
    };
  });

  return { organisations: [...organisations.values()], links, platforms, editions, declaredCounts, terms };
}
