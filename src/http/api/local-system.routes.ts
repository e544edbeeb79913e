import { createRoute, z } from '@hono/zod-openapi';
import type { LocalSystemService } from '../../services/local-system.service.ts';
import {
  CreateLocalSystem,
  CreateResolution,
  DecideResolution,
  LocalSystemDetailSchema,
  LocalSystemSchema,
  ResolutionSchema,
  SnapshotSchema,
  STANDINGS,
  UpdateLocalSystem,
} from './local-system.schemas.ts';
import { apiRouter } from './router.ts';
import { listParam } from './schemas.ts';
import { requestMeta, SESSION_SECURITY, writeProblems as all } from './write-context.ts';

/** A locality's systems and planned investments; comply-or-explain on overlaps. */
const tags = ['Local systems'];
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const detail = {
  description: 'The local system',
  content: { 'application/json': { schema: LocalSystemDetailSchema } },
};
const Id = z.object({ id: z.uuid() });
const writes = { 400: all[400], 401: all[401], 403: all[403], 404: all[404], 409: all[409] };

const list = createRoute({
  method: 'get',
  path: '/api/v1/local-systems',
  tags,
  summary: 'A locality’s systems (its officers), or every locality’s (the authority)',
  description:
    'Not public: planned investments, budgets and contacts are the locality’s and the authority’s.',
  security: SESSION_SECURITY,
  request: {
    query: z.object({
      organisation: z.string().max(200).optional().openapi({ description: 'Locality id or code' }),
      standing: listParam(
        STANDINGS,
        'Where each stands on its latest check; `pending`: justifications waiting for a decision',
      ),
    }),
  },
  responses: {
    200: {
      description: 'Local systems with their latest check',
      content: { 'application/json': { schema: z.object({ items: z.array(LocalSystemSchema) }) } },
    },
    400: all[400],
    401: all[401],
    403: all[403],
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/v1/local-systems/{id}',
  tags,
  summary: 'A local system with every check and every comply-or-explain answer',
  security: SESSION_SECURITY,
  request: { params: Id },
  responses: { 200: detail, 400: all[400], 401: all[401], 404: all[404] },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/local-systems',
  tags,
  summary: 'Record a system or planned investment (locality officer); it is checked at once',
  description:
    'A forward status (approved, in_development, operating) over an overlap is refused (409 `overlap_unresolved`): record it as proposed, answer the overlap, then move it.',
  security: SESSION_SECURITY,
  request: { body: json(CreateLocalSystem) },
  responses: { 201: detail, ...writes },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/local-systems/{id}',
  tags,
  summary: 'Edit a local system or move its status (locality officer)',
  description:
    'Changing its name, description, functions or data checks it again. Moving to approved, in_development or operating while the latest check finds an overlap needs an adoption or an accepted justification first: otherwise 409 with `code` `conflict` and `reason` in `needed`.',
  security: SESSION_SECURITY,
  request: { params: Id, body: json(UpdateLocalSystem) },
  responses: { 200: detail, ...writes },
});
const resolve = createRoute({
  method: 'post',
  path: '/api/v1/local-systems/{id}/resolutions',
  tags,
  summary: 'Comply or explain: adopt a catalogue platform instead, or justify the system',
  description:
    'A justification needs `reason`, `platformUnfit` and `costComparison`; the authority decides it.',
  security: SESSION_SECURITY,
  request: { params: Id, body: json(CreateResolution) },
  responses: {
    201: { description: 'The answer', content: { 'application/json': { schema: ResolutionSchema } } },
    ...writes,
  },
});
const checkNow = createRoute({
  method: 'post',
  path: '/api/v1/local-systems/{id}/checks',
  tags,
  summary: 'Check a local system against the catalogue now (its locality’s officer, or the authority)',
  description:
    'Runs the overlap check under the rules in force against today’s catalogue and keeps the snapshot (trigger `manual`), as the background re-check does. 409 `version_mismatch` when the system was edited meanwhile.',
  security: SESSION_SECURITY,
  request: { params: Id },
  responses: {
    201: {
      description: 'The verdict, the stored snapshot, and where the system now stands',
      content: {
        'application/json': {
          schema: z
            .object({
              verdict: z.enum(['overlap', 'related', 'clear']),
              check: SnapshotSchema,
              standing: z.enum(STANDINGS),
            })
            .openapi('LocalSystemCheckResult'),
        },
      },
    },
    ...writes,
  },
});
const decide = createRoute({
  method: 'post',
  path: '/api/v1/local-system-resolutions/{id}/decision',
  tags,
  summary: 'Accept or reject a justification, with a comment (the authority)',
  security: SESSION_SECURITY,
  request: { params: Id, body: json(DecideResolution) },
  responses: {
    200: {
      description: 'The decided justification',
      content: { 'application/json': { schema: ResolutionSchema } },
    },
    ...writes,
  },
});

export function localSystemRoutes(systems: LocalSystemService) {
  return apiRouter()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ items: await systems.list(c.get('actor'), c.req.valid('query')) }, 200);
    })
    .openapi(get, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await systems.get(c.get('actor'), c.req.valid('param').id), 200);
    })
    .openapi(create, async (c) =>
      c.json(await systems.create(c.get('actor'), c.req.valid('json'), requestMeta(c)), 201),
    )
    .openapi(update, async (c) =>
      c.json(
        await systems.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json'), requestMeta(c)),
        200,
      ),
    )
    .openapi(resolve, async (c) =>
      c.json(
        await systems.resolve(c.get('actor'), c.req.valid('param').id, c.req.valid('json'), requestMeta(c)),
        201,
      ),
    )
    .openapi(checkNow, async (c) =>
      c.json(await systems.checkNow(c.get('actor'), c.req.valid('param').id, requestMeta(c)), 201),
    )
    .openapi(decide, async (c) =>
      c.json(
        await systems.decide(c.get('actor'), c.req.valid('param').id, c.req.valid('json'), requestMeta(c)),
        200,
      ),
    );
}
