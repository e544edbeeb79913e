import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { DOCUMENT_KINDS } from '../../domain/edition.ts';
import { InvalidInputError, PayloadTooLargeError } from '../../domain/errors.ts';
import { CONTENT_FIELDS } from '../../domain/platform-version.ts';
import { citeDocument } from '../../i18n/index.ts';
import type { EditionRecordView, EditionWorkflowService } from '../../services/edition-workflow.service.ts';
import {
  etagHeader,
  etagOf,
  expectedVersion,
  IfMatchHeaders,
  preconditionFailed,
  versionedWrite,
  withPrecondition,
} from './if-match.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, VersionField, writeProblems } from './write-context.ts';

/**
 * The editions workflow (the authority's administrator): draft an edition from an official
 * document, select the platform versions it lists, attach the document's PDF, publish; and
 * compare two editions. The public list and detail stay in edition.routes.ts.
 */
const tags = ['Editions'];
const all = writeProblems;
const writes = {
  400: all[400],
  401: all[401],
  403: all[403],
  404: all[404],
  409: all[409],
  412: preconditionFailed,
};

const Entry = z.object({
  platformId: z.string(),
  platformVersion: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'The platform version listed; null for entries seeded from older documents' }),
  slug: z.string().nullable(),
  name: z.string().nullable(),
});
const EditionRecord = z
  .object({
    id: z.string(),
    status: z.enum(['draft', 'published']),
    version: z.number().int(),
    declaredTotal: z.number().int().nullable(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    document: z.object({
      id: z.string(),
      number: z.string(),
      issuedOn: z.string(),
      issuerId: z.string().nullable(),
      issuerName: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      title: z.string(),
      citation: z.string().openapi({ example: '2765/BTTTT-CĐSQG ngày 15/07/2024' }),
      note: z.string().nullable(),
      sourceUrl: z.string().nullable(),
    }),
    file: z
      .object({
        url: z.string(),
        contentType: z.string(),
        fileName: z.string().nullable(),
        size: z.number().int(),
        sha256: z.string(),
        uploadedAt: z.string(),
      })
      .nullable(),
    entries: z.array(Entry),
  })
  .openapi('EditionRecord');

const fileUrl = (e: EditionRecordView) => `/api/v1/editions/${e.id}/file`;
function present(e: EditionRecordView) {
  return {
    id: e.id,
    status: e.status,
    version: e.version,
    declaredTotal: e.declaredTotal,
    publishedAt: e.publishedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    document: { ...e.document, citation: citeDocument(e.document.number, e.document.issuedOn, 'vi') },
    file: e.file ? { url: fileUrl(e), ...e.file } : null,
    entries: e.entries,
  };
}

const record = {
  description: 'The edition',
  headers: etagHeader,
  content: { 'application/json': { schema: EditionRecord } },
};
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const Key = z.object({
  id: z.string().max(200).openapi({ description: 'Edition id or document number (URL-encoded)' }),
});
const Line = (max: number) => z.string().trim().min(1).max(max);
const DocumentBody = z
  .object({
    number: Line(100).openapi({ example: '2765/BTTTT-CĐSQG' }),
    issuedOn: z.iso.date(),
    issuer: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .openapi({ description: 'Issuing organisation: id or code' }),
    issuerName: Line(300).optional().openapi({ description: 'Required when `issuer` is not given' }),
    kind: z.enum(DOCUMENT_KINDS),
    title: Line(1000),
    note: z.string().trim().max(2000).nullable().optional(),
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .nullable()
      .optional(),
  })
  .strict();
const DeclaredTotal = z.number().int().min(0).max(100_000).nullable().optional();

const listDrafts = createRoute({
  method: 'get',
  path: '/api/v1/edition-drafts',
  tags,
  summary: 'Draft editions, newest first (administrators)',
  security: SESSION_SECURITY,
  responses: {
    200: {
      description: 'Drafts',
      content: { 'application/json': { schema: z.object({ items: z.array(EditionRecord) }) } },
    },
    401: all[401],
    403: all[403],
  },
});
const getRecord = createRoute({
  method: 'get',
  path: '/api/v1/editions/{id}/record',
  tags,
  summary: 'An edition as a record: status, version, document, file and the platform versions it lists',
  description: 'Published editions for everyone; drafts for administrators only (404 for others).',
  request: { params: Key },
  responses: { 200: record, 400: all[400], 404: all[404] },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/editions',
  tags,
  summary: 'Draft an edition from an official document (administrators)',
  security: SESSION_SECURITY,
  request: { body: json(z.object({ document: DocumentBody, declaredTotal: DeclaredTotal }).strict()) },
  responses: { 201: record, 400: all[400], 401: all[401], 403: all[403], 409: all[409] },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/editions/{id}',
  tags,
  summary: 'Edit a draft’s document or declared total (a published edition: 409)',
  security: SESSION_SECURITY,
  request: {
    params: Key,
    headers: IfMatchHeaders,
    body: json(
      z
        .object({
          version: VersionField.optional(),
          document: DocumentBody.partial().optional(),
          declaredTotal: DeclaredTotal,
        })
        .strict(),
    ),
  },
  responses: { 200: record, ...writes },
});
const setEntries = createRoute({
  method: 'put',
  path: '/api/v1/editions/{id}/entries',
  tags,
  summary: 'Select the platform versions a draft lists (replaces the list)',
  description:
    'A version left out is the platform’s current version; an older one must exist. Published versions are immutable, so what an edition lists never changes under it.',
  security: SESSION_SECURITY,
  request: {
    params: Key,
    headers: IfMatchHeaders,
    body: json(
      z
        .object({
          version: VersionField.optional(),
          entries: z
            .array(
              z
                .object({
                  platform: z.string().min(1).max(200).openapi({ description: 'Platform id or slug' }),
                  version: z.number().int().min(1).optional(),
                })
                .strict(),
            )
            .max(2000),
        })
        .strict(),
    ),
  },
  responses: { 200: record, ...writes },
});
const attachFile = createRoute({
  method: 'put',
  path: '/api/v1/editions/{id}/file',
  tags,
  summary: 'Attach the official document’s PDF to a draft (replaces an earlier one)',
  description:
    'The body is the PDF itself (`application/pdf`) or a form (`multipart/form-data`, field `file`). The version read goes in If-Match or the `version` query parameter. Larger than the configured maximum: 413.',
  security: SESSION_SECURITY,
  request: {
    params: Key,
    headers: IfMatchHeaders,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    body: {
      content: {
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    200: record,
    ...writes,
    413: {
      description: 'File too large (`payload_too_large`)',
      content: { 'application/problem+json': { schema: z.object({}) } },
    },
  },
});
const getFile = createRoute({
  method: 'get',
  path: '/api/v1/editions/{id}/file',
  tags,
  summary: 'The official document’s file',
  request: { params: Key },
  responses: {
    200: {
      description: 'The file, with its SHA-256 in ETag and Repr-Digest (RFC 9530)',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: all[404],
  },
});
const publish = createRoute({
  method: 'post',
  path: '/api/v1/editions/{id}/publish',
  tags,
  summary: 'Publish a draft: from then on it never changes; the public catalogue shows it at once',
  security: SESSION_SECURITY,
  request: {
    params: Key,
    headers: IfMatchHeaders,
    body: json(z.object({ version: VersionField.optional() }).strict()),
  },
  responses: { 200: record, ...writes },
});
const Named = Entry;
const compare = createRoute({
  method: 'get',
  path: '/api/v1/editions/{id}/changes',
  tags,
  summary: 'What an edition lists compared with an earlier one: added, removed, changed (field by field)',
  description:
    'A platform listed by both at different versions is `changed`, with the fields that differ between the two frozen versions. Entries seeded from older documents name no version, so they count as unchanged.',
  request: {
    params: Key,
    query: z.object({
      since: z
        .string()
        .min(1)
        .max(200)
        .openapi({ description: 'The earlier edition: id or document number' }),
    }),
  },
  responses: {
    200: {
      description: 'The comparison',
      content: {
        'application/json': {
          schema: z.object({
            from: EditionRecord,
            to: EditionRecord,
            added: z.array(Named),
            removed: z.array(Named),
            unchanged: z.array(Named),
            changed: z.array(
              z.object({
                platformId: z.string(),
                slug: z.string().nullable(),
                name: z.string().nullable(),
                fromVersion: z.number().int(),
                toVersion: z.number().int(),
                changes: z.array(
                  z.object({ field: z.enum(CONTENT_FIELDS), from: z.unknown(), to: z.unknown() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    400: all[400],
    404: all[404],
  },
});

/** RFC 6266 / 8187: an ASCII fallback and the UTF-8 name. */
function disposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'document.pdf';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function editionWorkflowRoutes(editions: EditionWorkflowService, maxFileBytes: number) {
  const router = apiRouter();
  router.put(
    '/api/v1/editions/:id/file',
    bodyLimit({
      maxSize: maxFileBytes,
      onError: () => {
        throw new PayloadTooLargeError(maxFileBytes);
      },
    }),
  );
  return router
    .openapi(listDrafts, async (c) => {
      const items = await editions.listDrafts(c.get('actor'));
      return c.json({ items: items.map(present) }, 200);
    })
    .openapi(getRecord, async (c) => {
      const e = await editions.get(c.get('actor'), c.req.valid('param').id);
      c.header('ETag', etagOf(e.version));
      return c.json(present(e), 200);
    })
    .openapi(create, async (c) => {
      const e = await editions.create(c.get('actor'), c.req.valid('json'), requestMeta(c));
      c.header('ETag', etagOf(e.version));
      c.header('Location', `/api/v1/editions/${e.id}/record`);
      return c.json(present(e), 201);
    })
    .openapi(update, async (c) => {
      const body = c.req.valid('json');
      const e = await versionedWrite(c, body.version, (version) =>
        editions.update(c.get('actor'), c.req.valid('param').id, { ...body, version }, requestMeta(c)),
      );
      return c.json(present(e), 200);
    })
    .openapi(setEntries, async (c) => {
      const body = c.req.valid('json');
      const e = await versionedWrite(c, body.version, (version) =>
        editions.setEntries(c.get('actor'), c.req.valid('param').id, { ...body, version }, requestMeta(c)),
      );
      return c.json(present(e), 200);
    })
    .openapi(attachFile, async (c) => {
      // The version is read before the body, so a request without one is refused unread.
      const expected = expectedVersion(c, c.req.valid('query').version);
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      let content: Uint8Array;
      let fileName: string | null = null;
      if (type === 'multipart/form-data') {
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new InvalidInputError([{ field: 'file', code: 'required' }]);
        content = new Uint8Array(await file.arrayBuffer());
        fileName = file.name ? file.name.slice(0, 255) : null;
      } else if (type === 'application/pdf') {
        content = new Uint8Array(await c.req.arrayBuffer());
      } else throw new InvalidInputError([{ field: 'file', code: 'not_pdf' }]);
      const e = await withPrecondition(expected, () =>
        editions.attachFile(
          c.get('actor'),
          c.req.valid('param').id,
          { version: expected.version, file: { content, fileName } },
          requestMeta(c),
        ),
      );
      c.header('ETag', etagOf(e.version));
      return c.json(present(e), 200);
    })
    .openapi(getFile, async (c) => {
      const file = await editions.file(c.get('actor'), c.req.valid('param').id);
      const headers: Record<string, string> = {
        'Content-Type': file.contentType,
        'Content-Length': String(file.size),
        ETag: `"${file.sha256}"`,
        'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
        'Content-Disposition': disposition(file.fileName ?? 'document.pdf'),
      };
      return c.body(new Uint8Array(file.content), 200, headers) as never;
    })
    .openapi(publish, async (c) => {
      const body = c.req.valid('json');
      const e = await versionedWrite(c, body.version, (version) =>
        editions.publish(c.get('actor'), c.req.valid('param').id, { version }, requestMeta(c)),
      );
      return c.json(present(e), 200);
    })
    .openapi(compare, async (c) => {
      const r = await editions.compare(c.get('actor'), c.req.valid('param').id, c.req.valid('query').since);
      return c.json({ ...r, from: present(r.from), to: present(r.to) }, 200);
    });
}
