import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  advanceDraft,
  documentNumberTaken,
  existingVersions,
  findEditionRecord,
  insertDraftEdition,
  listDraftEditions,
  listEditionRecords,
  putDocumentFile,
  readDocumentFile,
  replaceEntries,
  updateDocument,
  versionContents,
  type DocumentFields,
  type StoredFile,
} from '../db/edition-draft.repository.ts';
import { bumpCatalogueRevision, insertVersion, readPlatform } from '../db/platform-version.repository.ts';
import { appendPublicationEvent } from '../db/publication-event.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import {
  compareEditions,
  type EditionComparison,
  type EditionEntry,
  type EditionRecord,
} from '../domain/edition.ts';
import {
  ConflictError,
  InvalidInputError,
  NotAllowedError,
  NotFoundError,
  type FieldIssue,
} from '../domain/errors.ts';
import { can, type Actor } from '../domain/permission.ts';
import { citeDocument } from '../i18n/index.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { findOrganisation } from './platform.service.ts';
import { requireActor } from './user.service.ts';

/**
 * The editions workflow: the authority's administrator drafts an edition from an official
 * document, selects the platform versions it lists, attaches the document's PDF and publishes.
 * Every write is authorised, checked against the version the client read (409 otherwise),
 * and written with its audit entry in one transaction. A published edition is refused any
 * change (409 here; the database refuses it as well).
 */
export interface EditionWorkflowDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  maxFileBytes: number;
}

export interface DocumentInput {
  number: string;
  issuedOn: string;
  /** Organisation id or code; its name becomes the issuer's name unless `issuerName` is given. */
  issuer?: string | null;
  issuerName?: string;
  kind: DocumentFields['kind'];
  title: string;
  note?: string | null;
  sourceUrl?: string | null;
}

export interface EntryInput {
  /** Platform id or slug. */
  platform: string;
  /** The version listed; the platform's current version when left out. */
  version?: number;
}

export interface UploadedFile {
  content: Uint8Array;
  fileName: string | null;
}

/** An edition with its entries named (from the catalogue as it stands). */
export interface EditionRecordView extends Omit<EditionRecord, 'entries'> {
  entries: (EditionEntry & { slug: string | null; name: string | null })[];
}

const PDF_MAGIC = '%PDF-';
const isPdf = (bytes: Uint8Array) =>
  bytes.length >= PDF_MAGIC.length && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === PDF_MAGIC;

/** The uploaded PDF as stored, or 400 `not_pdf` on the `file` field. */
function storedPdf(file: UploadedFile): StoredFile {
  const { content } = file;
  if (!isPdf(content)) throw new InvalidInputError([{ field: 'file', code: 'not_pdf' }]);
  return {
    content,
    contentType: 'application/pdf',
    fileName: file.fileName,
    size: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

const auditState = (e: EditionRecord) => ({
  status: e.status,
  version: e.version,
  declaredTotal: e.declaredTotal,
  document: e.document,
  file: e.file,
  entries: e.entries,
});

export function createEditionWorkflowService(deps: EditionWorkflowDeps) {
  const { db, clock, catalogue } = deps;

  const manager = (actor: Actor | null): Actor => {
    const a = requireActor(actor);
    if (!can(a, 'edition.manage', { kind: 'edition' })) throw new NotAllowedError('edition.manage');
    return a;
  };

  /** A published edition for anyone; a draft only for those who manage editions (404 otherwise). */
  const visible = async (actor: Actor | null, key: string): Promise<EditionRecord> => {
    const edition = await findEditionRecord(db, key);
    if (!edition) throw new NotFoundError('edition', key);
    if (edition.status === 'draft' && !(actor && can(actor, 'edition.manage', { kind: 'edition' })))
      throw new NotFoundError('edition', key);
    return edition;
  };

  /** Loads a draft for a write: the manager only, the version the client read, never a published one. */
  const draftFor = async (actor: Actor | null, key: string, version: number) => {
    const a = manager(actor);
    const edition = await visible(a, key);
    if (edition.status !== 'draft') throw new ConflictError('edition_published');
    if (edition.version !== version)
      throw new ConflictError('version_mismatch', { currentVersion: edition.version });
    return { actor: a, edition };
  };

  /** Inside the transaction: take the draft's next version, or 409 if another write came first. */
  const advance = async (tx: Db, edition: EditionRecord, now: Date, changes = {}) => {
    if (!(await advanceDraft(tx, edition.id, edition.version, changes, now))) {
      const current = await findEditionRecord(tx, edition.id);
      if (current?.status === 'published') throw new ConflictError('edition_published');
      throw new ConflictError('version_mismatch', { currentVersion: current?.version });
    }
  };

  const resolveDocument = async (
    input: Partial<DocumentInput>,
    exceptDocumentId?: string,
  ): Promise<Partial<DocumentFields>> => {
    const fields: Partial<DocumentFields> = {};
    if (input.number !== undefined) {
      if (await documentNumberTaken(db, input.number, exceptDocumentId))
        throw new ConflictError('document_exists', { number: input.number, field: 'document.number' });
      fields.number = input.number;
    }
    if (input.issuer !== undefined) {
      if (input.issuer === null) fields.issuerId = null;
      else {
        const org = findOrganisation(await catalogue.snapshot(), input.issuer);
        if (!org) throw new InvalidInputError([{ field: 'document.issuer', code: 'unknown_organisation' }]);
        fields.issuerId = org.id;
        fields.issuerName = org.name;
      }
    }
    if (input.issuerName !== undefined) fields.issuerName = input.issuerName;
    if (input.issuedOn !== undefined) fields.issuedOn = input.issuedOn;
    if (input.kind !== undefined) fields.kind = input.kind;
    if (input.title !== undefined) fields.title = input.title;
    if (input.note !== undefined) fields.note = input.note;
    if (input.sourceUrl !== undefined) fields.sourceUrl = input.sourceUrl;
    return fields;
  };

  const named = async (entries: readonly EditionEntry[]) => {
    const snapshot = await catalogue.snapshot();
    return entries.map((e) => {
      const p = snapshot.platformById.get(e.platformId);
      return { ...e, slug: p?.slug ?? null, name: p?.name ?? null };
    });
  };
  const view = async (edition: EditionRecord): Promise<EditionRecordView> => ({
    ...edition,
    entries: await named(edition.entries),
  });
  const reread = async (id: string) => {
    const edition = await findEditionRecord(db, id);
    if (!edition) throw new NotFoundError('edition', id);
    return view(edition);
  };

  return {
    async get(actor: Actor | null, key: string): Promise<EditionRecordView> {
      return view(await visible(actor, key));
    },

    /** Every edition, drafts included (administrators): the work screen's list. */
    async list(actor: Actor | null): Promise<EditionRecordView[]> {
      manager(actor);
      return Promise.all((await listEditionRecords(db)).map(view));
    },

    async listDrafts(actor: Actor | null): Promise<EditionRecordView[]> {
      manager(actor);
      return Promise.all((await listDraftEditions(db)).map(view));
    },

    async create(
      actor: Actor | null,
      input: { document: DocumentInput; declaredTotal?: number | null; file?: UploadedFile },
      ctx: WriteContext,
    ): Promise<EditionRecordView> {
      const a = manager(actor);
      // The work screen's form sends the PDF with the document: refused before anything is written.
      const stored = input.file ? storedPdf(input.file) : null;
      const fields = await resolveDocument(input.document);
      if (!fields.issuerName)
        throw new InvalidInputError([{ field: 'document.issuerName', code: 'required' }]);
      const document: DocumentFields = {
        number: input.document.number,
        issuedOn: input.document.issuedOn,
        issuerId: fields.issuerId ?? null,
        issuerName: fields.issuerName,
        kind: input.document.kind,
        title: input.document.title,
        note: input.document.note ?? null,
        sourceUrl: input.document.sourceUrl ?? null,
      };
      const id = randomUUID();
      const documentId = randomUUID();
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await insertDraftEdition(
          tx,
          { id, documentId, document, declaredTotal: input.declaredTotal ?? null },
          now,
        );
        if (stored) await putDocumentFile(tx, documentId, stored, a.userId, now);
        const created = await findEditionRecord(tx, id);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'edition.create',
              targetType: 'edition',
              targetId: id,
              after: created && auditState(created),
            },
          ],
          now,
        );
      });
      return reread(id);
    },

    /** Edits a draft's document and declared total. */
    async update(
      actor: Actor | null,
      key: string,
      input: { version: number; document?: Partial<DocumentInput>; declaredTotal?: number | null },
      ctx: WriteContext,
    ): Promise<EditionRecordView> {
      const { edition } = await draftFor(actor, key, input.version);
      const fields = await resolveDocument(input.document ?? {}, edition.document.id);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await advance(tx, edition, now, { declaredTotal: input.declaredTotal });
        await updateDocument(tx, edition.document.id, fields);
        const after = await findEditionRecord(tx, edition.id);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'edition.update',
              targetType: 'edition',
              targetId: edition.id,
              before: auditState(edition),
              after: after && auditState(after),
            },
          ],
          now,
        );
      });
      return reread(edition.id);
    },

    /**
     * Replaces the list of platform versions. A version left out is the platform's current
     * one, frozen now if it was published before versions were kept; an older version must
     * exist. A published version is immutable, so what the edition lists stays what it was.
     */
    async setEntries(
      actor: Actor | null,
      key: string,
      input: { version: number; entries: EntryInput[] },
      ctx: WriteContext,
    ): Promise<EditionRecordView> {
      const { edition } = await draftFor(actor, key, input.version);
      const issues: FieldIssue[] = [];
      const resolved: (EditionEntry & {
        index: number;
        freeze?: Awaited<ReturnType<typeof readPlatform>>;
      })[] = [];
      const seen = new Set<string>();
      for (const [i, entry] of input.entries.entries()) {
        const platform = await readPlatform(db, entry.platform);
        if (!platform) {
          issues.push({ field: `entries[${i}].platform`, code: 'unknown_platform' });
          continue;
        }
        if (seen.has(platform.id)) {
          issues.push({ field: `entries[${i}].platform`, code: 'duplicate' });
          continue;
        }
        seen.add(platform.id);
        const version = entry.version ?? platform.version;
        if (version > platform.version) {
          issues.push({ field: `entries[${i}].version`, code: 'unknown_version' });
          continue;
        }
        resolved.push({
          index: i,
          platformId: platform.id,
          platformVersion: version,
          ...(version === platform.version ? { freeze: platform } : {}),
        });
      }
      // An older version must have been frozen when it was published.
      const older = resolved.filter((e) => !e.freeze);
      const known = await existingVersions(
        db,
        older.map((e) => ({ platformId: e.platformId, version: e.platformVersion as number })),
      );
      for (const e of older)
        if (!known.has(`${e.platformId}@${e.platformVersion}`))
          issues.push({ field: `entries[${e.index}].version`, code: 'unknown_version' });
      if (issues.length > 0) throw new InvalidInputError(issues);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await advance(tx, edition, now);
        for (const e of resolved)
          if (e.freeze)
            // The state published before versions were kept is frozen as it stands (as publishing does).
            await insertVersion(
              tx,
              {
                platformId: e.freeze.id,
                version: e.freeze.version,
                content: e.freeze.content,
                changeRequestId: null,
                authorId: null,
                approvedBy: null,
                reason: '',
              },
              e.freeze.updatedAt,
            );
        const entries = resolved.map((e) => ({
          platformId: e.platformId,
          platformVersion: e.platformVersion,
        }));
        await replaceEntries(tx, edition.id, entries);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'edition.entries',
              targetType: 'edition',
              targetId: edition.id,
              before: { version: edition.version, entries: edition.entries },
              after: { version: edition.version + 1, entries },
            },
          ],
          now,
        );
      });
      return reread(edition.id);
    },

    /** Attaches (or replaces) the official document's PDF. */
    async attachFile(
      actor: Actor | null,
      key: string,
      input: { version: number; file: UploadedFile },
      ctx: WriteContext,
    ): Promise<EditionRecordView> {
      const { actor: a, edition } = await draftFor(actor, key, input.version);
      const stored = storedPdf(input.file);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await advance(tx, edition, now);
        await putDocumentFile(tx, edition.document.id, stored, a.userId, now);
        const meta = { ...stored, content: undefined };
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'edition.file',
              targetType: 'edition',
              targetId: edition.id,
              before: { version: edition.version, file: edition.file },
              after: { version: edition.version + 1, file: meta },
            },
          ],
          now,
        );
      });
      return reread(edition.id);
    },

    /** The document's file, with the edition's visibility rules. */
    async file(actor: Actor | null, key: string): Promise<StoredFile> {
      const edition = await visible(actor, key);
      const file = await readDocumentFile(db, edition.document.id);
      if (!file) throw new NotFoundError('edition_file', key);
      return file;
    },

    /** Publishes a draft: from now on it never changes; the public catalogue shows it at once. */
    async publish(
      actor: Actor | null,
      key: string,
      input: { version: number },
      ctx: WriteContext,
    ): Promise<EditionRecordView> {
      const { actor: a, edition } = await draftFor(actor, key, input.version);
      if (edition.entries.length === 0) throw new ConflictError('edition_empty');
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await advance(tx, edition, now, { publish: true, publishedBy: a.userId });
        // The feed and webhooks learn of it from the same transaction (a transactional outbox).
        await appendPublicationEvent(tx, {
          id: randomUUID(),
          type: 'edition.published',
          subject: { kind: 'edition', editionId: edition.id, documentNumber: edition.document.number },
          title: edition.document.title,
          version: null,
          summary: citeDocument(edition.document.number, edition.document.issuedOn, 'vi'),
          occurredAt: now,
        });
        await bumpCatalogueRevision(tx, now);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'edition.publish',
              targetType: 'edition',
              targetId: edition.id,
              before: { status: 'draft', version: edition.version },
              after: { ...auditState(edition), status: 'published', version: edition.version + 1 },
            },
          ],
          now,
        );
      });
      catalogue.invalidate();
      return reread(edition.id);
    },

    /** What `key` lists compared with `since`: added, removed, and changed field by field. */
    async compare(
      actor: Actor | null,
      key: string,
      since: string,
    ): Promise<
      { from: EditionRecordView; to: EditionRecordView } & {
        [K in keyof EditionComparison]: K extends 'changed'
          ? (EditionComparison['changed'][number] & { slug: string | null; name: string | null })[]
          : Awaited<ReturnType<typeof named>>;
      }
    > {
      const [to, from] = [await visible(actor, key), await visible(actor, since)];
      const pairs = [...from.entries, ...to.entries]
        .filter((e) => e.platformVersion !== null)
        .map((e) => ({ platformId: e.platformId, version: e.platformVersion as number }));
      const contents = await versionContents(db, pairs);
      const comparison = compareEditions(from.entries, to.entries, (id, v) => contents.get(`${id}@${v}`));
      const changedNames = await named(
        comparison.changed.map((c) => ({ platformId: c.platformId, platformVersion: c.toVersion })),
      );
      return {
        from: await view(from),
        to: await view(to),
        added: await named(comparison.added),
        removed: await named(comparison.removed),
        unchanged: await named(comparison.unchanged),
        changed: comparison.changed.map((c, i) => ({
          ...c,
          slug: changedNames[i]?.slug ?? null,
          name: changedNames[i]?.name ?? null,
        })),
      };
    },
  };
}
export type EditionWorkflowService = ReturnType<typeof createEditionWorkflowService>;
