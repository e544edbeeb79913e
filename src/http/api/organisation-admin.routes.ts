import { createRoute, z } from '@hono/zod-openapi';
import { LINK_KINDS, ORGANISATION_KINDS, ORGANISATION_LEVELS } from '../../domain/organisation.ts';
import type { VersionedOrganisation } from '../../db/organisation-admin.repository.ts';
import type { OrganisationAdminService } from '../../services/organisation-admin.service.ts';
import { etagHeader, etagOf, versionedWrite, IfMatchHeaders, preconditionFailed } from './if-match.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, VersionField, writeProblems } from './write-context.ts';

/** Organisation management (administrators): create, edit, record reorganisations. */
const tags = ['Organisations'];
const all = writeProblems;
const Line = (max: number) => z.string().trim().min(1).max(max);
const Url = z.url({ protocol: /^https?$/ }).max(1000);

const OrganisationRecord = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(ORGANISATION_KINDS),
    level: z.enum(ORGANISATION_LEVELS),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('OrganisationRecord');
const present = (o: VersionedOrganisation) => ({ ...o });
const record = {
  description: 'The organisation',
  headers: etagHeader,
  content: { 'application/json': { schema: OrganisationRecord } },
};
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const Fields = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(100)
      .openapi({ example: 'bo-tai-chinh' }),
    name: Line(300),
    nameEn: Line(300).nullable().optional(),
    kind: z.enum(ORGANISATION_KINDS),
    level: z.enum(ORGANISATION_LEVELS),
    validFrom: z.iso.date().nullable().optional(),
    validTo: z.iso.date().nullable().optional(),
    sourceUrl: Url.nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
const Key = z.object({ id: z.string().max(200).openapi({ description: 'Id or code' }) });

const getRecord = createRoute({
  method: 'get',
  path: '/api/v1/organisations/{id}/record',
  tags,
  summary: 'An organisation as a record, with its version (ETag) for edits',
  request: { params: Key },
  responses: { 200: record, 404: all[404] },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/organisations',
  tags,
  summary: 'Create an organisation (administrators)',
  security: SESSION_SECURITY,
  request: { body: json(Fields) },
  responses: { 201: record, 400: all[400], 401: all[401], 403: all[403], 409: all[409] },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/organisations/{id}',
  tags,
  summary: 'Edit an organisation (administrators); the version read as `version` or If-Match',
  security: SESSION_SECURITY,
  request: {
    params: Key,
    headers: IfMatchHeaders,
    body: json(Fields.partial().extend({ version: VersionField.optional() }).strict()),
  },
  responses: {
    200: record,
    400: all[400],
    401: all[401],
    403: all[403],
    404: all[404],
    409: all[409],
    412: preconditionFailed,
  },
});
const reorganise = createRoute({
  method: 'post',
  path: '/api/v1/reorganisations',
  tags,
  summary:
    'Record a reorganisation: merge, absorb, rename or split, with its effective date (administrators)',
  description:
    'Adds predecessor → successor links; predecessors that cease to exist end the day before the effective date (an absorbing successor goes on); history is kept. Platforms follow their owners through the links at once.',
  security: SESSION_SECURITY,
  request: {
    body: json(
      z
        .object({
          kind: z.enum(LINK_KINDS),
          predecessors: z
            .array(z.string().min(1).max(200))
            .min(1)
            .max(50)
            .openapi({ description: 'Ids or codes' }),
          successors: z
            .array(z.string().min(1).max(200))
            .min(1)
            .max(50)
            .openapi({ description: 'Ids or codes' }),
          effectiveDate: z.iso.date(),
          legalBasis: z.string().trim().max(1000).nullable().optional(),
          sourceUrl: Url.nullable().optional(),
        })
        .strict(),
    ),
  },
  responses: {
    201: {
      description: 'The links added and the organisations whose dates changed',
      content: {
        'application/json': {
          schema: z.object({
            links: z.array(
              z.object({
                id: z.string(),
                predecessorId: z.string(),
                successorId: z.string(),
                kind: z.enum(LINK_KINDS),
                effectiveDate: z.string(),
                legalBasis: z.string().nullable(),
                sourceUrl: z.string().nullable(),
              }),
            ),
            organisations: z.array(OrganisationRecord),
          }),
        },
      },
    },
    400: all[400],
    401: all[401],
    403: all[403],
    409: all[409],
  },
});

export function organisationAdminRoutes(organisations: OrganisationAdminService) {
  return apiRouter()
    .openapi(getRecord, async (c) => {
      const o = await organisations.get(c.req.valid('param').id);
      c.header('ETag', etagOf(o.version));
      return c.json(present(o), 200);
    })
    .openapi(create, async (c) => {
      const b = c.req.valid('json');
      const o = await organisations.create(
        c.get('actor'),
        {
          ...b,
          nameEn: b.nameEn ?? null,
          validFrom: b.validFrom ?? null,
          validTo: b.validTo ?? null,
          sourceUrl: b.sourceUrl ?? null,
          note: b.note ?? null,
        },
        requestMeta(c),
      );
      c.header('ETag', etagOf(o.version));
      c.header('Location', `/api/v1/organisations/${o.id}`);
      return c.json(present(o), 201);
    })
    .openapi(update, async (c) => {
      const body = c.req.valid('json');
      const o = await versionedWrite(c, body.version, (version) =>
        organisations.update(c.get('actor'), c.req.valid('param').id, { ...body, version }, requestMeta(c)),
      );
      return c.json(present(o), 200);
    })
    .openapi(reorganise, async (c) => {
      const result = await organisations.reorganise(c.get('actor'), c.req.valid('json'), requestMeta(c));
      return c.json({ links: result.links, organisations: result.organisations.map(present) }, 201);
    });
}
