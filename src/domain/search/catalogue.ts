import { slugify } from '../text/vietnamese.ts';
import type { SearchDocument } from './types.ts';

/**
 * Seed rows → search documents, for the evaluation script and the tests (the service will map
 * its own Platform records). Structural input types keep the domain free of the seed reader.
 * An owner named before the 2025 reorganisation is searchable under both names, today's first:
 * "Bộ Kế hoạch và Đầu tư" → ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"].
 */

export interface CataloguePlatformRow {
  nameVi: string;
  ownerVi: string | null;
  listedIn: string | null;
}

export interface CatalogueSource<Row extends CataloguePlatformRow> {
  platforms: readonly Row[];
  ministries: readonly { nameVi: string; predecessorsVi: readonly string[] }[];
}

/**
 * The Vietnamese name of each kind (as in the documents that list platforms), searchable as a
 * keyword: people ask for "nền tảng số dùng chung" without naming a platform.
 */
const KIND_LABELS: Readonly<Record<string, string>> = {
  national_platform: 'nền tảng số quốc gia',
  shared_platform: 'nền tảng số dùng chung',
  national_information_system: 'hệ thống thông tin quốc gia',
  national_database: 'cơ sở dữ liệu quốc gia',
  internal_system: 'hệ thống nội bộ',
};

export interface DerivedFields {
  aliases: string[];
  kind: string;
  scope: string;
  status: string | null;
}

/** Today's organisation for an owner named in a source (itself when it was not merged). */
export function currentOwner(
  owner: string,
  ministries: CatalogueSource<CataloguePlatformRow>['ministries'],
): string {
  const successor = ministries.find((m) => m.nameVi !== owner && m.predecessorsVi.includes(owner));
  return successor?.nameVi ?? owner;
}

export function catalogueSearchDocuments<Row extends CataloguePlatformRow>(
  source: CatalogueSource<Row>,
  derive: (row: Row) => DerivedFields,
): SearchDocument[] {
  return source.platforms.map((row) => {
    const derived = derive(row);
    const current = row.ownerVi === null ? null : currentOwner(row.ownerVi, source.ministries);
    const ownerNames =
      row.ownerVi === null ? [] : current === row.ownerVi ? [current] : [current!, row.ownerVi];
    const editions = row.listedIn === null ? [] : [row.listedIn];
    return {
      id: slugify(row.nameVi),
      name: row.nameVi,
      nameEn: null,
      aliases: derived.aliases,
      // The seed states names, owners and lists only; its notes are provenance, not descriptions.
      description: '',
      keywords: KIND_LABELS[derived.kind] ? [KIND_LABELS[derived.kind]!] : [],
      functions: [],
      ownerNames,
      editions,
      facets: {
        owner: current,
        kind: derived.kind,
        scope: derived.scope,
        status: derived.status,
        editions,
        ndxp: 'unknown',
        ndop: 'unknown',
      },
    };
  });
}
