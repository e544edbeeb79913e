import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createWebhookDispatcher } from '../../../services/webhook-dispatcher.ts';
import { workVi } from '../../../i18n/work.vi.ts';
import { manualClock } from '../../../testing/publish.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../../testing/test-session.ts';
import { publicBase, publicationPageUrl } from '../publication-link.ts';
import { fetchPage, section } from '../test-helpers.ts';
import { formFields, postForm } from './test-forms.ts';

describe('work screens: webhooks', () => {
  let t: TestApp;
  let admin: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  let server: Server;
  let receiverUrl: string;
  const clock = manualClock('2026-11-29T03:00:00Z');
  before(async () => {
    t = await openTestApp({
      clock,
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '60',
        WEBHOOK_SECRET_KEY: 'ef'.repeat(32),
      },
    });
    admin = await signInAs(t, 'authority_admin');
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor');
    // A receiver that is down: every delivery fails with 500 and is retried later.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const get = (path: string, s?: TestSession) =>
    fetchPage(t, path, { headers: { accept: 'text/html', ...(s ? { cookie: s.cookie } : {}) } });
  const post = (path: string, fields: [string, string][], s: TestSession) =>
    postForm(t, path, fields, s, { csrf: s.csrfToken });
  const stored = () => t.db.selectFrom('webhook').select(['id', 'url', 'enabled', 'secret']).execute();

  it('is for administrators only: others get 403, write nothing and see no link', async () => {
    for (const s of [reviewer, editor]) {
      const page = await get('/cong-viec/webhook', s);
      assert.equal(page.status, 403);
      assert.ok(page.text.includes(workVi.work.forbiddenTitle));
      assert.equal(
        (await post('/cong-viec/webhook', [['url', 'https://example.gov.vn/nhan']], s)).status,
        403,
      );
      assert.ok(!(await get('/cong-viec', s)).html.includes('href="/cong-viec/webhook"'));
    }
    assert.deepEqual(await stored(), []);
    assert.ok((await get('/cong-viec', admin)).html.includes('href="/cong-viec/webhook"'));
  });

  it('shows a refused address beside its field, keeping what was typed', async () => {
    const res = await post(
      '/cong-viec/webhook',
      [
        ['url', 'ftp://example.gov.vn/nhan'],
        ['description', 'Hệ thống thử'],
        ['events', 'edition.published'],
      ],
      admin,
    );
    assert.equal(res.status, 400);
    assert.match(res.html, /<p class="field-error" id="err-url">Địa chỉ nhận phải dùng https<\/p>/);
    assert.match(res.html, /name="url"[^>]*aria-invalid="true"/);
    assert.ok(res.html.includes('value="Hệ thống thử"'));
    assert.match(res.html, /value="edition.published" checked/);
    assert.deepEqual(await stored(), []);
  });

  it('registers an endpoint and shows its secret once; audited without the secret', async () => {
    const res = await post(
      '/cong-viec/webhook',
      [
        ['url', receiverUrl],
        ['description', 'Bộ thu thử nghiệm'],
      ],
      admin,
    );
    assert.equal(res.status, 201);
    const secret = /<code class="secret-value">(whsec_[^<]+)<\/code>/.exec(res.html)?.[1];
    assert.ok(secret, 'the secret is shown');
    assert.ok(res.text.includes('chỉ hiện một lần'));
    const [hook] = await stored();
    assert.ok(hook && hook.url === receiverUrl && hook.enabled);
    assert.ok(!hook.secret.includes(secret), 'stored sealed');
    const list = await get('/cong-viec/webhook', admin);
    assert.ok(list.html.includes(receiverUrl));
    assert.ok(!list.html.includes(secret), 'never shown again');
    assert.match(res.res.headers.get('cache-control') ?? '', /no-store/, 'never cached');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', hook.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['webhook.create'],
    );
    assert.ok(!JSON.stringify(audit).includes(secret));
  });

  it('disables and enables an endpoint; a stale form is refused with a clear message', async () => {
    const [hook] = await stored();
    const page = await get('/cong-viec/webhook', admin);
    const form = formFields(page.html, `/cong-viec/webhook/${hook!.id}/trang-thai`);
    const off = await post(`/cong-viec/webhook/${hook!.id}/trang-thai`, form, admin);
    assert.equal(off.status, 303);
    const after = await get(off.res.headers.get('location') ?? '', admin);
    assert.ok(after.text.includes(`Đã cập nhật webhook ${receiverUrl}.`));
    assert.equal((await stored())[0]?.enabled, false);
    const stale = await post(`/cong-viec/webhook/${hook!.id}/trang-thai`, form, admin);
    assert.equal(stale.status, 409);
    assert.ok(stale.text.includes('Webhook vừa được người khác thay đổi'));
    const on = formFields(after.html, `/cong-viec/webhook/${hook!.id}/trang-thai`);
    assert.equal((await post(`/cong-viec/webhook/${hook!.id}/trang-thai`, on, admin)).status, 303);
    assert.equal((await stored())[0]?.enabled, true);
  });

  it('shows the delivery log: state, attempts, next retry and last status', async () => {
    const [hook] = await stored();
    clock.advance(1);
    // Something is published: a synthetic edition (number marked THU), through the API.
    const draft = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/editions', {
      session: admin,
      body: {
        document: {
          number: '9/THU-WEBHOOK',
          issuedOn: '2026-11-20',
          issuer: 'bo-khoa-hoc-va-cong-nghe',
          kind: 'decision',
          title: 'Văn bản thử nghiệm webhook (dữ liệu giả lập)',
        },
      },
    });
    const slug = (await t.db.selectFrom('platform').select('slug').orderBy('slug').limit(1).execute())[0]!
      .slug;
    const listed = await send<{ version: number }>(t, 'PUT', `/api/v1/editions/${draft.body.id}/entries`, {
      session: admin,
      body: { version: draft.body.version, entries: [{ platform: slug }] },
    });
    const published = await send(t, 'POST', `/api/v1/editions/${draft.body.id}/publish`, {
      session: admin,
      body: { version: listed.body.version },
    });
    assert.equal(published.status, 200);
    const dispatcher = createWebhookDispatcher({
      db: t.db,
      clock,
      config: t.config.webhooks,
      log: pino({ level: 'silent' }),
      pageUrl: (e) => publicationPageUrl(publicBase(t.config), e),
    });
    try {
      assert.equal((await dispatcher.runOnce()).failed, 1);
    } finally {
      await dispatcher.stop();
    }
    const log = await get(`/cong-viec/webhook/${hook!.id}`, admin);
    assert.equal(log.status, 200);
    const row = section(log.html, 'data-state="pending"', 'tr');
    assert.ok(row.includes('Công bố danh mục'), 'the event');
    assert.ok(row.includes('Đang chờ gửi lại'));
    assert.ok(row.includes('<td class="num">1</td>'), 'one attempt');
    assert.ok(row.includes('29/11/2026 10:01'), 'next retry in Vietnam time, after the base delay');
    assert.ok(row.includes('<td>500</td>'));
    assert.equal((await get(`/cong-viec/webhook/${hook!.id}`, reviewer)).status, 403);
    assert.equal((await get('/cong-viec/webhook/00000000-0000-4000-8000-000000000000', admin)).status, 404);
  });

  it('deletes an endpoint after a confirmation step, audited', async () => {
    const [hook] = await stored();
    const list = await get('/cong-viec/webhook', admin);
    assert.ok(list.html.includes(`href="/cong-viec/webhook/${hook!.id}/xoa"`), 'the list links to the step');
    assert.ok(!list.html.includes(`action="/cong-viec/webhook/${hook!.id}/xoa"`), 'no one-click delete');
    const confirm = await get(`/cong-viec/webhook/${hook!.id}/xoa`, admin);
    assert.equal(confirm.status, 200);
    assert.ok(confirm.text.includes(`Xóa webhook ${hook!.url}?`));
    assert.ok(confirm.text.includes('Không thể hoàn tác'));
    assert.ok(confirm.html.includes(`action="/cong-viec/webhook/${hook!.id}/xoa"`));
    assert.equal(await stored().then((s) => s.length), 1, 'showing the step deletes nothing');
    assert.equal((await get(`/cong-viec/webhook/${hook!.id}/xoa`, reviewer)).status, 403);
    const res = await post(`/cong-viec/webhook/${hook!.id}/xoa`, [], admin);
    assert.equal(res.status, 303);
    const page = await get(res.res.headers.get('location') ?? '', admin);
    assert.ok(page.text.includes('Đã xóa webhook.'));
    assert.deepEqual(await stored(), []);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', hook!.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['webhook.create', 'webhook.update', 'webhook.update', 'webhook.delete'],
    );
  });
});
