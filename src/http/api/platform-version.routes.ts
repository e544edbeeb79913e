import { createRoute, z } from '@hono/zod-openapi';
import { CONTENT_FIELDS } from '../../domain/platform-version.ts';
import type { PlatformVersionService } from '../../services/platform-version.service.ts';
import { apiRouter } from './router.ts';
import { problemResponses } from './schemas.ts';

/** A platform's published versions, and any two of them compared field by field. */
const Person = z.object({ id: z.string(), name: z.string() }).nullable();
const VersionSummary = z
  .object({
    version: z.number().int(),
    createdAt: z.string(),
    reason: z.string().openapi({ description: 'The summary of the change request that published it' }),
    baseline: z
      .boolean()
      .openapi({ description: 'The state before the first change recorded in the registry' }),
    changeRequestId: z.string().nullable(),
    author: Person.openapi({ description: 'Shown to the authority and the owning ministry only' }),
    approvedBy: Person,
  })
  .openapi('PlatformVersionSummary');
const VersionDetail = VersionSummary.extend({ content: z.record(z.string(), z.unknown()) }).openapi(
  'PlatformVersion',
);
const Key = z.string().max(200).openapi({ description: 'Platform id or slug' });
const tags = ['Platforms'];
const errors = { 400: problemResponses[400], 404: problemResponses[404] };

const list = createRoute({
  method: 'get',
  path: '/api/v1/platforms/{id}/versions',
  tags,
  summary: 'Published versions of a platform, newest first',
  request: { params: z.object({ id: Key }) },
  responses: {
    200: {
      description: 'Versions',
      content: {
        'application/json': {
          schema: z.object({
            platform: z.object({ id: z.string(), slug: z.string(), version: z.number().int() }),
            items: z.array(VersionSummary),
          }),
        },
      },
    },
    ...errors,
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/v1/platforms/{id}/versions/{version}',
  tags,
  summary: 'One published version, as it was',
  request: { params: z.object({ id: Key, version: z.coerce.number().int().min(1) }) },
  responses: {
    200: { description: 'The version', content: { 'application/json': { schema: VersionDetail } } },
    ...errors,
  },
});
const compare = createRoute({
  method: 'get',
  path: '/api/v1/platforms/{id}/compare',
  tags,
  summary: 'Compare two versions field by field',
  request: {
    params: z.object({ id: Key }),
    query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
  },
  responses: {
    200: {
      description: 'The fields that differ',
      content: {
        'application/json': {
          schema: z.object({
            from: VersionSummary,
            to: VersionSummary,
            changes: z.array(z.object({ field: z.enum(CONTENT_FIELDS), from: z.unknown(), to: z.unknown() })),
          }),
        },
      },
    },
    ...errors,
  },
});

export function platformVersionRoutes(versions: PlatformVersionService) {
  return apiRouter()
    .openapi(list, async (c) => c.json(await versions.list(c.get('actor'), c.req.valid('param').id), 200))
    .openapi(get, async (c) => {
      const { id, version } = c.req.valid('param');
      const found = await versions.get(c.get('actor'), id, version);
      return c.json({ ...found, content: found.content as unknown as Record<string, unknown> }, 200);
    })
    .openapi(compare, async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await versions.compare(c.get('actor'), c.req.valid('param').id, from, to), 200);
    });
}
