import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { enqueueEmail } from '../db/email-outbox.repository.ts';
import {
  claimQueuedRuns,
  finishRun,
  insertRun,
  localityOfficerEmails,
  type CheckRun,
} from '../db/local-system-check-run.repository.ts';
import {
  insertSnapshot,
  latestSnapshots,
  listLocalSystems,
  lockLocalSystems,
  staleSystemIds,
} from '../db/local-system.repository.ts';
import { currentOwner } from '../domain/catalogue.ts';
import { LOCAL_SYSTEMS_PAGE, overlappingPlatformIds, type LocalSystem } from '../domain/local-system.ts';
import { format } from '../i18n/index.ts';
import { localSystemsEn } from '../i18n/local-systems.en.ts';
import { localSystemsVi } from '../i18n/local-systems.vi.ts';
import type { LocalSystemChecker } from '../services/local-system.check.ts';

/**
 * Re-checks local systems in the background when the catalogue (its revision) or the overlap
 * rules change, and runs the full recomputes the authority asks for. A pass stores a new
 * snapshot per system and tells the localities whose systems are NEWLY in overlap (a platform
 * they did not overlap before) by e-mail through the outbox. One transaction per locality:
 * its snapshots, its e-mails and its audit entry commit together; the systems are locked, so
 * two instances never both report the same change.
 */
export interface RecheckDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  checker: LocalSystemChecker;
  /** Base of the link in the e-mails (the configured public URL). */
  linkBase: string;
  /** Pause between passes. */
  intervalMs?: number;
}

export interface PassResult {
  runs: string[];
  checked: number;
  newlyOverlapping: number;
  notified: number;
}

export function createOverlapRecheckJob(deps: RecheckDeps) {
  const { db, clock, log, checker } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PassResult | null> | null = null;
  let stopped = false;

  async function recheckLocality(
    localityId: string,
    systemIds: string[],
    trigger: 'recheck' | 'recompute',
    runId: string,
    at: Awaited<ReturnType<LocalSystemChecker['current']>>,
  ) {
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const systems = await lockLocalSystems(tx, systemIds);
      const previous = await latestSnapshots(tx, systemIds);
      const newly: { system: LocalSystem; platforms: string[] }[] = [];
      let checked = 0;
      for (const system of systems) {
        const before = previous.get(system.id);
        // Another instance (or an edit) checked it against this catalogue meanwhile.
        if (
          trigger === 'recheck' &&
          before &&
          before.catalogueRevision === at.snapshot.revision &&
          before.rulesVersion === at.rulesVersion &&
          before.systemVersion === system.version
        )
          continue;
        const snapshot = await insertSnapshot(tx, await checker.check(system, trigger, now, at));
        checked++;
        const was = new Set(before ? overlappingPlatformIds(before) : []);
        const added = snapshot.matches.filter((m) => m.level === 'overlap' && !was.has(m.platformId));
        if (added.length > 0) newly.push({ system, platforms: added.map((m) => m.name) });
      }
      let notified = 0;
      if (newly.length > 0) {
        const locality = at.snapshot.directory.byId.get(localityId);
        const emails = await localityOfficerEmails(tx, localityId);
        const body = [
          format(localSystemsVi.email.intro, { locality: locality?.name ?? '' }),
          ...newly.map((n) =>
            format(localSystemsVi.email.line, { system: n.system.name, platforms: n.platforms.join('; ') }),
          ),
          '',
          format(localSystemsVi.email.link, { url: `${deps.linkBase}${LOCAL_SYSTEMS_PAGE}` }),
          '',
          '---',
          format(localSystemsEn.email.intro, { locality: locality?.name ?? '' }),
          ...newly.map((n) =>
            format(localSystemsEn.email.line, { system: n.system.name, platforms: n.platforms.join('; ') }),
          ),
        ].join('\n');
        for (const to of emails)
          await enqueueEmail(
            tx,
            { id: randomUUID(), to, subject: localSystemsVi.email.subject, body, purpose: 'overlap_recheck' },
            now,
          );
        notified = emails.length;
      }
      if (checked > 0)
        await appendAudit(
          tx,
          { actor: null, requestId: null, clientAddress: null },
          [
            {
              action: 'local_system.recheck',
              targetType: 'organisation',
              targetId: localityId,
              after: {
                runId,
                trigger,
                catalogueRevision: at.snapshot.revision,
                rulesVersion: at.rulesVersion,
                checked,
                newlyOverlapping: newly.map((n) => n.system.id),
                notified,
              },
            },
          ],
          now,
        );
      return { checked, newly: newly.length, notified };
    });
  }

  /** One pass: the queued recomputes, else the systems checked against an older catalogue or rules. */
  async function pass(): Promise<PassResult | null> {
    const at = await checker.current();
    const claimed: CheckRun[] = await claimQueuedRuns(db, clock.now());
    const recompute = claimed.length > 0;
    const ids = recompute
      ? (await listLocalSystems(db)).map((s) => s.id)
      : await staleSystemIds(db, at.snapshot.revision, at.rulesVersion);
    if (!recompute && ids.length === 0) return null;
    const runs = recompute
      ? claimed
      : [
          await insertRun(
            db,
            { id: randomUUID(), kind: 'recheck', status: 'running', requestedBy: null },
            clock.now(),
          ),
        ];
    const runId = runs[0]?.id ?? '';
    const result: PassResult = { runs: runs.map((r) => r.id), checked: 0, newlyOverlapping: 0, notified: 0 };
    try {
      const systems = await listLocalSystems(db);
      const wanted = new Set(ids);
      const byLocality = new Map<string, string[]>();
      const today = clock.today();
      for (const s of systems) {
        if (!wanted.has(s.id)) continue;
        const locality = currentOwner(at.snapshot.directory, s.organisationId, today)?.id ?? s.organisationId;
        byLocality.set(locality, [...(byLocality.get(locality) ?? []), s.id]);
      }
      for (const [locality, systemIds] of byLocality) {
        const r = await recheckLocality(locality, systemIds, recompute ? 'recompute' : 'recheck', runId, at);
        result.checked += r.checked;
        result.newlyOverlapping += r.newly;
        result.notified += r.notified;
      }
      for (const run of runs)
        await finishRun(
          db,
          run.id,
          {
            status: 'done',
            catalogueRevision: at.snapshot.revision,
            checked: result.checked,
            newlyOverlapping: result.newlyOverlapping,
          },
          clock.now(),
        );
      log.info({ ...result, revision: at.snapshot.revision }, 'local systems re-checked');
      return result;
    } catch (error) {
      for (const run of runs)
        await finishRun(
          db,
          run.id,
          {
            status: 'failed',
            catalogueRevision: at.snapshot.revision,
            checked: result.checked,
            newlyOverlapping: result.newlyOverlapping,
            error: error instanceof Error ? error.message.slice(0, 500) : 'error',
          },
          clock.now(),
        );
      throw error;
    }
  }

  /** Runs one pass now (tests, and the timer); passes never overlap within one process. */
  function runOnce(): Promise<PassResult | null> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log.error({ err: error }, 'overlap re-check failed'))
        .finally(schedule);
    }, deps.intervalMs ?? 10_000);
    timer.unref();
  };

  return {
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    /** Stops the timer and waits for a pass in progress. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
export type OverlapRecheckJob = ReturnType<typeof createOverlapRecheckJob>;
