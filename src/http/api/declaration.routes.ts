import { createRoute, z } from '@hono/zod-openapi';
import type { DeclarationService } from '../../services/declaration.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, writeProblems } from './write-context.ts';

/** Declaration follow-up (the authority) and the owners' "this record is still current". */
const all = writeProblems;
const Org = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() });
const Row = z.object({
  organisation: Org,
  declared: z
    .boolean()
    .openapi({ description: 'Owns platform records (also through predecessors) or submitted a request' }),
  firstSubmittedAt: z.string().nullable(),
  platformCount: z.number().int(),
  overdueCount: z.number().int(),
  oldestConfirmedAt: z.string().nullable().openapi({ description: 'Null when a record was never confirmed' }),
  lastReminderAt: z.string().nullable(),
  platforms: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      lastConfirmedAt: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});
const Report = z
  .object({
    asOf: z.string(),
    periodDays: z.number().int(),
    bodies: z.number().int(),
    declaredBodies: z.number().int(),
    items: z.array(Row),
    notDeclared: z.array(Org),
    official: z
      .array(
        z.object({
          document: z.string(),
          citation: z.string(),
          declared: z.number().int(),
          total: z.number().int(),
          sourceUrl: z.string().nullable(),
        }),
      )
      .openapi({
        description: 'Counts an official document itself gave (e.g. 18 of 29 in 2765/BTTTT-CĐSQG)',
      }),
  })
  .openapi('DeclarationReport');

const tags = ['Declarations'];
const list = createRoute({
  method: 'get',
  path: '/api/v1/declarations',
  tags,
  summary:
    'Which ministries and agencies declared, how many platforms, and overdue confirmations (authority)',
  security: SESSION_SECURITY,
  responses: {
    200: { description: 'The follow-up', content: { 'application/json': { schema: Report } } },
    401: all[401],
    403: all[403],
  },
});
const csv = createRoute({
  method: 'get',
  path: '/api/v1/declarations.csv',
  tags,
  summary: 'The follow-up as CSV, one row per body (authority)',
  security: SESSION_SECURITY,
  responses: {
    200: {
      description: 'RFC 4180 CSV, UTF-8 with a byte-order mark',
      content: { 'text/csv': { schema: z.string() } },
    },
    401: all[401],
    403: all[403],
  },
});
const confirm = createRoute({
  method: 'post',
  path: '/api/v1/platforms/{id}/confirm',
  tags,
  summary: 'Confirm that a platform’s record is still current (the owning ministry’s editor)',
  security: SESSION_SECURITY,
  request: { params: z.object({ id: z.string().max(200).openapi({ description: 'Platform id or slug' }) }) },
  responses: {
    200: {
      description: 'Recorded',
      content: {
        'application/json': {
          schema: z.object({ platformId: z.string(), confirmedAt: z.string(), confirmedBy: z.string() }),
        },
      },
    },
    401: all[401],
    403: all[403],
    404: all[404],
  },
});

export function declarationRoutes(declarations: DeclarationService) {
  return apiRouter()
    .openapi(list, async (c) => c.json(await declarations.list(c.get('actor')), 200))
    .openapi(csv, async (c) => {
      const text = await declarations.csv(c.get('actor'), c.get('locale') ?? 'vi');
      return c.body(text, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="declarations.csv"',
      }) as never;
    })
    .openapi(confirm, async (c) =>
      c.json(await declarations.confirm(c.get('actor'), c.req.valid('param').id, requestMeta(c)), 200),
    );
}
