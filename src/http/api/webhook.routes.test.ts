import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { publicBase, publicationPageUrl } from '../web/publication-link.ts';
import { createWebhookDispatcher, type WebhookDispatcher } from '../../services/webhook-dispatcher.ts';
import { manualClock, publishViaWorkflow, SYNTHETIC_PLATFORM } from '../../testing/publish.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Received {
  path: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Created {
  id: string;
  url: string;
  secret: string;
  version: number;
  enabled: boolean;
  eventTypes: string[];
}
interface Delivery {
  id: string;
  eventType: string;
  state: string;
  attempts: number;
  nextAttemptAt: string | null;
  log: {
    attempt: number;
    startedAt: string;
    statusCode: number | null;
    error: string | null;
    nextAttemptAt: string | null;
  }[];
}
interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}

/** A receiver on localhost that answers with the statuses it is told, in order, and records every POST. */
async function receiver(
  fallback = 204,
): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body });
      res.statusCode = answers.shift() ?? fallback;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What a subscriber does: recompute the signature over timestamp + "." + body, compare in constant time. */
function verifies(secret: string, r: Received): boolean {
  const expected = `sha256=${createHmac('sha256', secret)
    .update(`${String(r.headers['x-ndp-timestamp'])}.${r.body}`)
    .digest('hex')}`;
  const given = String(r.headers['x-ndp-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

describe('webhooks: endpoints, signed deliveries, retries', () => {
  let t: TestApp;
  let admin: TestSession;
  let editor: TestSession;
  let reviewer: TestSession;
  let dispatcher: WebhookDispatcher;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const clock = manualClock('2026-11-29T03:00:00Z');
  before(async () => {
    t = await openTestApp({
      clock,
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        PUBLIC_URL: 'https://ndp.example.gov.vn',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '60',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_SECRET_KEY: 'ab'.repeat(32),
        WEBHOOK_TIMEOUT_SECONDS: '2',
      },
    });
    admin = await signInAs(t, 'authority_admin');
    editor = await signInAs(t, 'ministry_editor');
    reviewer = await signInAs(t, 'authority_reviewer');
    dispatcher = createWebhookDispatcher({
      db: t.db,
      clock,
      config: t.config.webhooks,
      log: pino({ level: 'silent' }),
      pageUrl: (e) => publicationPageUrl(publicBase(t.config), e),
    });
    hook = await receiver();
  });
  after(async () => {
    await dispatcher.stop();
    await hook.close();
    await t.close();
  });

  const register = async (body: Record<string, unknown>) => {
    const res = await send<Created>(t, 'POST', '/api/v1/webhooks', { session: admin, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const deliveries = async (id: string) => {
    const res = await send<{ items: Delivery[] }>(t, 'GET', `/api/v1/webhooks/${id}/deliveries`, {
      session: admin,
    });
    assert.equal(res.status, 200);
    return res.body.items;
  };

  it('only administrators manage endpoints; every write is audited without the secret', async () => {
    for (const role of ['authority_reviewer', 'ministry_editor', 'locality_officer'] as const) {
      const other = await signInAs(t, role);
      assert.equal((await send(t, 'GET', '/api/v1/webhooks', { session: other })).status, 403, role);
      assert.equal(
        (await send(t, 'POST', '/api/v1/webhooks', { session: other, body: { url: hook.url } })).status,
        403,
        role,
      );
    }
    assert.equal((await send(t, 'GET', '/api/v1/webhooks')).status, 401);

    const created = await register({ url: hook.url, description: 'Thử nghiệm' });
    assert.match(created.secret, /^whsec_/);
    const read = await send<Record<string, unknown>>(t, 'GET', `/api/v1/webhooks/${created.id}`, {
      session: admin,
    });
    assert.equal(read.status, 200);
    assert.equal(read.body.secret, undefined, 'the secret is shown once only');
    const changed = await send<Created>(t, 'PATCH', `/api/v1/webhooks/${created.id}`, {
      session: admin,
      body: { version: created.version, eventTypes: ['platform.retired'] },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.body.eventTypes, ['platform.retired']);
    const stale = await send<Problem>(t, 'PATCH', `/api/v1/webhooks/${created.id}`, {
      session: admin,
      body: { version: created.version, enabled: false },
    });
    assert.equal(stale.status, 409);
    assert.equal((await send(t, 'DELETE', `/api/v1/webhooks/${created.id}`, { session: admin })).status, 204);
    assert.equal((await send(t, 'GET', `/api/v1/webhooks/${created.id}`, { session: admin })).status, 404);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', created.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['webhook.create', 'webhook.update', 'webhook.delete'],
    );
    assert.ok(!JSON.stringify(audit).includes(created.secret));
    const stored = await t.db.selectFrom('webhook').select('secret').execute();
    assert.ok(
      stored.every((s) => !s.secret.includes(created.secret)),
      'sealed with WEBHOOK_SECRET_KEY',
    );
  });

  it('refuses addresses that are not https or carry credentials, naming the field (private ones: webhook-address.test.ts)', async () => {
    const bad = await send<Problem>(t, 'POST', '/api/v1/webhooks', {
      session: admin,
      body: { url: 'ftp://example.gov.vn/x' },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors?.map((e) => [e.field, e.code]),
      [['url', 'https_required']],
    );
    const creds = await send<Problem>(t, 'POST', '/api/v1/webhooks', {
      session: admin,
      body: { url: 'https://user:pass@example.gov.vn/x' },
    });
    assert.deepEqual(
      creds.body.errors?.map((e) => [e.field, e.code]),
      [['url', 'credentials_in_url']],
    );
  });

  it('delivers a signed POST for a platform published through the workflow; a 500 is retried later with back-off until it succeeds', async () => {
    const all = await register({ url: hook.url });
    const disabled = await register({ url: `${hook.url}?disabled`, enabled: false });
    const retiredOnly = await register({ url: `${hook.url}?retired`, eventTypes: ['platform.retired'] });
    clock.advance(1);

    hook.answers.push(500);
    const approved = await publishViaWorkflow(t, editor, reviewer, {
      kind: 'create',
      summary: 'Đăng ký nền tảng thử nghiệm',
      proposed: { ...SYNTHETIC_PLATFORM, name: 'Nền tảng thử nghiệm webhook (dữ liệu tổng hợp)' },
    });
    const first = await dispatcher.runOnce();
    assert.deepEqual(first, { planned: 1, attempted: 1, succeeded: 0, failed: 1 });
    assert.equal(hook.received.length, 1);
    const [failedPost] = hook.received as [Received];
    assert.ok(verifies(all.secret, failedPost), 'the signature verifies with the secret shown at creation');
    assert.ok(!verifies(retiredOnly.secret, failedPost));
    assert.equal(failedPost.headers['x-ndp-event'], 'platform.created');
    assert.equal(failedPost.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(failedPost.headers['x-ndp-timestamp'], String(Date.parse('2026-11-29T03:00:01Z') / 1000));
    const payload = JSON.parse(failedPost.body) as {
      type: string;
      platform: { id: string; url: string; version: number };
    };
    assert.equal(payload.type, 'platform.created');
    assert.equal(payload.platform.id, approved.platformId);
    assert.equal(payload.platform.version, 1);
    assert.match(payload.platform.url, /^https:\/\/ndp\.example\.gov\.vn\/nen-tang\//);

    let log = await deliveries(all.id);
    assert.equal(log.length, 1);
    assert.equal(log[0]?.state, 'pending');
    assert.equal(log[0]?.nextAttemptAt, '2026-11-29T03:01:01.000Z', 'retried after the base delay');
    assert.deepEqual(
      log[0]?.log.map((a) => [a.attempt, a.statusCode]),
      [[1, 500]],
    );

    // Not due yet: nothing is sent.
    clock.advance(59);
    assert.equal((await dispatcher.runOnce()).attempted, 0);
    assert.equal(hook.received.length, 1);

    clock.advance(61);
    const second = await dispatcher.runOnce();
    assert.deepEqual(second, { planned: 0, attempted: 1, succeeded: 1, failed: 0 });
    assert.equal(hook.received.length, 2);
    assert.equal(
      hook.received[1]?.headers['x-ndp-delivery'],
      failedPost.headers['x-ndp-delivery'],
      'the same delivery id on every attempt',
    );
    assert.ok(verifies(all.secret, hook.received[1]!));
    log = await deliveries(all.id);
    assert.equal(log[0]?.state, 'succeeded');
    assert.equal(log[0]?.nextAttemptAt, null);
    assert.deepEqual(
      log[0]?.log.map((a) => [a.attempt, a.statusCode]),
      [
        [1, 500],
        [2, 204],
      ],
    );

    // Success stops the retries; the disabled endpoint and the one filtered to other events got nothing.
    clock.advance(24 * 3600);
    assert.equal((await dispatcher.runOnce()).attempted, 0);
    assert.equal(hook.received.length, 2);
    admin = await signInAs(t, 'authority_admin'); // the old session has expired meanwhile
    assert.deepEqual(await deliveries(disabled.id), []);
    assert.deepEqual(await deliveries(retiredOnly.id), []);
    assert.deepEqual(
      hook.received.map((r) => r.path),
      ['/hooks', '/hooks'],
      'nothing to the disabled endpoint',
    );
  });

  it('two dispatchers running at once (two instances) send each delivery once', async () => {
    const twin = createWebhookDispatcher({
      db: t.db,
      clock,
      config: t.config.webhooks,
      log: pino({ level: 'silent' }),
      pageUrl: (e) => publicationPageUrl(publicBase(t.config), e),
    });
    const once = await receiver();
    after(() => once.close());
    [editor, reviewer] = [await signInAs(t, 'ministry_editor'), await signInAs(t, 'authority_reviewer')];
    admin = await signInAs(t, 'authority_admin');
    const endpoint = await register({ url: once.url });
    clock.advance(1);
    for (const n of [1, 2, 3])
      await publishViaWorkflow(t, editor, reviewer, {
        kind: 'create',
        summary: `Nền tảng thử nghiệm song song ${n}`,
        proposed: { ...SYNTHETIC_PLATFORM, name: `Nền tảng thử nghiệm song song ${n} (dữ liệu tổng hợp)` },
      });
    await Promise.all([dispatcher.runOnce(), twin.runOnce(), twin.runOnce()]);
    await Promise.all([dispatcher.runOnce(), twin.runOnce()]);
    const ids = once.received.map((r) => r.headers['x-ndp-delivery']);
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 3);
    assert.ok((await deliveries(endpoint.id)).every((d) => d.state === 'succeeded'));
  });

  it('logs a receiver that does not answer in time as a failed attempt, to be retried', async () => {
    const silent = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    after(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const endpoint = await register({ url, eventTypes: ['platform.updated'] });
    clock.advance(1);
    const created = await publishViaWorkflow(t, editor, reviewer, {
      kind: 'create',
      summary: 'Nền tảng thử nghiệm chậm',
      proposed: { ...SYNTHETIC_PLATFORM, name: 'Nền tảng thử nghiệm chậm (dữ liệu tổng hợp)' },
    });
    await publishViaWorkflow(t, editor, reviewer, {
      kind: 'update',
      platform: created.platformId!,
      summary: 'Cập nhật thử nghiệm',
      proposed: { operator: 'Đơn vị vận hành thử nghiệm khác' },
    });
    await dispatcher.runOnce();
    const [delivery] = await deliveries(endpoint.id);
    assert.equal(delivery?.state, 'pending');
    assert.equal(delivery?.log[0]?.statusCode, null);
    assert.match(delivery?.log[0]?.error ?? '', /timeout/);
    // Switched off, it is not tried again.
    const off = await send(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, {
      session: admin,
      body: { version: endpoint.version, enabled: false },
    });
    assert.equal(off.status, 200);
    clock.advance(3600);
    await dispatcher.runOnce();
    admin = await signInAs(t, 'authority_admin');
    assert.equal((await deliveries(endpoint.id))[0]?.attempts, 1);
  });

  it('gives a delivery up after the maximum attempts, doubling the wait each time', async () => {
    // The clock moved past the sessions' idle time: sign in again.
    [admin, editor, reviewer] = [
      await signInAs(t, 'authority_admin'),
      await signInAs(t, 'ministry_editor'),
      await signInAs(t, 'authority_reviewer'),
    ];
    const down = await receiver(503);
    after(() => down.close());
    const flaky = await register({ url: down.url, eventTypes: ['platform.retired'] });
    clock.advance(1);
    await publishViaWorkflow(t, editor, reviewer, {
      kind: 'retire',
      platform: 'he-thong-mang-dau-thau-quoc-gia',
      summary: 'Ngừng sử dụng (thử nghiệm)',
    });
    await dispatcher.runOnce();
    clock.advance(60);
    await dispatcher.runOnce();
    clock.advance(120);
    await dispatcher.runOnce();
    clock.advance(10 * 24 * 3600);
    await dispatcher.runOnce();
    assert.equal(down.received.length, 3, 'WEBHOOK_MAX_ATTEMPTS=3');
    admin = await signInAs(t, 'authority_admin');
    const [log] = await deliveries(flaky.id);
    assert.equal(log?.state, 'failed');
    assert.deepEqual(
      log?.log.map((a) => [a.attempt, a.statusCode, a.nextAttemptAt !== null]),
      [
        [1, 503, true],
        [2, 503, true],
        [3, 503, false],
      ],
    );
    for (const [i, seconds] of [60, 120].entries()) {
      const a: Delivery['log'][number] = log!.log[i]!;
      assert.equal(Date.parse(a.nextAttemptAt!) - Date.parse(a.startedAt), seconds * 1000);
    }
  });
});
