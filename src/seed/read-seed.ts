import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { cleanText } from '../domain/text/vietnamese.ts';

/**
 * Reads the real seed data copied from ../shared/data into seed/ (see seed/SOURCES.md).
 * Every value comes from those files; the few derived fields (aliases, kind, scope) say how
 * they were derived, so nothing is presented as a fact the source did not state.
 */
export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

type Row = Record<string, string>;

function readCsv(dir: string, file: string): Row[] {
  const rows = parse(readFileSync(join(dir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cleanText(v ?? '')])),
  );
}

function field(row: Row, name: string): string {
  return row[name] ?? '';
}

function optional(value: string): string | null {
  return value === '' ? null : value;
}

/** "a ; b" → ["a", "b"] */
function urls(value: string): string[] {
  return value
    .split(/\s+;\s+|\s*;\s*(?=https?:)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface SeedMinistry {
  nameVi: string;
  nameEn: string;
  predecessorsVi: string[];
  effectiveDate: string | null;
  sourceUrl: string;
}

export interface SeedProvince {
  nameVi: string;
  mergedFromVi: string[];
  sourceUrl: string;
}

export type OwnerBasis = 'source' | 'general-knowledge' | 'unknown';

export interface SeedPlatform {
  nameVi: string;
  ownerVi: string | null;
  ownerBasis: OwnerBasis;
  listedIn: string | null;
  note: string | null;
  sourceUrls: string[];
}

export interface SeedDocument {
  number: string;
  date: string;
  issuerVi: string;
  kind: string;
  titleVi: string;
  note: string | null;
  sourceUrl: string;
}

export interface SeedDeclaredCount {
  document: string;
  ownerVi: string;
  declaredCount: number;
  note: string | null;
  sourceUrl: string;
}

export interface SeedAbbreviation {
  abbr: string;
  expansionVi: string;
  sourceUrl: string;
}

export interface SeedData {
  ministries: SeedMinistry[];
  provinces: SeedProvince[];
  platforms: SeedPlatform[];
  documents: SeedDocument[];
  declaredCounts: SeedDeclaredCount[];
  abbreviations: SeedAbbreviation[];
}

function list(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function readSeed(dir: string = SEED_DIR): SeedData {
  return {
    ministries: readCsv(dir, 'ministries-2025.csv').map((r) => ({
      nameVi: field(r, 'ministry_vi'),
      nameEn: field(r, 'ministry_en'),
      predecessorsVi: list(field(r, 'predecessors_vi')),
      effectiveDate: optional(field(r, 'effective_date')),
      sourceUrl: field(r, 'source_url'),
    })),
    provinces: readCsv(dir, 'provinces-2025.csv').map((r) => ({
      nameVi: field(r, 'name_vi'),
      mergedFromVi: list(field(r, 'merged_from_vi')),
      sourceUrl: field(r, 'source_url'),
    })),
    platforms: readCsv(dir, 'platforms-known.csv').map((r) => ({
      nameVi: field(r, 'name_vi'),
      ownerVi: optional(field(r, 'owner_vi')),
      ownerBasis: field(r, 'owner_basis') as OwnerBasis,
      listedIn: optional(field(r, 'listed_in')),
      note: optional(field(r, 'note')),
      sourceUrls: urls(field(r, 'source_url')),
    })),
    documents: readCsv(dir, 'documents.csv').map((r) => ({
      number: field(r, 'number'),
      date: field(r, 'date'),
      issuerVi: field(r, 'issuer_vi'),
      kind: field(r, 'kind'),
      titleVi: field(r, 'title_vi'),
      note: optional(field(r, 'note')),
      sourceUrl: field(r, 'source_url'),
    })),
    declaredCounts: readCsv(dir, 'declared-counts.csv').map((r) => ({
      document: field(r, 'document'),
      ownerVi: field(r, 'owner_vi'),
      declaredCount: Number.parseInt(field(r, 'declared_count'), 10),
      note: optional(field(r, 'note')),
      sourceUrl: field(r, 'source_url'),
    })),
    abbreviations: readCsv(dir, 'abbreviations.csv').map((r) => ({
      abbr: field(r, 'abbr'),
      expansionVi: field(r, 'expansion_vi'),
      sourceUrl: field(r, 'source_url'),
    })),
  };
}
