import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import {
  claimUndispatchedEvents,
  markEventsDispatched,
  readPublicationEvent,
} from '../db/publication-event.repository.ts';
import {
  claimDueDeliveries,
  insertDeliveries,
  recordAttempt,
  type ClaimedDelivery,
} from '../db/webhook-delivery.repository.ts';
import { listWebhooks, readWebhook, readWebhookSecret } from '../db/webhook.repository.ts';
import {
  isDelivered,
  nextAttemptAt,
  signDelivery,
  wantsEvent,
  type PublicationEvent,
  type RetryPolicy,
} from '../domain/notification.ts';
import { postWebhook, type SendResult } from './webhook-sender.ts';
import { openSecret } from './webhook-secret.ts';

/**
 * The webhook dispatcher: a small loop around `runOnce`, which (1) turns new publication events
 * into one delivery per interested endpoint, and (2) sends the deliveries that are due, logging
 * every attempt and planning the next one with exponential back-off. Safe with several
 * instances: events and deliveries are claimed with FOR UPDATE SKIP LOCKED, deliveries leased.
 */
export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  config: Config['webhooks'];
  log: Logger;
  /** The public page of what an event published (absolute). */
  pageUrl: (event: PublicationEvent) => string;
}

export interface PassResult {
  planned: number;
  attempted: number;
  succeeded: number;
  failed: number;
}

const EVENTS_PER_PASS = 100;
const DELIVERIES_PER_PASS = 20;
const MAX_DELAY_SECONDS = 6 * 60 * 60;

/** The JSON a receiver gets: the event, and a link to the public page of what it is about. */
export function deliveryBody(event: PublicationEvent, url: string): string {
  const s = event.subject;
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    summary: event.summary,
    ...(s.kind === 'platform'
      ? { platform: { id: s.platformId, slug: s.slug, name: event.title, version: event.version, url } }
      : { edition: { id: s.editionId, documentNumber: s.documentNumber, name: event.title, url } }),
  });
}

export function createWebhookDispatcher(deps: DispatcherDeps) {
  const { db, clock, config, log } = deps;
  const key = config.secretKey ? Buffer.from(config.secretKey, 'hex') : null;
  const policy: RetryPolicy = {
    maxAttempts: config.maxAttempts,
    baseDelaySeconds: config.retryBaseSeconds,
    maxDelaySeconds: MAX_DELAY_SECONDS,
  };

  async function plan(now: Date): Promise<number> {
    return db.transaction().execute(async (tx) => {
      const events = await claimUndispatchedEvents(tx, EVENTS_PER_PASS);
      if (events.length === 0) return 0;
      const webhooks = await listWebhooks(tx, { enabledOnly: true });
      // An endpoint gets what was published after it was registered, not the history before.
      const rows = events.flatMap((event) =>
        webhooks
          .filter((w) => wantsEvent(w.eventTypes, event.type) && w.createdAt <= event.occurredAt)
          .map((w) => ({ id: randomUUID(), webhookId: w.id, eventId: event.id })),
      );
      await insertDeliveries(tx, rows, now);
      await markEventsDispatched(
        tx,
        events.map((e) => e.id),
        now,
      );
      return rows.length;
    });
  }

  /** Sends one delivery; every failure (even before the network) is a result for the log. */
  async function attemptDelivery(claimed: ClaimedDelivery, startedAt: Date): Promise<SendResult> {
    const [event, webhook, sealed] = await Promise.all([
      readPublicationEvent(db, claimed.eventId),
      readWebhook(db, claimed.webhookId),
      readWebhookSecret(db, claimed.webhookId),
    ]);
    if (!event || !webhook || sealed === null)
      return { statusCode: null, error: 'endpoint or event gone', durationMs: 0 };
    let secret: string;
    try {
      secret = openSecret(sealed, key);
    } catch {
      return { statusCode: null, error: 'secret_unreadable', durationMs: 0 };
    }
    const body = deliveryBody(event, deps.pageUrl(event));
    const timestamp = Math.floor(startedAt.getTime() / 1000).toString();
    return postWebhook(
      webhook.url,
      {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'ndp-registry-webhooks/1',
        'X-NDP-Event': event.type,
        'X-NDP-Delivery': claimed.id,
        'X-NDP-Timestamp': timestamp,
        'X-NDP-Signature': signDelivery(secret, timestamp, body),
      },
      body,
      { timeoutMs: config.timeoutMs, allowPrivate: config.allowPrivate },
    );
  }

  async function send(claimed: ClaimedDelivery): Promise<boolean> {
    const startedAt = clock.now();
    const attempt = claimed.attempts + 1;
    const result = await attemptDelivery(claimed, startedAt);
    const ok = isDelivered(result.statusCode);
    const next = ok ? null : nextAttemptAt(policy, attempt, startedAt);
    await db.transaction().execute((tx) =>
      recordAttempt(
        tx,
        claimed.id,
        {
          attempt,
          startedAt,
          statusCode: result.statusCode,
          durationMs: result.durationMs,
          error: ok ? null : (result.error ?? `HTTP ${result.statusCode}`),
          nextAttemptAt: next,
        },
        ok ? 'succeeded' : next ? 'pending' : 'failed',
      ),
    );
    if (!ok)
      log.warn(
        { delivery: claimed.id, attempt, error: result.error, status: result.statusCode },
        'webhook delivery failed',
      );
    return ok;
  }

  let running: Promise<PassResult> | null = null;

  /** One pass: plan new events' deliveries, then send those due. The test hook. */
  async function runOnce(): Promise<PassResult> {
    // One pass at a time in this instance; a caller during a pass waits for it.
    if (running) return running;
    running = (async () => {
      const now = clock.now();
      const planned = await plan(now);
      const lease = new Date(now.getTime() + config.timeoutMs + 60_000);
      const due = await db
        .transaction()
        .execute((tx) => claimDueDeliveries(tx, now, lease, DELIVERIES_PER_PASS));
      let succeeded = 0;
      for (const delivery of due) if (await send(delivery)) succeeded++;
      return { planned, attempted: due.length, succeeded, failed: due.length - succeeded };
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  const loop = () => {
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log.error({ err: error }, 'webhook dispatcher pass failed'))
        .finally(() => {
          if (!stopped) loop();
        });
    }, config.pollMs);
  };

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    /** Stops the loop and waits for a pass in progress to finish. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
    },
  };
}
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
