import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { signOnEn } from '../../../i18n/sign-on.en.ts';
import { signOnVi } from '../../../i18n/sign-on.vi.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import {
  signInAtProvider,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../../../testing/test-oidc-provider.ts';
import { createTestUser, sessionCookie } from '../../../testing/test-session.ts';
import { fetchPage } from '../test-helpers.ts';
import { formFields, hiddenInputs, postForm } from './test-forms.ts';

// The sign-in page's single sign-on button, end to end against a real OpenID provider
// (oidc-provider on 127.0.0.1). Synthetic accounts (example.gov.vn) only.
const PUBLIC_URL = 'http://localhost:3000';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const PLATFORM = 'he-thong-mang-dau-thau-quoc-gia'; // a seeded platform of Bộ Tài chính
const flowCookieOf = (res: Response) =>
  (res.headers.getSetCookie().find((l) => l.startsWith('ndp_oidc_flow=')) ?? '').split(';')[0] ?? '';

/** The href of the link whose text is `label`, entities decoded. */
function linkTo(html: string, label: string): string | null {
  const m = new RegExp(`<a[^>]*href="([^"]*)"[^>]*>\\s*${label}\\s*</a>`).exec(html);
  return m ? (m[1] ?? '').replace(/&amp;/g, '&') : null;
}

describe('the sign-in page with single sign-on configured', () => {
  let idp: TestOidcProvider;
  let t: TestApp;

  before(async () => {
    idp = await startTestOidcProvider(CALLBACK);
    t = await openTestApp({
      env: {
        PUBLIC_URL,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
  });
  after(async () => {
    await t.close();
    await idp.close();
  });

  it('offers the button, which signs on and lands where the person was going', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const accountId = `can-bo-${randomUUID().slice(0, 8)}`;
    idp.accounts.set(accountId, { email: user.email, emailVerified: true });

    const page = await fetchPage(t, '/dang-nhap?next=%2Fcong-viec%2Fde-nghi%3Ftrang%3D2');
    assert.equal(page.status, 200);
    const href = linkTo(page.html, signOnVi.button);
    assert.equal(href, '/api/v1/auth/oidc/start?returnTo=%2Fcong-viec%2Fde-nghi%3Ftrang%3D2');

    const start = await t.app.request(href ?? '', { headers: { accept: 'text/html' } });
    assert.equal(start.status, 302);
    const flowCookie = (start.headers.getSetCookie().find((l) => l.startsWith('ndp_oidc_flow=')) ?? '').split(
      ';',
    )[0];
    assert.ok(flowCookie);
    const back = await signInAtProvider(start.headers.get('location') ?? '', accountId, { stopAt: CALLBACK });
    const res = await t.app.request(`${back.pathname}${back.search}`, {
      headers: { cookie: flowCookie, accept: 'text/html' },
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/cong-viec/de-nghi?trang=2');
    assert.ok(sessionCookie(res), 'signed in');
  });

  it('keeps a form whose session expired through the provider and sends it on', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const accountId = `can-bo-${randomUUID().slice(0, 8)}`;
    idp.accounts.set(accountId, { email: user.email, emailVerified: true });
    const summary = 'Ngừng nền tảng (dữ liệu thử, phiên hết hạn, đăng nhập một lần)';
    const stale = { cookie: 'ndp_session=het-han-tu-lau-roi-khong-con-dung-duoc-nua' };
    const expired = await postForm(
      t,
      '/cong-viec/de-nghi',
      [
        ['requestKind', 'retire'],
        ['platform', PLATFORM],
        ['summary', summary],
        ['action', 'save'],
      ],
      stale,
      { csrf: 'old-token' },
    );
    assert.equal(expired.status, 401);

    // The button is a form posting the kept fields to the start; nothing of them in an address.
    const sso = formFields(expired.html, '/api/v1/auth/oidc/start');
    assert.deepEqual(
      sso.find(([n]) => n === 'returnTo'),
      ['returnTo', '/cong-viec/de-nghi'],
    );
    assert.ok(sso.some(([n, v]) => n === '_keep.summary' && v === summary));
    assert.ok(!sso.some(([n]) => n === '_keep._csrf'), 'the old token is not carried');
    const start = await t.app.request('/api/v1/auth/oidc/start', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin: PUBLIC_URL,
      },
      body: new URLSearchParams(sso).toString(),
    });
    // A page that moves on (a redirect would break the form-action CSP), with a link too.
    assert.equal(start.status, 200);
    const refresh = /^0; url=(.+)$/.exec(start.headers.get('refresh') ?? '')?.[1] ?? '';
    assert.ok(refresh.startsWith(`${idp.issuer}/`), refresh);
    const page = await start.text();
    assert.ok(page.includes(`href="${refresh.replace(/&/g, '&amp;')}"`), 'the same address as a link');
    const location = refresh;
    assert.ok(!decodeURIComponent(location).includes('phiên hết hạn'), 'not sent to the provider');
    const back = await signInAtProvider(location, accountId, { stopAt: CALLBACK });
    assert.ok(!decodeURIComponent(back.href).includes('phiên hết hạn'), 'not in the callback address');

    const res = await t.app.request(`${back.pathname}${back.search}`, {
      headers: { cookie: flowCookieOf(start), accept: 'text/html' },
    });
    assert.equal(res.status, 200);
    const cookie = sessionCookie(res);
    assert.ok(cookie, 'signed in');
    const html = await res.text();
    assert.ok(html.includes('action="/cong-viec/de-nghi"'), 'the continue page posts to the form’s target');
    const resend = hiddenInputs(html);
    const csrf = resend.find(([n]) => n === '_csrf')?.[1];
    assert.ok(csrf && csrf !== 'old-token', 'with the new session’s token');

    const sent = await postForm(
      t,
      '/cong-viec/de-nghi',
      resend.filter(([n]) => n !== '_csrf'),
      { cookie },
      { csrf },
    );
    assert.equal(sent.status, 303, sent.text.slice(0, 300));
    const detail = await fetchPage(t, sent.res.headers.get('location') ?? '', { headers: { cookie } });
    assert.ok(detail.text.includes(summary));

    // The kept form went with the flow: the flow is used once, and its row is gone.
    const left = await t.db
      .selectFrom('oidc_flow')
      .select('id_hash')
      .where('kept_form', 'is not', null)
      .execute();
    assert.deepEqual(left, []);
  });

  it('refuses a kept form posted from another site', async () => {
    const res = await t.app.request('/api/v1/auth/oidc/start', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams([
        ['returnTo', '/cong-viec/de-nghi'],
        ['_keep.summary', 'giả mạo'],
      ]).toString(),
    });
    assert.equal(res.status, 403);
  });

  it('refuses to keep an oversized form, storing no flow', async () => {
    const flows = async () => (await t.db.selectFrom('oidc_flow').select('id_hash').execute()).length;
    const before = await flows();
    const fields: [string, string][] = [['returnTo', '/cong-viec/de-nghi']];
    for (let i = 0; i < 501; i++) fields.push([`_keep.truong${i}`, 'giá trị thử']);
    const res = await t.app.request('/api/v1/auth/oidc/start', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL },
      body: new URLSearchParams(fields).toString(),
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { field: string; code: string }[] };
    assert.deepEqual(
      body.errors.map((e) => [e.field, e.code]),
      [['form', 'too_big']],
    );
    assert.equal(await flows(), before);
  });

  it('labels the button in the page’s language', async () => {
    const page = await fetchPage(t, '/dang-nhap?lang=en');
    assert.ok(linkTo(page.html, signOnEn.button), 'English label');
    assert.ok(!page.text.includes(signOnVi.button));
  });
});

describe('the sign-in page without single sign-on', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ seed: false });
  });
  after(() => t.close());

  it('has no single sign-on button', async () => {
    const page = await fetchPage(t, '/dang-nhap?next=%2Fcong-viec');
    assert.equal(page.status, 200);
    assert.ok(page.html.includes('name="password"'), 'the password form is there');
    assert.ok(!page.text.includes(signOnVi.button));
    assert.ok(!page.html.includes('/api/v1/auth/oidc/start'));
  });
});
