import { createRoute, z } from '@hono/zod-openapi';
import type { AuditService } from '../../services/audit.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, writeProblems } from './write-context.ts';

/** The audit log, for the authority: search (JSON) and export (CSV). */
const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorOrganisationId: z.string().nullable(),
    action: z.string().openapi({ example: 'change_request.approve' }),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable(),
  })
  .openapi('AuditEntry');

const When = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .optional()
  .openapi({ description: 'yyyy-mm-dd (a day in Vietnam) or an ISO 8601 instant' });
const Short = z.string().min(1).max(200).optional();
const filters = {
  from: When,
  to: When.openapi({ description: 'Exclusive end: yyyy-mm-dd or an ISO 8601 instant' }),
  actor: z.uuid().optional().openapi({ description: 'User id of the actor' }),
  organisation: Short.openapi({ description: 'Organisation (id or code) of the actor' }),
  action: Short,
  targetType: Short,
  targetId: Short,
  requestId: Short,
};
const tags = ['Audit'];
const problems = { 400: writeProblems[400], 401: writeProblems[401], 403: writeProblems[403] };

const list = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags,
  summary: 'Search the audit log, newest first (the authority)',
  security: SESSION_SECURITY,
  request: {
    query: z.object({
      ...filters,
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'Entries older than this id (next page)' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Entries',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() }),
        },
      },
    },
    ...problems,
  },
});

const exportCsv = createRoute({
  method: 'get',
  path: '/api/v1/audit/export',
  tags,
  summary: 'Export the matching audit entries as CSV (the authority; at most 50 000 rows)',
  security: SESSION_SECURITY,
  request: { query: z.object(filters) },
  responses: {
    200: {
      description: 'RFC 4180 CSV, UTF-8 with a byte-order mark',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...problems,
  },
});

export function auditRoutes(audit: AuditService) {
  return apiRouter()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await audit.list(c.get('actor'), c.req.valid('query')), 200);
    })
    .openapi(exportCsv, async (c) => {
      const csv = await audit.exportCsv(c.get('actor'), c.req.valid('query'), requestMeta(c));
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}
