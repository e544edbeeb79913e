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

// The sign-in page's single sign-on button, end to end against a real OpenID provider
// (oidc-provider on 127.0.0.1). Synthetic accounts (example.gov.vn) only.
const PUBLIC_URL = 'http://localhost:3000';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

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
