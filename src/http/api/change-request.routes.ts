import { createRoute, z } from '@hono/zod-openapi';
import { CHANGE_REQUEST_KINDS, CHANGE_REQUEST_STATUSES } from '../../domain/change-request.ts';
import type { ChangeRequestService } from '../../services/change-request.service.ts';
import type { ChangeRequestDetail as Detail, ChangeRequestView } from '../../services/change-request.view.ts';
import { ChangeRequestDetail, ChangeRequestSchema, ProposedContent } from './change-request.schemas.ts';
import { etagHeader, etagOf, versionedWrite, IfMatchHeaders, preconditionFailed } from './if-match.ts';
import { apiRouter } from './router.ts';
import { listParam } from './schemas.ts';
import { requestMeta, SESSION_SECURITY, VersionField, writeProblems } from './write-context.ts';

/** Change requests: ministries propose, the authority reviews; approval publishes. */
function viewJson(v: ChangeRequestView) {
  return {
    id: v.id,
    kind: v.kind,
    status: v.status,
    summary: v.summary,
    platformId: v.platformId,
    basePlatformVersion: v.basePlatformVersion,
    platformChanged: v.platformChanged,
    organisation: v.organisation,
    author: v.author,
    decider: v.decider,
    proposed: v.proposed as Record<string, unknown>,
    submittedAt: v.submittedAt,
    decidedAt: v.decidedAt,
    publishedVersion: v.publishedVersion,
    deadline: v.deadline,
    version: v.version,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}
function detailJson(d: Detail) {
  return {
    ...viewJson(d),
    platform: d.platform,
    changes: d.changes,
    completeness: d.completeness,
    comments: d.comments.map((c) => ({
      id: c.id,
      kind: c.kind,
      author: { id: c.authorId, name: c.authorName },
      body: c.body,
      createdAt: c.createdAt,
    })),
  };
}

const tags = ['Change requests'];
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const detail = {
  description: 'The change request',
  headers: etagHeader,
  content: { 'application/json': { schema: ChangeRequestDetail } },
};
const Id = z.object({ id: z.uuid() });
const Summary = z.string().trim().min(1).max(500).openapi({ description: 'What changes and why' });
const Comment = z.string().trim().max(5000);
const all = writeProblems;
const writes = { 400: all[400], 401: all[401], 403: all[403], 404: all[404], 409: all[409] };
// Writes checked against a version: `version` in the body (stale: 409) or If-Match (stale: 412).
const versioned = { ...writes, 412: preconditionFailed };

const list = createRoute({
  method: 'get',
  path: '/api/v1/change-requests',
  tags,
  summary: 'The review queue (authority) or the organisation’s requests (ministry editor)',
  description: 'Awaiting review first, nearest deadline first. The authority does not see drafts.',
  security: SESSION_SECURITY,
  request: {
    query: z.object({
      status: listParam(CHANGE_REQUEST_STATUSES, 'Status'),
      kind: listParam(CHANGE_REQUEST_KINDS, 'Kind'),
      platform: z.string().max(200).optional().openapi({ description: 'Platform id or slug' }),
    }),
  },
  responses: {
    200: {
      description: 'Change requests',
      content: { 'application/json': { schema: z.object({ items: z.array(ChangeRequestSchema) }) } },
    },
    400: all[400],
    401: all[401],
    403: all[403],
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/v1/change-requests/{id}',
  tags,
  summary: 'A change request with its diff, completeness, deadline and comments',
  security: SESSION_SECURITY,
  request: { params: Id },
  responses: { 200: detail, 400: all[400], 401: all[401], 404: all[404] },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/change-requests',
  tags,
  summary: 'Start a draft: a new platform, a change to one, or its retirement (ministry editor)',
  security: SESSION_SECURITY,
  request: {
    body: json(
      z
        .object({
          kind: z.enum(CHANGE_REQUEST_KINDS),
          platform: z
            .string()
            .max(200)
            .optional()
            .openapi({ description: 'For a change or retirement: id or slug' }),
          summary: Summary,
          proposed: ProposedContent.optional(),
        })
        .strict(),
    ),
  },
  responses: { 201: detail, ...writes },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/change-requests/{id}',
  tags,
  summary: 'Edit a draft or a request sent back for changes',
  description:
    'Fields in `proposed` replace those proposed so far. `basePlatformVersion` (the platform’s current version) brings a proposal written against an older version up to date. The version read is sent as `version` or as `If-Match: "<version>"`.',
  security: SESSION_SECURITY,
  request: {
    params: Id,
    headers: IfMatchHeaders,
    body: json(
      z
        .object({
          version: VersionField.optional(),
          summary: Summary.optional(),
          proposed: ProposedContent.optional(),
          basePlatformVersion: z.number().int().min(1).optional(),
        })
        .strict(),
    ),
  },
  responses: { 200: detail, ...versioned },
});
const step = <B extends z.ZodObject>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path: `/api/v1/change-requests/{id}/${path}`,
    tags,
    summary,
    security: SESSION_SECURITY,
    request: { params: Id, headers: IfMatchHeaders, body: json(body) },
    responses: { 200: detail, ...versioned },
  });
const stepBody = z.object({ version: VersionField.optional(), comment: Comment.optional() }).strict();
const submit = step('submit', 'Submit for review (all required fields present; ministry editor)', stepBody);
const withdraw = step('withdraw', 'Withdraw before a decision (ministry editor)', stepBody);
const decision = step(
  'decision',
  'Request changes, approve (publishes at once) or reject (authority); a comment is required except to approve',
  z
    .object({
      version: VersionField.optional(),
      decision: z.enum(['request_changes', 'approve', 'reject']),
      comment: Comment.optional(),
    })
    .strict(),
);
const comment = step('comments', 'Comment', z.object({ body: Comment.min(1) }).strict());

export function changeRequestRoutes(crs: ChangeRequestService) {
  return apiRouter()
    .openapi(list, async (c) => {
      const items = await crs.list(c.get('actor'), c.req.valid('query'));
      return c.json({ items: items.map(viewJson) }, 200);
    })
    .openapi(get, async (c) => {
      const cr = await crs.get(c.get('actor'), c.req.valid('param').id);
      // The ETag is the version, for If-Match. Comments do not change the version, so the
      // response is not to be cached (a revalidation by ETag would miss new comments).
      c.header('ETag', etagOf(cr.version));
      c.header('Cache-Control', 'no-store');
      return c.json(detailJson(cr), 200);
    })
    .openapi(create, async (c) =>
      c.json(detailJson(await crs.create(c.get('actor'), c.req.valid('json'), requestMeta(c))), 201),
    )
    .openapi(update, async (c) => {
      const body = c.req.valid('json');
      const cr = await versionedWrite(c, body.version, (version) =>
        crs.update(c.get('actor'), c.req.valid('param').id, { ...body, version }, requestMeta(c)),
      );
      return c.json(detailJson(cr), 200);
    })
    .openapi(submit, async (c) => {
      const body = c.req.valid('json');
      const cr = await versionedWrite(c, body.version, (version) =>
        crs.transition(
          c.get('actor'),
          c.req.valid('param').id,
          'submit',
          { ...body, version },
          requestMeta(c),
        ),
      );
      return c.json(detailJson(cr), 200);
    })
    .openapi(withdraw, async (c) => {
      const body = c.req.valid('json');
      const cr = await versionedWrite(c, body.version, (version) =>
        crs.transition(
          c.get('actor'),
          c.req.valid('param').id,
          'withdraw',
          { ...body, version },
          requestMeta(c),
        ),
      );
      return c.json(detailJson(cr), 200);
    })
    .openapi(decision, async (c) => {
      const { decision: event, ...input } = c.req.valid('json');
      const cr = await versionedWrite(c, input.version, (version) =>
        crs.transition(c.get('actor'), c.req.valid('param').id, event, { ...input, version }, requestMeta(c)),
      );
      return c.json(detailJson(cr), 200);
    })
    .openapi(comment, async (c) => {
      const cr = await crs.comment(
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json').body,
        requestMeta(c),
      );
      return c.json(detailJson(cr), 200);
    });
}
