import { createRoute, z } from '@hono/zod-openapi';
import { LOCAL_SYSTEM_STATUSES } from '../../domain/local-system.ts';
import type { OverlapReportService } from '../../services/overlap-report.service.ts';
import { STANDINGS } from './local-system.schemas.ts';
import { apiRouter } from './router.ts';
import { OrganisationRef } from './schemas.ts';
import { requestMeta, SESSION_SECURITY, writeProblems as all } from './write-context.ts';

/** The nationwide overlap report for the authority: JSON, CSV, and a background recompute. */
const tags = ['Overlap report'];
const Status = z.enum(LOCAL_SYSTEM_STATUSES);
const Standing = z.enum(STANDINGS);
const Run = z
  .object({
    id: z.string(),
    kind: z.enum(['recheck', 'recompute']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    catalogueRevision: z.number().int().nullable(),
    checked: z.number().int(),
    newlyOverlapping: z.number().int(),
    error: z.string().nullable(),
  })
  .openapi('LocalSystemCheckRun');
const Report = z
  .object({
    generatedAt: z.string(),
    catalogueRevision: z.number().int(),
    checkedFrom: z.string().nullable(),
    checkedTo: z.string().nullable(),
    catalogueRevisions: z.array(z.number().int()),
    totals: z.object({
      systems: z.number().int(),
      localities: z.number().int(),
      overlapping: z.number().int(),
      unresolved: z.number().int(),
      unchecked: z.number().int(),
    }),
    byPlatform: z.array(
      z.object({
        platform: z.object({ id: z.string(), name: z.string() }),
        localities: z.number().int(),
        systems: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            status: Status,
            locality: OrganisationRef.nullable(),
            origin: OrganisationRef.nullable(),
            score: z.number(),
            standing: Standing,
          }),
        ),
      }),
    ),
    byLocality: z.array(
      z.object({
        locality: OrganisationRef.nullable(),
        systems: z.number().int(),
        overlapping: z.number().int(),
        unresolved: z.number().int(),
        items: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            status: Status,
            origin: OrganisationRef.nullable(),
            verdict: z.enum(['overlap', 'related', 'clear']).nullable(),
            standing: Standing,
            duplicates: z.array(z.string()),
          }),
        ),
      }),
    ),
    runs: z.array(Run).openapi({ description: 'The latest re-check runs, newest first' }),
  })
  .openapi('OverlapReport');
const reads = { 400: all[400], 401: all[401], 403: all[403] };

const report = createRoute({
  method: 'get',
  path: '/api/v1/overlap-report',
  tags,
  summary: 'Every local system against the catalogue, by duplicated platform and by locality (the authority)',
  description: 'From each system’s latest check; `checkedFrom`/`checkedTo` and `runs` say how fresh it is.',
  security: SESSION_SECURITY,
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: Report } } },
    ...reads,
  },
});
const exportCsv = createRoute({
  method: 'get',
  path: '/api/v1/overlap-report/export',
  tags,
  summary: 'The report as CSV, one row per local system (the authority)',
  security: SESSION_SECURITY,
  responses: {
    200: {
      description: 'RFC 4180 CSV, UTF-8 with a byte-order mark',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...reads,
  },
});
const recompute = createRoute({
  method: 'post',
  path: '/api/v1/overlap-report/recompute',
  tags,
  summary: 'Check every local system again in the background (the authority)',
  security: SESSION_SECURITY,
  responses: {
    202: {
      description: 'The queued run; follow it at /api/v1/overlap-report/runs/{id}',
      content: { 'application/json': { schema: Run } },
    },
    ...reads,
  },
});
const run = createRoute({
  method: 'get',
  path: '/api/v1/overlap-report/runs/{id}',
  tags,
  summary: 'A re-check run: its status, when it started and finished, what it found',
  security: SESSION_SECURITY,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: Run } } },
    ...reads,
    404: all[404],
  },
});

export function overlapReportRoutes(reports: OverlapReportService) {
  return apiRouter()
    .openapi(report, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await reports.report(c.get('actor')), 200);
    })
    .openapi(exportCsv, async (c) => {
      const csv = await reports.exportCsv(c.get('actor'), requestMeta(c));
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="overlap-report-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      });
    })
    .openapi(recompute, async (c) => c.json(await reports.recompute(c.get('actor'), requestMeta(c)), 202))
    .openapi(run, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await reports.run(c.get('actor'), c.req.valid('param').id), 200);
    });
}
