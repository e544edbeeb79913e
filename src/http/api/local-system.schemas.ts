import { z } from '@hono/zod-openapi';
import { LOCAL_SYSTEM_STATUSES } from '../../domain/local-system.ts';
import { DEFAULT_PROPOSAL_LIMITS as L } from '../../domain/overlap/index.ts';
import { OrganisationRef } from './schemas.ts';
import { VersionField } from './write-context.ts';

/** Request and response shapes of local systems, comply-or-explain and the overlap report. */
const Text = (max: number) => z.string().trim().max(max);
const Lines = (maxItems: number, maxChars: number) => z.array(Text(maxChars).min(1)).max(maxItems);

export const Decision = z
  .object({
    number: Text(100).min(1).openapi({ example: '123/QĐ-UBND' }),
    date: z.iso.date().openapi({ description: 'yyyy-mm-dd' }),
  })
  .openapi('InvestmentDecision');
export const Contact = z
  .object({
    name: Text(200).nullable(),
    email: Text(254).nullable(),
    phone: Text(30).nullable(),
  })
  .openapi('LocalSystemContact');

const content = {
  name: Text(L.nameMaxChars)
    .min(1)
    .openapi({ example: 'Hệ thống quản lý văn bản và điều hành của tỉnh (thử nghiệm)' }),
  description: Text(L.descriptionMaxChars),
  functions: Lines(L.maxFunctions, L.functionMaxChars),
  data: Lines(L.maxData, L.dataMaxChars).openapi({ description: 'The data it holds' }),
  status: z.enum(LOCAL_SYSTEM_STATUSES),
  decision: Decision.nullable(),
  budgetVnd: z.number().int().min(0).nullable().openapi({ description: 'Whole đồng' }),
  contact: Contact,
};

export const CreateLocalSystem = z
  .object({
    organisation: z.string().max(200).optional().openapi({
      description: 'Locality id or code; a former province too (then it belongs to its successor)',
    }),
    ...content,
    description: content.description.default(''),
    functions: content.functions.default([]),
    data: content.data.default([]),
    status: content.status.optional(),
    decision: content.decision.default(null),
    budgetVnd: content.budgetVnd.default(null),
    contact: Contact.partial()
      .default({})
      .transform((c) => ({ name: c.name ?? null, email: c.email ?? null, phone: c.phone ?? null })),
  })
  .strict();

export const UpdateLocalSystem = z
  .object({
    version: VersionField,
    name: content.name.optional(),
    description: content.description.optional(),
    functions: content.functions.optional(),
    data: content.data.optional(),
    status: content.status.optional(),
    decision: content.decision.optional(),
    budgetVnd: content.budgetVnd.optional(),
    contact: Contact.partial().optional(),
  })
  .strict();

const Long = Text(5000);
export const CreateResolution = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('adoption'),
      platform: z
        .string()
        .min(1)
        .max(200)
        .openapi({ description: 'The catalogue platform used instead: id or slug' }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('justification'),
      reason: Long.optional().openapi({ description: 'Required: why the locality needs its own system' }),
      platformUnfit: Long.optional().openapi({
        description: 'Required: why the national platform does not fit',
      }),
      costComparison: Long.optional().openapi({
        description: 'Required: its cost against using the platform',
      }),
      integrationPlan: Long.optional().openapi({ description: 'How it connects to the platform (optional)' }),
    })
    .strict(),
]);

export const DecideResolution = z
  .object({ decision: z.enum(['accept', 'reject']), comment: Text(5000).min(1) })
  .strict();

export const SnapshotSchema = z
  .object({
    id: z.number().int(),
    localSystemId: z.string(),
    systemVersion: z.number().int(),
    verdict: z.enum(['overlap', 'related', 'clear']),
    score: z.number(),
    matches: z.array(
      z.object({
        platformId: z.string(),
        name: z.string(),
        level: z.enum(['overlap', 'related']),
        score: z.number(),
        reasons: z.array(z.string()),
      }),
    ),
    catalogueRevision: z.number().int(),
    rulesVersion: z.string(),
    trigger: z.enum(['record', 'edit', 'recheck', 'recompute', 'manual']),
    checkedAt: z.string(),
  })
  .openapi('LocalSystemCheck');

export const ResolutionSchema = z
  .object({
    id: z.string(),
    localSystemId: z.string(),
    checkId: z.number().int(),
    kind: z.enum(['adoption', 'justification']),
    platformId: z.string().nullable(),
    coveredPlatformIds: z.array(z.string()),
    justification: z
      .object({
        reason: z.string(),
        platformUnfit: z.string(),
        costComparison: z.string(),
        integrationPlan: z.string().nullable(),
      })
      .nullable(),
    status: z.enum(['adopted', 'pending', 'accepted', 'rejected']),
    reviewComment: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('LocalSystemResolution');

export const STANDINGS = ['none', 'adopted', 'justified', 'pending', 'rejected', 'unresolved'] as const;

export const LocalSystemSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    originOrganisationId: z.string(),
    locality: OrganisationRef.nullable().openapi({ description: 'Today’s locality (the successor)' }),
    origin: OrganisationRef.nullable().openapi({ description: 'The body it was recorded for' }),
    ...content,
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    latestCheck: SnapshotSchema.nullable(),
    standing: z.enum(STANDINGS),
  })
  .openapi('LocalSystem');

export const LocalSystemDetailSchema = LocalSystemSchema.extend({
  checks: z.array(SnapshotSchema),
  resolutions: z.array(ResolutionSchema),
}).openapi('LocalSystemDetail');
