import { createRoute, z } from '@hono/zod-openapi';
import { TERM_KINDS, TERM_LIMITS } from '../../domain/term.ts';
import type { TermService } from '../../services/term.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, writeProblems } from './write-context.ts';

/** The search and overlap dictionary (read: everyone; write: administrators). */
const Kind = z.enum(['abbreviation', 'synonym', 'variant'] satisfies typeof TERM_KINDS).openapi({
  description:
    'abbreviation: the term expands one way (CSDL → cơ sở dữ liệu); synonym, variant: both ways (cloud ↔ điện toán đám mây)',
});
const Term = z
  .object({
    id: z.uuid(),
    term: z.string().openapi({ example: 'CSDL' }),
    expansions: z.array(z.string()).openapi({ example: ['cơ sở dữ liệu'] }),
    kind: Kind,
    note: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Term');
const fields = {
  term: z.string().min(1).max(TERM_LIMITS.term),
  expansions: z.array(z.string().min(1).max(TERM_LIMITS.expansion)).min(1).max(TERM_LIMITS.expansions),
  kind: Kind,
  note: z.string().max(TERM_LIMITS.note).nullable(),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
};
const NewTerm = z
  .object({
    ...fields,
    kind: Kind.default('synonym'),
    note: fields.note.default(null),
    sourceUrl: fields.sourceUrl.default(null),
  })
  .strict()
  .openapi('NewTerm');
// The term and kind are the entry's identity (the seed knows it by them): to rename, remove and add.
const TermPatch = z
  .object({ expansions: fields.expansions, note: fields.note, sourceUrl: fields.sourceUrl })
  .partial()
  .strict()
  .openapi('TermPatch');
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const tags = ['Dictionary'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/terms',
  tags,
  summary: 'Abbreviations, synonyms and spelling variants that search and overlap checks use',
  responses: {
    200: {
      description: 'The dictionary',
      content: { 'application/json': { schema: z.object({ items: z.array(Term) }) } },
    },
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/terms',
  tags,
  summary: 'Add an entry (administrators); search uses it at once',
  security: SESSION_SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: NewTerm } } } },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: Term } } },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
  },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/terms/{id}',
  tags,
  summary: 'Change an entry (administrators)',
  security: SESSION_SECURITY,
  request: { params: Id, body: { required: true, content: { 'application/json': { schema: TermPatch } } } },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: Term } } },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    404: writeProblems[404],
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/v1/terms/{id}',
  tags,
  summary: 'Remove an entry (administrators)',
  security: SESSION_SECURITY,
  request: { params: Id },
  responses: {
    204: { description: 'Removed' },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    404: writeProblems[404],
  },
});

export function termRoutes(terms: TermService) {
  return apiRouter()
    .openapi(list, async (c) => c.json({ items: await terms.list() }, 200))
    .openapi(create, async (c) => {
      return c.json(await terms.create(c.get('actor'), c.req.valid('json'), requestMeta(c)), 201);
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await terms.update(c.get('actor'), id, c.req.valid('json'), requestMeta(c)), 200);
    })
    .openapi(remove, async (c) => {
      await terms.remove(c.get('actor'), c.req.valid('param').id, requestMeta(c));
      return c.body(null, 204);
    });
}
