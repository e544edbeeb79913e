import { z } from '@hono/zod-openapi';
import {
  CONNECTION_STATUSES,
  DEPLOYMENT_LEVELS,
  OWNER_BASES,
  PLATFORM_KINDS,
  PLATFORM_SCOPES,
  PLATFORM_STATUSES,
} from '../../domain/platform.ts';
import { LINK_KINDS, ORGANISATION_KINDS, ORGANISATION_LEVELS } from '../../domain/organisation.ts';

/** Response and parameter schemas shared by the API routes; the OpenAPI document is generated from them. */

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable machine-readable error code', example: 'not_found' }),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponses = {
  400: { description: 'Invalid parameters', content: { 'application/problem+json': { schema: Problem } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: Problem } } },
} as const;

/** A repeatable query parameter: `?kind=a&kind=b` or `?kind=a,b`. */
export function listParam<T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s !== ''),
    )
    .pipe(z.array(z.enum(values)).max(20).optional())
    .openapi({ description, param: { style: 'form', explode: true } });
}

export const OrganisationRef = z.object({ id: z.string(), name: z.string() }).openapi('OrganisationRef');

const Connection = z.object({ status: z.enum(CONNECTION_STATUSES), since: z.string().nullable() });

export const PlatformSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string().openapi({ description: 'Vietnamese name (NFC)' }),
    nameEn: z.string().nullable(),
    aliases: z.array(z.string()),
    kind: z.enum(PLATFORM_KINDS),
    scope: z.enum(PLATFORM_SCOPES),
    status: z.enum(PLATFORM_STATUSES).nullable(),
    owner: OrganisationRef.nullable().openapi({
      description: 'Current owner, after reorganisations; null when not yet known',
    }),
    declaredOwner: OrganisationRef.nullable().openapi({ description: 'The owner as named when declared' }),
    ownerBasis: z.enum(OWNER_BASES),
    editions: z.array(z.string()).openapi({ description: 'Numbers of the official documents listing it' }),
    ndxp: Connection,
    ndop: Connection,
    updatedAt: z.string(),
  })
  .openapi('PlatformSummary');

export const MatchReason = z.object({
  field: z.string(),
  kind: z.string(),
  query: z.string(),
  matched: z.string(),
});

export const PlatformListItem = PlatformSummary.extend({
  score: z.number().optional(),
  reasons: z.array(MatchReason).optional(),
}).openapi('PlatformListItem');

const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const PlatformList = z
  .object({
    items: z.array(PlatformListItem),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    facets: z.record(z.string(), z.array(FacetValue)),
    didYouMean: z.string().nullable(),
  })
  .openapi('PlatformList');

export const Platform = PlatformSummary.extend({
  description: z.string().nullable(),
  functions: z.array(z.string()),
  field: z.string().nullable(),
  deploymentLevels: z.array(z.enum(DEPLOYMENT_LEVELS)),
  operator: z.string().nullable(),
  focalPoints: z.array(
    z.object({
      name: z.string(),
      unit: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  website: z.string().nullable(),
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  sources: z.array(z.object({ url: z.string(), note: z.string().nullable() })),
  createdAt: z.string(),
}).openapi('Platform');

export const Organisation = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(ORGANISATION_KINDS),
    level: z.enum(ORGANISATION_LEVELS),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    current: z.boolean(),
    sourceUrl: z.string().nullable(),
  })
  .openapi('Organisation');

export const OrganisationLink = z
  .object({
    kind: z.enum(LINK_KINDS),
    effectiveDate: z.string(),
    legalBasis: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    predecessor: OrganisationRef,
    successor: OrganisationRef,
  })
  .openapi('OrganisationLink');

export const OrganisationDetail = Organisation.extend({
  formedFrom: z.array(OrganisationLink),
  becameOf: z.array(OrganisationLink),
  currentSuccessors: z
    .array(OrganisationRef)
    .openapi({ description: 'Bodies that carry it on today (itself when not reorganised)' }),
  predecessors: z
    .array(OrganisationRef)
    .openapi({ description: 'Every body merged, renamed or split into it, at any depth' }),
  platformCount: z.number().int(),
}).openapi('OrganisationDetail');

export const Document = z.object({
  id: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  issuerName: z.string(),
  kind: z.string(),
  title: z.string(),
  citation: z.string().openapi({ example: '2765/BTTTT-CĐSQG ngày 15/07/2024' }),
  sourceUrl: z.string().nullable(),
  note: z.string().nullable(),
});

export const EditionSummary = z
  .object({
    id: z.string(),
    document: Document,
    status: z.enum(['draft', 'published']),
    declaredTotal: z.number().int().nullable(),
    registeredTotal: z.number().int(),
  })
  .openapi('EditionSummary');

export const EditionDetail = EditionSummary.extend({
  perOwner: z.array(
    z.object({
      owner: OrganisationRef,
      currentOwner: OrganisationRef.nullable(),
      declared: z.number().int().nullable(),
      registered: z.number().int(),
      note: z.string().nullable(),
      sourceUrl: z.string().nullable(),
    }),
  ),
  registeredWithoutOwner: z.number().int(),
  platforms: z.array(PlatformSummary),
}).openapi('EditionDetail');

export const Statistics = z
  .object({
    total: z.number().int(),
    byOwner: z.array(z.object({ owner: OrganisationRef.nullable(), count: z.number().int() })),
    byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
    byStatus: z.array(z.object({ status: z.string().nullable(), count: z.number().int() })),
    byScope: z.array(z.object({ scope: z.string(), count: z.number().int() })),
    ndxpConnected: z.number().int(),
    ndopConnected: z.number().int(),
  })
  .openapi('Statistics');
