import { createRoute, z } from '@hono/zod-openapi';
import { ORGANISATION_LEVELS } from '../../domain/organisation.ts';
import type { OrganisationService, OrganisationView } from '../../services/organisation.service.ts';
import { platformSummary } from './present.ts';
import { apiRouter } from './router.ts';
import { Organisation, OrganisationDetail, PlatformSummary, problemResponses } from './schemas.ts';

const present = (o: OrganisationView) => ({
  id: o.id,
  code: o.code,
  name: o.name,
  nameEn: o.nameEn,
  kind: o.kind,
  level: o.level,
  validFrom: o.validFrom,
  validTo: o.validTo,
  current: o.current,
  sourceUrl: o.sourceUrl,
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organisations',
  tags: ['Organisations'],
  summary: 'Ministries, agencies and provinces, current and former',
  request: {
    query: z.object({
      level: z.enum(ORGANISATION_LEVELS).optional(),
      current: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'Only bodies in being today (true) or only former ones (false)' }),
    }),
  },
  responses: {
    200: {
      description: 'Organisations in Vietnamese collation order',
      content: {
        'application/json': { schema: z.object({ items: z.array(Organisation), total: z.number().int() }) },
      },
    },
    400: problemResponses[400],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/organisations/{id}',
  tags: ['Organisations'],
  summary: 'One organisation with its lineage',
  request: {
    params: z.object({
      id: z.string().max(200).openapi({ description: 'Id or code, e.g. bo-ke-hoach-va-dau-tu' }),
    }),
    query: z.object({
      on: z.iso.date().optional().openapi({ description: 'Resolve successors as on this date (yyyy-mm-dd)' }),
    }),
  },
  responses: {
    200: {
      description: 'The organisation',
      content: {
        'application/json': { schema: OrganisationDetail.extend({ platforms: z.array(PlatformSummary) }) },
      },
    },
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

export function organisationRoutes(organisations: OrganisationService) {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { level, current } = c.req.valid('query');
      const items = await organisations.list({
        ...(level ? { level } : {}),
        ...(current ? { current: current === 'true' } : {}),
      });
      return c.json({ items: items.map(present), total: items.length }, 200);
    })
    .openapi(getRoute, async (c) => {
      const o = await organisations.get(c.req.valid('param').id, c.req.valid('query').on);
      return c.json(
        {
          ...present(o),
          formedFrom: o.formedFrom,
          becameOf: o.becameOf,
          currentSuccessors: o.currentSuccessors,
          predecessors: o.predecessors,
          platformCount: o.platforms.length,
          platforms: o.platforms.map(platformSummary),
        },
        200,
      );
    });
}
