import { z } from '@hono/zod-openapi';
import { CHANGE_REQUEST_KINDS, CHANGE_REQUEST_STATUSES, COMMENT_KINDS } from '../../domain/change-request.ts';
import { CONTENT_FIELDS } from '../../domain/platform-version.ts';
import {
  CONNECTION_STATUSES,
  DEPLOYMENT_LEVELS,
  PLATFORM_KINDS,
  PLATFORM_SCOPES,
} from '../../domain/platform.ts';
import { OrganisationRef } from './schemas.ts';

/**
 * What a ministry may propose, validated field by field. Strict: an unknown field (the owner,
 * the status of the request, ...) is a 400, never silently taken, so no parameter can raise
 * anyone's rights. Retirement has its own kind of request, so `status` stops at operating.
 */
const Web = z.url({ protocol: /^https?$/ }).max(1000);
const Line = (max: number) => z.string().trim().max(max);
const Connection = z.object({ status: z.enum(CONNECTION_STATUSES), since: z.iso.date().nullable() }).strict();

export const ProposedContent = z
  .object({
    name: Line(300).min(1),
    nameEn: Line(300).nullable(),
    aliases: z.array(Line(200).min(1)).max(20),
    description: Line(5000).nullable(),
    functions: z.array(Line(500).min(1)).max(50),
    field: Line(200).nullable(),
    kind: z.enum(PLATFORM_KINDS),
    scope: z.enum(PLATFORM_SCOPES),
    deploymentLevels: z.array(z.enum(DEPLOYMENT_LEVELS)).max(3),
    status: z.enum(['planned', 'in_development', 'operating']).nullable(),
    operator: Line(300).nullable(),
    website: Web.nullable(),
    ndxp: Connection,
    ndop: Connection,
    legalBasis: Line(1000).nullable(),
    note: Line(2000).nullable(),
    focalPoints: z
      .array(
        z
          .object({
            name: Line(200).min(1),
            unit: Line(300).nullable(),
            email: z.email().max(254).nullable(),
            phone: z
              .string()
              .trim()
              .regex(/^[0-9 +().-]{3,30}$/)
              .nullable(),
          })
          .strict(),
      )
      .max(20),
    sources: z.array(z.object({ url: Web, note: Line(500).nullable() }).strict()).max(20),
  })
  .partial()
  .strict()
  .openapi('ProposedContent');

const Person = z.object({ id: z.string(), name: z.string() });

export const ChangeRequestSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CHANGE_REQUEST_KINDS),
    status: z.enum(CHANGE_REQUEST_STATUSES),
    summary: z.string(),
    platformId: z.string().nullable(),
    basePlatformVersion: z.number().int().nullable(),
    platformChanged: z
      .boolean()
      .openapi({ description: 'The platform changed since the proposal was written: bring it up to date' }),
    organisation: OrganisationRef.nullable(),
    author: Person,
    decider: Person.nullable(),
    proposed: z.record(z.string(), z.unknown()),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    publishedVersion: z.number().int().nullable(),
    deadline: z
      .object({ dueOn: z.string(), workingDaysLeft: z.number().int(), overdue: z.boolean() })
      .nullable()
      .openapi({
        description: 'While awaiting review: due date in working days (weekends and holidays skipped)',
      }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ChangeRequest');

export const ChangeRequestDetail = ChangeRequestSchema.extend({
  platform: z
    .object({ id: z.string(), slug: z.string(), name: z.string(), version: z.number().int() })
    .nullable(),
  changes: z.array(z.object({ field: z.enum(CONTENT_FIELDS), from: z.unknown(), to: z.unknown() })),
  completeness: z.object({
    score: z.number().int().openapi({ description: '0–100; required fields weigh twice' }),
    missingRequired: z.array(z.string()),
    missingRecommended: z.array(z.string()),
    ready: z.boolean(),
  }),
  comments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(COMMENT_KINDS),
      author: Person,
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
}).openapi('ChangeRequestDetail');
