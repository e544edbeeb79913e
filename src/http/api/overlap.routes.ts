import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_PROPOSAL_LIMITS as L } from '../../domain/overlap/index.ts';
import type { OverlapService } from '../../services/overlap.service.ts';
import { apiRouter } from './router.ts';
import { OrganisationRef, problemResponses } from './schemas.ts';

const Proposal = z
  .object({
    name: z.string().min(1).max(L.nameMaxChars).openapi({ example: 'Hệ thống đấu thầu qua mạng của tỉnh' }),
    description: z.string().max(L.descriptionMaxChars).optional(),
    functions: z.array(z.string().max(L.functionMaxChars)).max(L.maxFunctions).optional(),
    data: z.array(z.string().max(L.dataMaxChars)).max(L.maxData).optional(),
  })
  .openapi('OverlapProposal');

const Match = z.object({
  platform: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    owner: OrganisationRef.nullable(),
  }),
  level: z.enum(['overlap', 'related']),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()).openapi({ description: 'Sentences a civil servant can read (Vietnamese)' }),
  evidence: z.array(
    z.object({
      kind: z.string(),
      proposalText: z.string(),
      platformText: z.string(),
      matchedTerms: z.array(z.string()),
      platformTerms: z.array(z.string()),
      score: z.number().optional(),
      ruleId: z.string().optional(),
    }),
  ),
});

const checkRoute = createRoute({
  method: 'post',
  path: '/api/v1/overlap-checks',
  tags: ['Overlap checks'],
  summary: 'Check a planned system against the catalogue before it is funded',
  description:
    '`overlap`: it duplicates a platform meant for reuse (use it or justify); `related`: worth knowing (integrate, or a legitimate local counterpart); `clear`: nothing found. Anonymous callers allowed; rate limited per client.',
  request: { body: { required: true, content: { 'application/json': { schema: Proposal } } } },
  responses: {
    200: {
      description: 'Verdict and matches, best first',
      content: {
        'application/json': {
          schema: z
            .object({
              verdict: z.enum(['overlap', 'related', 'clear']),
              matches: z.array(Match),
              catalogueRevision: z.number().int(),
              rulesVersion: z
                .number()
                .int()
                .openapi({ description: 'Version of the overlap rules used (GET /api/v1/overlap-rules)' }),
              checkedAt: z.string(),
            })
            .openapi('OverlapCheck'),
        },
      },
    },
    400: problemResponses[400],
    429: {
      description: 'Too many requests',
      content: {
        'application/problem+json': {
          schema: problemResponses[400].content['application/problem+json'].schema,
        },
      },
    },
  },
});

export function overlapRoutes(overlap: OverlapService) {
  return apiRouter().openapi(checkRoute, async (c) => {
    const result = await overlap.check(c.req.valid('json'));
    const matches = [];
    for (const m of result.matches) {
      const p = await overlap.platform(m.platformId);
      matches.push({
        platform: { id: m.platformId, name: m.name, slug: p?.slug ?? '', owner: p?.owner ?? null },
        level: m.level,
        score: m.score,
        reasons: m.reasons.map((r) => r.text),
        evidence: m.reasons.map(({ text: _text, ...rest }) => rest),
      });
    }
    return c.json(
      {
        verdict: result.verdict,
        matches,
        catalogueRevision: result.catalogueRevision,
        rulesVersion: result.rulesVersion,
        checkedAt: result.checkedAt,
      },
      200,
    );
  });
}
