import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { findRun, insertRun, latestRuns, type CheckRun } from '../db/local-system-check-run.repository.ts';
import { latestSnapshots, listLocalSystems } from '../db/local-system.repository.ts';
import { listResolutions } from '../db/local-system-resolution.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { NotAllowedError, NotFoundError } from '../domain/errors.ts';
import type { Resolution } from '../domain/local-system.ts';
import {
  buildOverlapReport,
  overlapReportCsv,
  type OverlapReport,
  type ReportSystem,
} from '../domain/overlap-report.ts';
import { can, type Actor } from '../domain/permission.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { viewOf } from './local-system.service.ts';
import { requireActor } from './user.service.ts';

/**
 * The nationwide overlap report (the authority): built from each system's latest check, so it
 * reads fast; a recompute queues a run of the background job (jobs/overlap-recheck.job.ts),
 * which checks every system again and says when it finished.
 */
export interface OverlapReportView extends OverlapReport {
  generatedAt: string;
  catalogueRevision: number;
  runs: CheckRun[];
}

export function createOverlapReportService({
  db,
  clock,
  catalogue,
}: {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
}) {
  const allowed = (actor: Actor | null, action: 'overlap_report.read' | 'overlap_report.recompute') => {
    if (!can(requireActor(actor), action, { kind: 'overlap_report' })) throw new NotAllowedError(action);
  };

  /** Every system with its current locality, latest check and standing. */
  async function reportSystems(): Promise<ReportSystem[]> {
    const [snapshot, systems, latest, resolutions] = await Promise.all([
      catalogue.snapshot(),
      listLocalSystems(db),
      latestSnapshots(db),
      listResolutions(db),
    ]);
    const bySystem = new Map<string, Resolution[]>();
    for (const r of resolutions) bySystem.set(r.localSystemId, [...(bySystem.get(r.localSystemId) ?? []), r]);
    const today = clock.today();
    return systems.map((s) => {
      const v = viewOf(snapshot, today, s, latest.get(s.id) ?? null, bySystem.get(s.id) ?? []);
      return {
        id: v.id,
        name: v.name,
        status: v.status,
        locality: v.locality,
        origin: v.origin,
        budgetVnd: v.budgetVnd,
        latestCheck: v.latestCheck,
        standing: v.standing,
      };
    });
  }

  return {
    reportSystems,

    async report(actor: Actor | null): Promise<OverlapReportView> {
      allowed(actor, 'overlap_report.read');
      const [systems, snapshot, runs] = await Promise.all([
        reportSystems(),
        catalogue.snapshot(),
        latestRuns(db),
      ]);
      return {
        ...buildOverlapReport(systems),
        generatedAt: clock.now().toISOString(),
        catalogueRevision: snapshot.revision,
        runs,
      };
    },

    /** The report as CSV; the export is recorded, like the audit log's. */
    async exportCsv(actor: Actor | null, ctx: WriteContext): Promise<string> {
      allowed(actor, 'overlap_report.read');
      const systems = await reportSystems();
      const now = clock.now();
      await appendAudit(
        db,
        ctx,
        [
          {
            action: 'overlap_report.export',
            targetType: 'overlap_report',
            targetId: null,
            after: { rows: systems.length },
          },
        ],
        now,
      );
      return overlapReportCsv(systems);
    },

    /** Queues a full recompute; the background job runs it and records when it finished. */
    async recompute(actor: Actor | null, ctx: WriteContext): Promise<CheckRun> {
      allowed(actor, 'overlap_report.recompute');
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const run = await insertRun(
          tx,
          { id: randomUUID(), kind: 'recompute', status: 'queued', requestedBy: ctx.actor?.userId ?? null },
          now,
        );
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'overlap_report.recompute',
              targetType: 'local_system_check_run',
              targetId: run.id,
              after: { status: run.status },
            },
          ],
          now,
        );
        return run;
      });
    },

    async run(actor: Actor | null, id: string): Promise<CheckRun> {
      allowed(actor, 'overlap_report.read');
      const run = await findRun(db, id);
      if (!run) throw new NotFoundError('local_system_check_run', id);
      return run;
    },
  };
}
export type OverlapReportService = ReturnType<typeof createOverlapReportService>;
