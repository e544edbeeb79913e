import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  pruneEndedSessions,
  pruneExpiredFlows,
  pruneExpiredResetTokens,
  pruneFinishedDeliveries,
  pruneFinishedEmails,
  pruneStaleThrottles,
  type RetentionTable,
} from '../db/retention.repository.ts';
import { retentionCutoffs, type RetentionPolicy } from '../domain/retention.ts';

/**
 * The retention job: deletes finished webhook deliveries, sent and given-up e-mails, and
 * expired sessions, sign-on flows, reset tokens and stale sign-in failure counters once they are
 * older than the policy says.
 * Each batch is one short transaction with its audit entry (action `retention.prune`, no actor),
 * so a pass never holds a large lock and PGlite's one session is handed back between batches.
 * Publication events and the audit log are never pruned.
 */
export interface RetentionDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  policy: RetentionPolicy;
  /** Mail is given up after this many attempts (MAIL_MAX_ATTEMPTS). */
  mailMaxAttempts: number;
  /** A session also ends after this long unused (SESSION_IDLE_MINUTES). */
  sessionIdleMs: number;
  /** Minutes between passes; 0: no timer (runOnce only). */
  intervalMinutes: number;
  /** Rows per delete; and at most this many batches per table and pass. */
  batchSize?: number;
  maxBatches?: number;
}

export type RetentionResult = Record<RetentionTable, number>;

const SYSTEM = { actor: null, requestId: null, clientAddress: null };

export function createRetentionJob(deps: RetentionDeps) {
  const { db, clock, log, policy } = deps;
  const batchSize = deps.batchSize ?? 500;
  const maxBatches = deps.maxBatches ?? 200;
  let timer: NodeJS.Timeout | null = null;
  let first: NodeJS.Timeout | null = null;
  let stopping = false;
  let running: Promise<RetentionResult> | null = null;

  /** Deletes batch after batch until one comes back short; returns the rows deleted. */
  async function drain(table: RetentionTable, cutoff: Date, prune: (tx: Db) => Promise<number>) {
    let total = 0;
    for (let batch = 0; batch < maxBatches && !stopping; batch++) {
      const count = await db.transaction().execute(async (tx) => {
        const n = await prune(tx);
        if (n > 0)
          await appendAudit(
            tx,
            SYSTEM,
            [
              {
                action: 'retention.prune',
                targetType: table,
                targetId: null,
                after: { deleted: n, olderThan: cutoff.toISOString() },
              },
            ],
            clock.now(),
          );
        return n;
      });
      total += count;
      if (count < batchSize) break;
    }
    return total;
  }

  async function pass(): Promise<RetentionResult> {
    const cut = retentionCutoffs(clock.now(), policy);
    const result: RetentionResult = {
      webhook_delivery: await drain('webhook_delivery', cut.deliveries, (tx) =>
        pruneFinishedDeliveries(tx, cut.deliveries, batchSize),
      ),
      email_outbox: await drain('email_outbox', cut.emails, (tx) =>
        pruneFinishedEmails(tx, cut.emails, deps.mailMaxAttempts, batchSize),
      ),
      session: await drain('session', cut.expired, (tx) =>
        pruneEndedSessions(tx, cut.expired, deps.sessionIdleMs, batchSize),
      ),
      oidc_flow: await drain('oidc_flow', cut.expired, (tx) => pruneExpiredFlows(tx, cut.expired, batchSize)),
      password_reset: await drain('password_reset', cut.expired, (tx) =>
        pruneExpiredResetTokens(tx, cut.expired, batchSize),
      ),
      sign_in_throttle: await drain('sign_in_throttle', cut.expired, (tx) =>
        pruneStaleThrottles(tx, cut.expired, batchSize),
      ),
    };
    if (Object.values(result).some((n) => n > 0)) log.info({ deleted: result }, 'retention pass');
    return result;
  }

  /** One pass now (the test hook); passes never overlap. */
  const runOnce = (): Promise<RetentionResult> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    runOnce,
    start() {
      if (deps.intervalMinutes <= 0 || timer) return;
      const run = () => {
        runOnce().catch((error: unknown) => log.error({ err: error }, 'retention pass failed'));
      };
      // A first pass a minute after start, so frequent restarts do not postpone it forever.
      first = setTimeout(run, 60_000);
      first.unref();
      timer = setInterval(run, deps.intervalMinutes * 60_000);
      timer.unref(); // never keeps the process alive on its own
    },
    /** Stops the timer and waits for a pass in progress (before the database closes). */
    async stop() {
      stopping = true; // a pass in progress ends after its current batch
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = null;
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
export type RetentionJob = ReturnType<typeof createRetentionJob>;
