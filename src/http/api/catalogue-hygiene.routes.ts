import { createRoute, z } from '@hono/zod-openapi';
import type { CatalogueHygieneService } from '../../services/catalogue-hygiene.service.ts';
import { apiRouter } from './router.ts';
import { OrganisationRef } from './schemas.ts';
import { requestMeta, SESSION_SECURITY, writeProblems } from './write-context.ts';

/** Near-duplicate entries inside the catalogue, for the authority (reviewers and administrators). */
const Entry = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  owner: OrganisationRef.nullable(),
});
const Pair = z
  .object({
    a: Entry,
    b: Entry,
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()).openapi({ description: 'Sentences a civil servant can read (Vietnamese)' }),
  })
  .openapi('CatalogueDuplicatePair');
const Report = z
  .object({
    items: z.array(Pair),
    dismissed: z.array(
      z.object({
        a: z.string(),
        b: z.string(),
        names: z.array(z.string()),
        note: z.string().nullable(),
        dismissedBy: z.string().nullable(),
        dismissedAt: z.string(),
        pair: Pair.nullable().openapi({
          description: 'The pair as it would be listed now (null: no longer alike)',
        }),
      }),
    ),
    threshold: z.number(),
    catalogueRevision: z.number().int(),
    rulesVersion: z.number().int(),
  })
  .openapi('CatalogueHygiene');
const tags = ['Catalogue hygiene'];
const reads = { 401: writeProblems[401], 403: writeProblems[403] };
const PairParams = z.object({
  a: z.uuid().openapi({ param: { name: 'a', in: 'path' } }),
  b: z.uuid().openapi({ param: { name: 'b', in: 'path' } }),
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/catalogue-hygiene',
  tags,
  summary: 'Pairs of catalogue entries that are probably one platform recorded twice (the authority)',
  security: SESSION_SECURITY,
  responses: {
    200: { description: 'Pairs, most alike first', content: { 'application/json': { schema: Report } } },
    ...reads,
  },
});

const exportCsv = createRoute({
  method: 'get',
  path: '/api/v1/catalogue-hygiene/export',
  tags,
  summary: 'The listed pairs as CSV (the authority)',
  security: SESSION_SECURITY,
  responses: {
    200: {
      description: 'RFC 4180 CSV, UTF-8 with a byte-order mark',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...reads,
  },
});

const dismiss = createRoute({
  method: 'post',
  path: '/api/v1/catalogue-hygiene/dismissals',
  tags,
  summary: 'Mark a pair "not a duplicate" so it is no longer listed (the authority; audited)',
  security: SESSION_SECURITY,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ a: z.uuid(), b: z.uuid(), note: z.string().trim().max(1000).optional() })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: { description: 'Marked' },
    200: { description: 'Already marked' },
    400: writeProblems[400],
    ...reads,
    404: writeProblems[404],
  },
});

const restore = createRoute({
  method: 'delete',
  path: '/api/v1/catalogue-hygiene/dismissals/{a}/{b}',
  tags,
  summary: 'List a pair marked "not a duplicate" again (the authority; audited)',
  security: SESSION_SECURITY,
  request: { params: PairParams },
  responses: {
    204: { description: 'Listed again' },
    400: writeProblems[400],
    ...reads,
    404: writeProblems[404],
  },
});

export function catalogueHygieneRoutes(hygiene: CatalogueHygieneService) {
  return apiRouter()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await hygiene.list(c.get('actor')), 200);
    })
    .openapi(exportCsv, async (c) => {
      const csv = await hygiene.exportCsv(c.get('actor'));
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="catalogue-hygiene-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      });
    })
    .openapi(dismiss, async (c) => {
      const { a, b, note } = c.req.valid('json');
      const added = await hygiene.dismiss(c.get('actor'), { a, b, note: note || null }, requestMeta(c));
      return c.body(null, added ? 201 : 200);
    })
    .openapi(restore, async (c) => {
      const { a, b } = c.req.valid('param');
      await hygiene.restore(c.get('actor'), a, b, requestMeta(c));
      return c.body(null, 204);
    });
}
