import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { signOnVi } from '../../src/i18n/sign-on.vi.ts';
import { workVi } from '../../src/i18n/work.vi.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../src/testing/test-oidc-provider.ts';
import { createTestUser } from '../../src/testing/test-session.ts';

/**
 * Single sign-on in real Chromium: the registry over HTTP, a real OpenID provider (oidc-provider,
 * its development login and consent forms), real redirects and cookies. Synthetic accounts only.
 * Screenshots go to test-results/.
 */

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('single sign-on in Chromium', () => {
  let idp: TestOidcProvider;
  let t: TestApp;
  let app: BrowserApp | undefined;
  let browser: Browser;
  let base = '';

  before(async () => {
    // The registry's address must be known before it starts: it is the redirect URI.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startTestOidcProvider(`${base}/api/v1/auth/oidc/callback`);
    t = await openTestApp({
      env: {
        PUBLIC_URL: base,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
      },
    });
    app = await openBrowserApp(t, port);
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
    await idp?.close();
  });

  /** Through the provider's forms as a person would: the account id, any password, consent. */
  async function signOnAs(page: Page, accountId: string, returnTo: string) {
    await page.goto(`${base}/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    await atProvider(page, accountId);
  }
  async function atProvider(page: Page, accountId: string) {
    assert.ok(page.url().startsWith(idp.issuer), 'at the provider');
    await page.locator('input[name="login"]').fill(accountId);
    await page.locator('input[name="password"]').fill('bất kỳ');
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
  }

  it('signs an existing account in and lands where the person was going', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    idp.accounts.set('can-bo-thu', { email: user.email, emailVerified: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signOnAs(page, 'can-bo-thu', '/nen-tang');
    assert.equal(new URL(page.url()).pathname, '/nen-tang');
    const cookies = await context.cookies(base);
    const session = cookies.find((c) => c.name === 'ndp_session');
    assert.ok(session?.httpOnly, 'an HttpOnly session cookie');
    assert.ok(!cookies.some((c) => c.name === 'ndp_oidc_flow'), 'the flow cookie is gone');
    const me = await page.request.get(`${base}/api/v1/auth/me`);
    assert.equal(me.status(), 200);
    assert.equal(((await me.json()) as { user: { id: string } }).user.id, user.userId);
    await context.close();
  });

  it('signs on from the button on the sign-in page, back to where the person was going', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    idp.accounts.set('can-bo-nut', { email: user.email, emailVerified: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/cong-viec/de-nghi`);
    assert.equal(new URL(page.url()).pathname, '/dang-nhap', 'sent to sign in');
    const button = page.getByRole('link', { name: signOnVi.button });
    await button.waitFor();
    await page.screenshot({ path: `${SHOTS}/sign-in-with-sso-button.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), button.click()]);
    await atProvider(page, 'can-bo-nut');
    assert.equal(new URL(page.url()).pathname, '/cong-viec/de-nghi');
    assert.ok((await context.cookies(base)).some((c) => c.name === 'ndp_session'));
    await context.close();
  });

  it('keeps a form whose session expired through single sign-on and sends it on', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    idp.accounts.set('can-bo-giu-form', { email: user.email, emailVerified: true });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    // A seeded platform of the editor's ministry (Bộ Tài chính's, as in work.browser.ts).
    await signOnAs(
      page,
      'can-bo-giu-form',
      '/cong-viec/de-nghi/moi?kind=update&platform=he-thong-mang-dau-thau-quoc-gia',
    );
    const summary = 'Cập nhật thử nghiệm qua đăng nhập một lần (dữ liệu thử)';
    await page.getByLabel(workVi.proposal.summary).fill(summary);
    // The session ends while the person is typing (every cookie gone, the provider's too).
    await context.clearCookies();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: workVi.proposal.save }).click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/cong-viec/de-nghi');
    assert.ok((await page.locator('main').innerText()).includes(workVi.signIn.expired));
    await page.screenshot({ path: `${SHOTS}/sign-on-kept-form.png`, fullPage: true });
    await page.getByRole('button', { name: signOnVi.button }).click();
    await page.locator('input[name="login"]').waitFor();
    await atProvider(page, 'can-bo-giu-form');
    assert.ok(!page.url().includes(encodeURIComponent(summary)), 'the form is not in the address');
    await page.screenshot({ path: `${SHOTS}/sign-on-continue.png`, fullPage: true });
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: workVi.signIn.continueButton }).click(),
    ]);
    assert.match(new URL(page.url()).pathname, /^\/cong-viec\/de-nghi\/[0-9a-f-]+$/);
    assert.ok((await page.locator('main').innerText()).includes(summary));
    await context.close();
  });

  it('tells a person without a registry account why, in Vietnamese', async () => {
    idp.accounts.set('nguoi-ngoai', {
      email: `nguoi-ngoai.${randomUUID().slice(0, 8)}@example.gov.vn`,
      emailVerified: true,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signOnAs(page, 'nguoi-ngoai', '/');
    assert.equal(await page.locator('h1').innerText(), signOnVi.problem.sign_on_failed.title);
    assert.equal(await page.getByRole('alert').innerText(), signOnVi.reason.unknown_user);
    assert.equal(
      await page.getByRole('link', { name: signOnVi.page.retry }).count(),
      0,
      'retrying cannot help',
    );
    await page.screenshot({ path: `${SHOTS}/sign-on-unknown-user.png`, fullPage: true });
    assert.ok(!(await context.cookies(base)).some((c) => c.name === 'ndp_session'));
    await context.close();
  });
});
