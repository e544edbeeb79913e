import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { fixedClock } from '../clock.ts';
import { readConfig } from '../config.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createTestUser } from '../testing/test-session.ts';
import { createRetentionJob } from './retention.job.ts';

// On a real database, rows dated relative to the job's injected clock. Every row here is
// synthetic (example.gov.vn addresses, "thử nghiệm" webhooks); the platforms are the seeded ones.
const NOW = new Date('2026-11-29T03:00:00Z');
const daysAgo = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * 86_400_000 - extraMs);
const IDLE_MS = 30 * 60_000;

describe('the retention job', () => {
  let t: TestApp;
  let userId: string;
  const ids = {
    deliveries: {} as Record<string, string>,
    emails: {} as Record<string, string>,
    sessions: {} as Record<string, string>,
    flows: {} as Record<string, string>,
    resets: {} as Record<string, string>,
    throttles: {} as Record<string, string>,
  };

  before(async () => {
    t = await openTestApp({ clock: fixedClock(NOW.toISOString()) });
    userId = (await createTestUser(t, 'ministry_editor')).userId;
    const db = t.db;
    const platforms = await db.selectFrom('platform').select(['id', 'slug']).limit(5).execute();
    const webhookId = randomUUID();
    await db
      .insertInto('webhook')
      .values({
        id: webhookId,
        url: 'https://thu-nghiem.example.gov.vn/webhook',
        event_types: [],
        secret: 'plain:thu-nghiem',
        created_by: null,
        created_at: daysAgo(400),
        updated_at: daysAgo(400),
      })
      .execute();
    const deliveries: [string, string, number][] = [
      ['oldSucceeded', 'succeeded', 91],
      ['oldFailed', 'failed', 100],
      ['oldPending', 'pending', 120],
      ['recentSucceeded', 'succeeded', 10],
    ];
    for (const [i, [name, state, age]] of deliveries.entries()) {
      const platform = platforms[i];
      assert.ok(platform, 'a seeded platform');
      const eventId = randomUUID();
      await db
        .insertInto('publication_event')
        .values({
          id: eventId,
          type: 'platform.updated',
          platform_id: platform.id,
          platform_slug: platform.slug,
          edition_id: null,
          document_number: null,
          title: 'Sự kiện thử nghiệm',
          version: 1,
          occurred_at: daysAgo(age),
          dispatched_at: daysAgo(age),
        })
        .execute();
      const id = randomUUID();
      ids.deliveries[name] = id;
      await db
        .insertInto('webhook_delivery')
        .values({
          id,
          webhook_id: webhookId,
          event_id: eventId,
          state,
          attempts: 1,
          created_at: daysAgo(age),
        })
        .execute();
      await db
        .insertInto('webhook_delivery_attempt')
        .values({
          delivery_id: id,
          attempt: 1,
          started_at: daysAgo(age),
          status_code: 200,
          duration_ms: 5,
          error: null,
        })
        .execute();
    }

    const emails: [string, { sent: Date | null; attempts: number; created: Date }][] = [
      ['sentLongAgo', { sent: daysAgo(91), attempts: 1, created: daysAgo(91) }],
      ['sentRecently', { sent: daysAgo(89), attempts: 1, created: daysAgo(95) }],
      ['givenUp', { sent: null, attempts: 8, created: daysAgo(95) }],
      ['neverSent', { sent: null, attempts: 0, created: daysAgo(200) }],
      ['stillRetrying', { sent: null, attempts: 3, created: daysAgo(100) }],
    ];
    for (const [name, e] of emails) {
      const id = randomUUID();
      ids.emails[name] = id;
      await db
        .insertInto('email_outbox')
        .values({
          id,
          to_address: `thu-nghiem.${name}@example.gov.vn`,
          subject: 'Thư thử nghiệm',
          body_text: '',
          purpose: 'test',
          created_at: e.created,
          sent_at: e.sent,
          attempts: e.attempts,
          last_error: null,
          next_attempt_at: null,
        })
        .execute();
    }

    const sessions: [string, { lastUsed: Date; expires: Date }][] = [
      ['expiredLongAgo', { lastUsed: daysAgo(8, 12 * 3_600_000), expires: daysAgo(8) }],
      ['expiredRecently', { lastUsed: daysAgo(6, 3_600_000), expires: daysAgo(6) }],
      // Ended by idleness 8 days ago although its absolute end is still ahead.
      ['idleLongAgo', { lastUsed: daysAgo(8, IDLE_MS), expires: new Date(NOW.getTime() + 3_600_000) }],
      ['live', { lastUsed: NOW, expires: new Date(NOW.getTime() + 3_600_000) }],
    ];
    for (const [name, s] of sessions) {
      const id = randomUUID();
      ids.sessions[name] = id;
      await db
        .insertInto('session')
        .values({
          id,
          token_hash: `thu-nghiem-${id}`,
          user_id: userId,
          created_at: daysAgo(30),
          last_used_at: s.lastUsed,
          expires_at: s.expires,
          client_address: null,
          user_agent: null,
        })
        .execute();
    }

    const flows: [string, Date][] = [
      ...[1, 2, 3, 4, 5].map((n): [string, Date] => [`old${n}`, daysAgo(7 + n)]),
      ['recent', daysAgo(1)],
    ];
    for (const [name, expires] of flows) {
      const id = `thu-nghiem-${randomUUID()}`;
      ids.flows[name] = id;
      await db
        .insertInto('oidc_flow')
        .values({
          id_hash: id,
          state: 's',
          nonce: 'n',
          code_verifier: 'v',
          return_to: '/',
          created_at: expires,
          expires_at: expires,
        })
        .execute();
    }

    const resets: [string, Date, Date | null][] = [
      ['expiredUnused', daysAgo(8), null],
      ['expiredUsed', daysAgo(30), daysAgo(31)],
      ['expiredRecently', daysAgo(6), null],
      ['valid', new Date(NOW.getTime() + 3_600_000), null],
    ];
    for (const [name, expires, used] of resets) {
      const id = randomUUID();
      ids.resets[name] = id;
      await db
        .insertInto('password_reset')
        .values({
          id,
          user_id: userId,
          token_hash: `thu-nghiem-${id}`,
          purpose: 'reset',
          created_at: daysAgo(40),
          expires_at: expires,
          used_at: used,
        })
        .execute();
    }

    const throttles: [string, Date, Date | null][] = [
      ['staleFailures', daysAgo(10), null],
      ['lockOutLongOver', daysAgo(10), daysAgo(9)],
      ['recentFailures', daysAgo(2), null],
    ];
    for (const [name, windowStart, lockedUntil] of throttles) {
      const key = `email:thu-nghiem-${name.toLowerCase()}@example.gov.vn`;
      ids.throttles[name] = key;
      await db
        .insertInto('sign_in_throttle')
        .values({ key, failures: 3, window_start: windowStart, locked_until: lockedUntil })
        .execute();
    }
  });
  after(() => t.close());

  const left = async () => ({
    deliveries: new Set((await t.db.selectFrom('webhook_delivery').select('id').execute()).map((r) => r.id)),
    attempts: new Set(
      (await t.db.selectFrom('webhook_delivery_attempt').select('delivery_id').execute()).map(
        (r) => r.delivery_id,
      ),
    ),
    emails: new Set((await t.db.selectFrom('email_outbox').select('id').execute()).map((r) => r.id)),
    sessions: new Set((await t.db.selectFrom('session').select('id').execute()).map((r) => r.id)),
    flows: new Set((await t.db.selectFrom('oidc_flow').select('id_hash').execute()).map((r) => r.id_hash)),
    resets: new Set((await t.db.selectFrom('password_reset').select('id').execute()).map((r) => r.id)),
    throttles: new Set((await t.db.selectFrom('sign_in_throttle').select('key').execute()).map((r) => r.key)),
  });

  it('deletes what is past its time in bounded batches, keeps the rest, and never the feed or the audit', async () => {
    const config = readConfig({});
    const eventsBefore = await t.db.selectFrom('publication_event').select('id').execute();
    const auditBefore = await t.db.selectFrom('audit_log').select('id').execute();

    const job = createRetentionJob({
      db: t.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
      policy: config.retention,
      mailMaxAttempts: config.mail.maxAttempts,
      sessionIdleMs: IDLE_MS,
      intervalMinutes: 0,
      batchSize: 2,
    });
    const result = await job.runOnce();
    assert.deepEqual(result, {
      webhook_delivery: 2,
      email_outbox: 2,
      session: 2,
      oidc_flow: 5,
      password_reset: 2,
      sign_in_throttle: 2,
    });

    const now = await left();
    const gone = (set: Set<string>, map: Record<string, string>, names: string[]) => {
      for (const [name, id] of Object.entries(map))
        assert.equal(
          set.has(id),
          !names.includes(name),
          `${name} ${names.includes(name) ? 'deleted' : 'kept'}`,
        );
    };
    gone(now.deliveries, ids.deliveries, ['oldSucceeded', 'oldFailed']);
    assert.ok(!now.attempts.has(ids.deliveries.oldSucceeded ?? ''), 'the attempts go with the delivery');
    gone(now.emails, ids.emails, ['sentLongAgo', 'givenUp']);
    gone(now.sessions, ids.sessions, ['expiredLongAgo', 'idleLongAgo']);
    gone(now.flows, ids.flows, ['old1', 'old2', 'old3', 'old4', 'old5']);
    gone(now.resets, ids.resets, ['expiredUnused', 'expiredUsed']);
    gone(now.throttles, ids.throttles, ['staleFailures', 'lockOutLongOver']);

    // The feed and the audit log are permanent: every earlier row is still there.
    const eventsAfter = await t.db.selectFrom('publication_event').select('id').execute();
    assert.equal(eventsAfter.length, eventsBefore.length);
    const auditAfter = new Set((await t.db.selectFrom('audit_log').select('id').execute()).map((r) => r.id));
    assert.ok(auditBefore.every((r) => auditAfter.has(r.id)));

    // Each batch is audited with what it deleted; five flows in batches of at most two.
    const flowBatches = await t.db
      .selectFrom('audit_log')
      .select(['after', 'actor_user_id'])
      .where('action', '=', 'retention.prune')
      .where('target_type', '=', 'oidc_flow')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      flowBatches.map((b) => (b.after as { deleted: number }).deleted),
      [2, 2, 1],
    );
    assert.ok(flowBatches.every((b) => b.actor_user_id === null));

    // A second pass finds nothing more.
    assert.deepEqual(await job.runOnce(), {
      webhook_delivery: 0,
      email_outbox: 0,
      session: 0,
      oidc_flow: 0,
      password_reset: 0,
      sign_in_throttle: 0,
    });
  });

  it('follows the configured days', async () => {
    const config = readConfig({
      RETENTION_DELIVERY_DAYS: '5',
      RETENTION_EMAIL_DAYS: '80',
      RETENTION_EXPIRED_DAYS: '1',
    });
    const job = createRetentionJob({
      db: t.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
      policy: config.retention,
      mailMaxAttempts: config.mail.maxAttempts,
      sessionIdleMs: IDLE_MS,
      intervalMinutes: 0,
    });
    const result = await job.runOnce();
    // The 10-day-old success, the 89-day-old sent mail, the 6-day-old session, flow and token,
    // and the failures counted two days ago.
    assert.deepEqual(result, {
      webhook_delivery: 1,
      email_outbox: 1,
      session: 1,
      oidc_flow: 0,
      password_reset: 1,
      sign_in_throttle: 1,
    });
    const now = await left();
    assert.ok(now.deliveries.has(ids.deliveries.oldPending ?? ''), 'pending deliveries are never pruned');
    assert.ok(now.emails.has(ids.emails.neverSent ?? ''), 'mail waiting to be sent stays');
    assert.ok(now.emails.has(ids.emails.stillRetrying ?? ''));
    assert.ok(now.sessions.has(ids.sessions.live ?? ''));
    assert.ok(now.resets.has(ids.resets.valid ?? ''));
    assert.ok(now.flows.has(ids.flows.recent ?? ''), 'expired a day ago, not more than a day ago');
  });
});
