import { createRoute, z } from '@hono/zod-openapi';
import type { OverlapRulesService } from '../../services/overlap-rules.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, writeProblems } from './write-context.ts';

/**
 * The overlap check's thresholds and counterpart rules. Public to read: a locality or a vendor
 * should be able to see what a verdict was measured against. Written by administrators only.
 */
const Unit = z.number().min(0).max(1);
const Counterpart = z.object({
  id: z.string(),
  proposal: z.array(z.string()),
  except: z.array(z.string()).optional(),
  platform: z.array(z.string()),
  ensureRelated: z.boolean(),
  reason: z.string().openapi({ description: 'Vietnamese; "{platform}" becomes the platform’s name' }),
});
const Rules = z
  .object({
    overlapThreshold: Unit,
    relatedThreshold: Unit,
    duplicateThreshold: Unit.openapi({ description: 'Catalogue hygiene: pairs scoring at least this' }),
    corroboration: Unit,
    counterparts: z.array(Counterpart),
    evidence: z.record(z.string(), z.record(z.string(), Unit)),
    integrationMarkers: z.array(z.string()),
    mentionMarkers: z.array(z.string()),
    notForReuse: z.enum(['related', 'ignore']),
    maxCandidates: z.number().int(),
    maxMatches: z.number().int(),
  })
  .openapi('OverlapRules');
const RulesView = z
  .object({
    version: z.number().int().min(0).openapi({ description: '0: the built-in defaults' }),
    rules: Rules,
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable().openapi({ description: 'User id of the last writer' }),
  })
  .openapi('OverlapRulesSetting');
const tags = ['Overlap checks'];

const get = createRoute({
  method: 'get',
  path: '/api/v1/overlap-rules',
  tags,
  summary: 'The thresholds and counterpart rules overlap checks use now',
  responses: {
    200: { description: 'The rules in force', content: { 'application/json': { schema: RulesView } } },
  },
});

const put = createRoute({
  method: 'put',
  path: '/api/v1/overlap-rules',
  tags,
  summary: 'Replace the rules (administrators); settings left out take their defaults',
  description:
    'Applies only if `version` is still the one in force (409 `conflict` with `currentVersion` otherwise). Takes effect at once on this instance and within about 2 s on the others. Audited.',
  security: SESSION_SECURITY,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.number().int().min(0).openapi({ description: 'The `version` the client last read' }),
              rules: z
                .record(z.string(), z.unknown())
                .openapi({ description: 'OverlapRules; each bad setting is named, as `rules.<setting>`' }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: { description: 'The new rules', content: { 'application/json': { schema: RulesView } } },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    409: writeProblems[409],
  },
});

export function overlapRulesRoutes(rules: OverlapRulesService) {
  return apiRouter()
    .openapi(get, async (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(await rules.current(), 200);
    })
    .openapi(put, async (c) => {
      const { version, rules: input } = c.req.valid('json');
      return c.json(await rules.put(c.get('actor'), version, input, requestMeta(c)), 200);
    });
}
