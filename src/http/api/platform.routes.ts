import { createRoute, z } from '@hono/zod-openapi';
import {
  CONNECTION_STATUSES,
  PLATFORM_KINDS,
  PLATFORM_SCOPES,
  PLATFORM_STATUSES,
} from '../../domain/platform.ts';
import type { PlatformService } from '../../services/platform.service.ts';
import { platformDetail, platformSummary } from './present.ts';
import { apiRouter } from './router.ts';
import { listParam, OrganisationRef, Platform, PlatformList, problemResponses } from './schemas.ts';

export const MAX_QUERY_LENGTH = 500;

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/platforms',
  tags: ['Platforms'],
  summary: 'Search and list platforms',
  description:
    'Without `q`: the catalogue in Vietnamese name order. With `q`: ranked best first; Vietnamese with or without diacritics, abbreviations and synonyms. Facet counts cover the matches.',
  request: {
    query: z.object({
      q: z.string().max(MAX_QUERY_LENGTH).optional().openapi({ example: 'dau thau' }),
      owner: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) =>
          v === undefined
            ? undefined
            : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean),
        )
        .pipe(z.array(z.string().max(100)).max(20).optional())
        .openapi({
          description: 'Organisation id or code; a current body includes what its predecessors declared',
        }),
      kind: listParam(PLATFORM_KINDS, 'Kind of platform'),
      scope: listParam(PLATFORM_SCOPES, 'Scope'),
      status: listParam([...PLATFORM_STATUSES, 'unknown'], 'Status (`unknown`: not stated)'),
      edition: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
        .pipe(z.array(z.string().max(100)).max(20).optional())
        .openapi({ description: 'Document number of an edition, e.g. 2765/BTTTT-CĐSQG' }),
      ndxp: listParam(CONNECTION_STATUSES, 'Connection to NDXP'),
      ndop: listParam(CONNECTION_STATUSES, 'Connection to NDOP'),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
  },
  responses: {
    200: { description: 'Platforms', content: { 'application/json': { schema: PlatformList } } },
    400: problemResponses[400],
  },
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/api/v1/platforms/suggest',
  tags: ['Platforms'],
  summary: 'Suggestions as you type (name and alias prefixes, with or without diacritics)',
  request: {
    query: z.object({
      q: z.string().max(100).openapi({ example: 'dinh da' }),
      limit: z.coerce.number().int().min(1).max(20).default(8),
    }),
  },
  responses: {
    200: {
      description: 'Suggestions',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
          }),
        },
      },
    },
    400: problemResponses[400],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/platforms/{id}',
  tags: ['Platforms'],
  summary: 'One platform, by id or slug',
  request: {
    params: z.object({ id: z.string().max(200) }),
    query: z.object({
      on: z.iso.date().optional().openapi({ description: 'Also say who owned it on this date (yyyy-mm-dd)' }),
    }),
  },
  responses: {
    200: {
      description: 'The platform',
      content: {
        'application/json': {
          schema: Platform.extend({
            ownerOn: z.object({ date: z.string(), owner: OrganisationRef.nullable() }).optional(),
          }),
        },
      },
    },
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

export function platformRoutes(platforms: PlatformService) {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const query = c.req.valid('query');
      const result = await platforms.list(query);
      return c.json(
        {
          items: result.items.map((p) => ({
            ...platformSummary(p),
            ...(p.score !== undefined ? { score: p.score, reasons: p.reasons } : {}),
          })),
          total: result.total,
          limit: query.limit,
          offset: query.offset,
          facets: result.facets,
          didYouMean: result.didYouMean,
        },
        200,
      );
    })
    .openapi(suggestRoute, async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await platforms.suggest(q, limit) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { on } = c.req.valid('query');
      const platform = await platforms.get(c.req.valid('param').id);
      const ownerOn = on ? { date: on, owner: await platforms.ownerOn(platform, on) } : undefined;
      return c.json({ ...platformDetail(platform), ...(ownerOn ? { ownerOn } : {}) }, 200);
    });
}
