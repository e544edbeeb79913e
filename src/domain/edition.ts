import { compareContent, type FieldChange, type PlatformContent } from './platform-version.ts';

/**
 * A catalogue edition as the authority builds it: an official document, the platform versions it
 * lists, drafted and then published. Once published it never changes (the database refuses it
 * too). Pure: comparison of two editions' lists.
 */
export const DOCUMENT_KINDS = [
  'law',
  'resolution',
  'decree',
  'decision',
  'circular',
  'dispatch',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type EditionStatus = 'draft' | 'published';

export interface EditionEntry {
  platformId: string;
  /** The version listed; null for entries seeded from documents older than the registry's versions. */
  platformVersion: number | null;
}

export interface DocumentFileInfo {
  contentType: string;
  fileName: string | null;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface EditionRecord {
  id: string;
  status: EditionStatus;
  version: number;
  declaredTotal: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
  document: {
    id: string;
    number: string;
    issuedOn: string;
    issuerId: string | null;
    issuerName: string;
    kind: DocumentKind;
    title: string;
    note: string | null;
    sourceUrl: string | null;
  };
  file: DocumentFileInfo | null;
  entries: EditionEntry[];
}

export interface EntryChange {
  platformId: string;
  fromVersion: number;
  toVersion: number;
  changes: FieldChange[];
}

export interface EditionComparison {
  added: EditionEntry[];
  removed: EditionEntry[];
  /** Same platform, a different version: field by field. */
  changed: EntryChange[];
  /** Listed in both; same version, or a version not known on one side (seeded entries). */
  unchanged: EditionEntry[];
}

/**
 * What `to` lists that `from` did not, what it dropped, and which platforms it lists at another
 * version. `contentOf` gives a version's frozen content; a pair whose content is unknown is
 * reported as changed with no field list rather than guessed.
 */
export function compareEditions(
  from: readonly EditionEntry[],
  to: readonly EditionEntry[],
  contentOf: (platformId: string, version: number) => PlatformContent | undefined,
): EditionComparison {
  const before = new Map(from.map((e) => [e.platformId, e]));
  const after = new Map(to.map((e) => [e.platformId, e]));
  const result: EditionComparison = { added: [], removed: [], changed: [], unchanged: [] };
  for (const entry of to) {
    const old = before.get(entry.platformId);
    if (!old) result.added.push(entry);
    else if (
      old.platformVersion !== null &&
      entry.platformVersion !== null &&
      old.platformVersion !== entry.platformVersion
    ) {
      const a = contentOf(entry.platformId, old.platformVersion);
      const b = contentOf(entry.platformId, entry.platformVersion);
      result.changed.push({
        platformId: entry.platformId,
        fromVersion: old.platformVersion,
        toVersion: entry.platformVersion,
        changes: a && b ? compareContent(a, b) : [],
      });
    } else result.unchanged.push(entry);
  }
  for (const entry of from) if (!after.has(entry.platformId)) result.removed.push(entry);
  return result;
}
