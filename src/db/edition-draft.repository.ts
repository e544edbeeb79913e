import type { Selectable } from 'kysely';
import type { DocumentKind, EditionEntry, EditionRecord, EditionStatus } from '../domain/edition.ts';
import type { PlatformContent } from '../domain/platform-version.ts';
import type { Db } from './database.ts';
import type { DocumentFileTable } from './schema.editions.ts';
import './schema.editions.ts';

/**
 * Editions as records the authority writes: drafts with their document, entries and file, and
 * publication. Every change to a draft moves its `version` (optimistic concurrency); the
 * database refuses any change to a published edition (migration 20261129040000).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DocumentFields {
  number: string;
  issuedOn: string;
  issuerId: string | null;
  issuerName: string;
  kind: DocumentKind;
  title: string;
  note: string | null;
  sourceUrl: string | null;
}

function editionQuery(db: Db) {
  return db
    .selectFrom('edition as e')
    .innerJoin('document as d', 'd.id', 'e.document_id')
    .leftJoin('document_file as f', 'f.document_id', 'd.id')
    .select([
      'e.id',
      'e.status',
      'e.version',
      'e.declared_total',
      'e.published_at',
      'e.published_by',
      'e.created_at',
      'e.updated_at',
      'd.id as document_id',
      'd.number',
      'd.issued_on',
      'd.issuer_id',
      'd.issuer_name',
      'd.kind',
      'd.title_vi',
      'd.note',
      'd.source_url',
      'f.content_type',
      'f.file_name',
      'f.size',
      'f.sha256',
      'f.uploaded_at',
    ]);
}
type EditionRow = Awaited<ReturnType<ReturnType<typeof editionQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: EditionRow, entries: EditionEntry[]): EditionRecord {
  return {
    id: r.id,
    status: r.status as EditionStatus,
    version: r.version,
    declaredTotal: r.declared_total,
    publishedAt: r.published_at?.toISOString() ?? null,
    publishedBy: r.published_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    document: {
      id: r.document_id,
      number: r.number,
      issuedOn: r.issued_on,
      issuerId: r.issuer_id,
      issuerName: r.issuer_name,
      kind: r.kind as DocumentKind,
      title: r.title_vi,
      note: r.note,
      sourceUrl: r.source_url,
    },
    file:
      r.sha256 && r.content_type && r.size !== null && r.uploaded_at
        ? {
            contentType: r.content_type,
            fileName: r.file_name,
            size: r.size,
            sha256: r.sha256,
            uploadedAt: r.uploaded_at.toISOString(),
          }
        : null,
    entries,
  };
}

async function entriesOf(db: Db, editionId: string): Promise<EditionEntry[]> {
  const rows = await db
    .selectFrom('edition_entry')
    .select(['platform_id', 'platform_version'])
    .where('edition_id', '=', editionId)
    .orderBy('platform_id')
    .execute();
  return rows.map((r) => ({ platformId: r.platform_id, platformVersion: r.platform_version }));
}

/** An edition, draft or published, by id or document number. */
export async function findEditionRecord(db: Db, key: string): Promise<EditionRecord | null> {
  const row = await editionQuery(db)
    .where(UUID.test(key) ? 'e.id' : 'd.number', '=', key)
    .executeTakeFirst();
  return row ? toRecord(row, await entriesOf(db, row.id)) : null;
}

export async function listDraftEditions(db: Db): Promise<EditionRecord[]> {
  const rows = await editionQuery(db)
    .where('e.status', '=', 'draft')
    .orderBy('e.created_at', 'desc')
    .execute();
  return Promise.all(rows.map(async (r) => toRecord(r, await entriesOf(db, r.id))));
}

export async function documentNumberTaken(db: Db, number: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('document').select('id').where('number', '=', number);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

function documentColumns(d: Partial<DocumentFields>) {
  return {
    ...(d.number !== undefined ? { number: d.number } : {}),
    ...(d.issuedOn !== undefined ? { issued_on: d.issuedOn } : {}),
    ...(d.issuerId !== undefined ? { issuer_id: d.issuerId } : {}),
    ...(d.issuerName !== undefined ? { issuer_name: d.issuerName } : {}),
    ...(d.kind !== undefined ? { kind: d.kind } : {}),
    ...(d.title !== undefined ? { title_vi: d.title } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
    ...(d.sourceUrl !== undefined ? { source_url: d.sourceUrl } : {}),
  };
}

export async function insertDraftEdition(
  db: Db,
  edition: { id: string; documentId: string; document: DocumentFields; declaredTotal: number | null },
  now: Date,
): Promise<void> {
  const d = edition.document;
  await db
    .insertInto('document')
    .values({
      id: edition.documentId,
      number: d.number,
      issued_on: d.issuedOn,
      issuer_id: d.issuerId,
      issuer_name: d.issuerName,
      kind: d.kind,
      title_vi: d.title,
      note: d.note,
      source_url: d.sourceUrl,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('edition')
    .values({
      id: edition.id,
      document_id: edition.documentId,
      status: 'draft',
      declared_total: edition.declaredTotal,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Moves a draft to its next version if it is still a draft at `expectedVersion`: the one gate
 * every change to a draft passes, so two writers cannot both win. False when it is not.
 */
export async function advanceDraft(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: { declaredTotal?: number | null; publishedBy?: string; publish?: boolean },
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('edition')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: now,
      ...(changes.declaredTotal !== undefined ? { declared_total: changes.declaredTotal } : {}),
      ...(changes.publish
        ? { status: 'published', published_at: now, published_by: changes.publishedBy ?? null }
        : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateDocument(db: Db, documentId: string, d: Partial<DocumentFields>): Promise<void> {
  const set = documentColumns(d);
  if (Object.keys(set).length === 0) return;
  await db.updateTable('document').set(set).where('id', '=', documentId).execute();
}

export async function replaceEntries(
  db: Db,
  editionId: string,
  entries: readonly EditionEntry[],
): Promise<void> {
  await db.deleteFrom('edition_entry').where('edition_id', '=', editionId).execute();
  if (entries.length > 0)
    await db
      .insertInto('edition_entry')
      .values(
        entries.map((e) => ({
          edition_id: editionId,
          platform_id: e.platformId,
          platform_version: e.platformVersion,
        })),
      )
      .execute();
}

export interface StoredFile {
  content: Uint8Array;
  contentType: string;
  fileName: string | null;
  size: number;
  sha256: string;
}

export async function putDocumentFile(
  db: Db,
  documentId: string,
  file: StoredFile,
  uploadedBy: string,
  now: Date,
): Promise<void> {
  const values = {
    content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
    content_type: file.contentType,
    file_name: file.fileName,
    size: file.size,
    sha256: file.sha256,
    uploaded_at: now,
    uploaded_by: uploadedBy,
  };
  await db
    .insertInto('document_file')
    .values({ document_id: documentId, ...values })
    .onConflict((oc) => oc.column('document_id').doUpdateSet(values))
    .execute();
}

export async function readDocumentFile(db: Db, documentId: string): Promise<StoredFile | null> {
  const row: Selectable<DocumentFileTable> | undefined = await db
    .selectFrom('document_file')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    content: row.content,
    contentType: row.content_type,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
  };
}

/** Frozen contents of the given platform versions, for comparing editions. */
export async function versionContents(
  db: Db,
  pairs: readonly { platformId: string; version: number }[],
): Promise<Map<string, PlatformContent>> {
  if (pairs.length === 0) return new Map();
  const rows = await db
    .selectFrom('platform_version')
    .select(['platform_id', 'version', 'data'])
    .where((eb) =>
      eb.or(pairs.map((p) => eb.and([eb('platform_id', '=', p.platformId), eb('version', '=', p.version)]))),
    )
    .execute();
  return new Map(rows.map((r) => [`${r.platform_id}@${r.version}`, r.data as PlatformContent]));
}

/** Which of the given (platform, version) pairs exist as frozen versions. */
export async function existingVersions(
  db: Db,
  pairs: readonly { platformId: string; version: number }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db
    .selectFrom('platform_version')
    .select(['platform_id', 'version'])
    .where((eb) =>
      eb.or(pairs.map((p) => eb.and([eb('platform_id', '=', p.platformId), eb('version', '=', p.version)]))),
    )
    .execute();
  return new Set(rows.map((r) => `${r.platform_id}@${r.version}`));
}

/** Every edition, drafts and published ones: drafts first (newest first), then by date issued. */
export async function listEditionRecords(db: Db): Promise<EditionRecord[]> {
  const rows = await editionQuery(db)
    .orderBy('e.status', 'asc') // 'draft' < 'published'
    .orderBy('d.issued_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute();
  return Promise.all(rows.map(async (r) => toRecord(r, await entriesOf(db, r.id))));
}
