import { createRoute, z } from '@hono/zod-openapi';
import { citeDocument } from '../../i18n/index.ts';
import type { EditionService, EditionView } from '../../services/edition.service.ts';
import { platformSummary } from './present.ts';
import { apiRouter } from './router.ts';
import { EditionDetail, EditionSummary, problemResponses, Statistics } from './schemas.ts';

const present = (e: EditionView) => ({
  id: e.id,
  status: e.status,
  declaredTotal: e.declaredTotal,
  registeredTotal: e.registeredTotal,
  document: {
    id: e.document.id,
    number: e.document.number,
    issuedOn: e.document.issuedOn,
    issuerName: e.document.issuerName,
    kind: e.document.kind,
    title: e.document.title,
    citation: citeDocument(e.document.number, e.document.issuedOn, 'vi'),
    sourceUrl: e.document.sourceUrl,
    note: e.document.note,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/editions',
  tags: ['Editions'],
  summary: 'Official editions of the catalogue, newest first',
  responses: {
    200: {
      description: 'Editions',
      content: { 'application/json': { schema: z.object({ items: z.array(EditionSummary) }) } },
    },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/editions/{id}',
  tags: ['Editions'],
  summary: 'One edition: declared vs registered per owner, and its platforms',
  request: {
    params: z.object({
      id: z.string().max(200).openapi({
        description: 'Edition id or document number (URL-encoded), e.g. 2765%2FBTTTT-C%C4%90SQG',
      }),
    }),
  },
  responses: {
    200: { description: 'The edition', content: { 'application/json': { schema: EditionDetail } } },
    404: problemResponses[404],
  },
});

const statisticsRoute = createRoute({
  method: 'get',
  path: '/api/v1/statistics',
  tags: ['Statistics'],
  summary: 'Counts by owner, kind, status and scope, computed from the records',
  responses: { 200: { description: 'Statistics', content: { 'application/json': { schema: Statistics } } } },
});

export function editionRoutes(editions: EditionService) {
  return apiRouter()
    .openapi(listRoute, async (c) => c.json({ items: (await editions.list()).map(present) }, 200))
    .openapi(getRoute, async (c) => {
      const e = await editions.get(c.req.valid('param').id);
      return c.json(
        {
          ...present(e),
          perOwner: e.perOwner,
          registeredWithoutOwner: e.registeredWithoutOwner,
          platforms: e.platforms.map(platformSummary),
        },
        200,
      );
    })
    .openapi(statisticsRoute, async (c) => c.json(await editions.statistics(), 200));
}
