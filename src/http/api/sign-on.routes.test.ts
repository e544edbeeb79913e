import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { vietnamDate } from '../../clock.ts';
import { updateUser } from '../../db/user.repository.ts';
import { signOnVi } from '../../i18n/sign-on.vi.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  signInAtProvider,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../../testing/test-oidc-provider.ts';
import { createTestUser, send, sessionCookie } from '../../testing/test-session.ts';

// End to end against a real OpenID provider (oidc-provider) on 127.0.0.1: synthetic accounts
// (example.gov.vn) only. The registry runs in-process; the provider is reached over HTTP.
const PUBLIC_URL = 'http://localhost:3000';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
let offsetMs = 0;
const clock = {
  now: () => new Date(Date.now() + offsetMs),
  today: () => vietnamDate(new Date(Date.now() + offsetMs)),
};

interface Problem {
  code: string;
  reason?: string;
  detail: string;
}

describe('single sign-on (OIDC) end to end', () => {
  let idp: TestOidcProvider;
  let t: TestApp;

  before(async () => {
    idp = await startTestOidcProvider(CALLBACK);
    t = await openTestApp({
      clock,
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

  /** A browser's trip: the registry's start, the provider's forms, back at the callback. */
  const start = async (returnTo?: string) => {
    const res = await t.app.request(
      `/api/v1/auth/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
    );
    assert.equal(res.status, 302);
    const line = res.headers.getSetCookie().find((l) => l.startsWith('ndp_oidc_flow='));
    assert.ok(line, 'a flow cookie');
    return { location: res.headers.get('location') ?? '', flowCookie: line.split(';')[0] ?? '', line };
  };
  const atProvider = (location: string, accountId: string, options: { cancel?: boolean } = {}) =>
    signInAtProvider(location, accountId, { ...options, stopAt: CALLBACK });
  const callback = (url: URL, cookie: string, accept = 'application/json') =>
    t.app.request(`${url.pathname}${url.search}`, { headers: { cookie, accept } });
  const refused = async (res: Response, reason: string) => {
    assert.equal(res.status, 401);
    assert.equal(sessionCookie(res), null, 'no session');
    const body = (await res.json()) as Problem;
    assert.equal(body.code, 'sign_on_failed');
    assert.equal(body.reason, reason);
    return body;
  };
  const providerAccount = (email: string, emailVerified = true) => {
    const id = `tai-khoan-${randomUUID().slice(0, 8)}`;
    idp.accounts.set(id, { email, emailVerified });
    return id;
  };
  const auditActions = async (userId: string) =>
    (
      await t.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('actor_user_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((r) => ({ action: r.action, after: r.after as Record<string, unknown> | null }));

  it('says single sign-on is on offer, with the button’s label', async () => {
    const { status, body } = await t.get<{ oidc: { enabled: boolean; startUrl: string; label: string } }>(
      '/api/v1/auth/methods',
    );
    assert.equal(status, 200);
    assert.deepEqual(body.oidc, {
      enabled: true,
      startUrl: '/api/v1/auth/oidc/start',
      label: signOnVi.button,
    });
  });

  it('signs an existing account in: redirect, provider, callback, a session that works', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const accountId = providerAccount(user.email.toUpperCase());

    const { location, flowCookie, line } = await start('/nen-tang?q=d%E1%BB%8Bch%20v%E1%BB%A5');
    assert.match(line, /HttpOnly/i);
    assert.match(line, /SameSite=Lax/i);
    assert.match(line, /Path=\/api\/v1\/auth\/oidc/);
    const authorization = new URL(location);
    assert.equal(authorization.origin, idp.issuer);
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorization.searchParams.get('redirect_uri'), CALLBACK);
    for (const name of ['state', 'nonce', 'code_challenge'])
      assert.ok(authorization.searchParams.get(name), `${name} sent`);
    assert.ok(!location.includes(idp.clientSecret));

    const back = await atProvider(location, accountId);
    assert.ok(back.searchParams.get('code'));
    const res = await callback(back, flowCookie, 'text/html');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/nen-tang?q=d%E1%BB%8Bch%20v%E1%BB%A5');
    const cookie = sessionCookie(res);
    assert.ok(cookie, 'the registry’s session cookie');

    const me = await send<{ user: { id: string; email: string }; csrfToken: string }>(
      t,
      'GET',
      '/api/v1/auth/me',
      { headers: { cookie } },
    );
    assert.equal(me.status, 200);
    assert.equal(me.body.user.id, user.userId);
    // A write with the session's CSRF token: the same session a password sign-in opens.
    const out = await send(t, 'POST', '/api/v1/auth/sign-out', {
      session: { cookie, csrfToken: me.body.csrfToken },
      headers: { origin: PUBLIC_URL },
    });
    assert.equal(out.status, 204);

    const actions = await auditActions(user.userId);
    assert.deepEqual(
      actions.map((a) => a.action),
      ['auth.sso_linked', 'auth.sign_in', 'auth.sign_out'],
    );
    assert.equal(actions[1]?.after?.method, 'oidc');

    // The flow is used once: the same callback again opens nothing.
    await refused(await callback(back, flowCookie), 'flow_expired');
  });

  it('finds a linked account by subject, and refuses another subject claiming its address', async () => {
    const user = await createTestUser(t, 'locality_officer');
    const accountId = providerAccount(user.email);
    let flow = await start();
    assert.equal((await callback(await atProvider(flow.location, accountId), flow.flowCookie)).status, 303);

    // The provider's address changes: the link by subject still finds the account.
    idp.accounts.set(accountId, {
      email: `doi-dia-chi.${randomUUID().slice(0, 8)}@example.gov.vn`,
      emailVerified: true,
    });
    flow = await start();
    const again = await callback(await atProvider(flow.location, accountId), flow.flowCookie);
    assert.equal(again.status, 303);

    // Someone else at the provider now has the old address: not the linked person.
    const impostor = providerAccount(user.email);
    flow = await start();
    await refused(
      await callback(await atProvider(flow.location, impostor), flow.flowCookie),
      'identity_mismatch',
    );
  });

  it('refuses a tampered state, and a callback from another browser’s flow', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const accountId = providerAccount(user.email);
    const flow = await start();
    const back = await atProvider(flow.location, accountId);
    const tampered = new URL(back);
    tampered.searchParams.set('state', `${back.searchParams.get('state')}x`);
    await refused(await callback(tampered, flow.flowCookie), 'state_mismatch');

    // The code is good, but the flow cookie is another browser's (login CSRF).
    const other = await start();
    const mine = await start();
    const code = await atProvider(mine.location, accountId);
    await refused(await callback(code, other.flowCookie), 'state_mismatch');
    await refused(await callback(code, ''), 'flow_expired');
    assert.deepEqual(
      (await auditActions(user.userId)).map((a) => a.action),
      [],
      'nothing signed in (failures before the account is known name no actor)',
    );
  });

  it('refuses an address with no registry account, and creates none', async () => {
    const email = `chua-co-tai-khoan.${randomUUID().slice(0, 8)}@example.gov.vn`;
    const accountId = providerAccount(email);
    const users = async () => (await t.db.selectFrom('app_user').select('id').execute()).length;
    const before = await users();
    const flow = await start();
    const res = await callback(await atProvider(flow.location, accountId), flow.flowCookie);
    const body = await refused(res, 'unknown_user');
    assert.equal(body.detail, signOnVi.reason.unknown_user, 'in Vietnamese by default');
    assert.equal(await users(), before);
    const failures = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'auth.sso_sign_in_failed')
      .execute();
    assert.ok(
      failures.some((f) => (f.after as { email?: string; reason?: string }).email === email),
      'the refusal is audited',
    );
  });

  it('shows a browser a page saying why, not a 5xx', async () => {
    const accountId = providerAccount(`khong-co.${randomUUID().slice(0, 8)}@example.gov.vn`);
    const flow = await start();
    const res = await callback(await atProvider(flow.location, accountId), flow.flowCookie, 'text/html');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const page = await res.text();
    assert.ok(page.includes(signOnVi.problem.sign_on_failed.title));
    assert.ok(page.includes(signOnVi.reason.unknown_user));
  });

  it('refuses a disabled account and an unverified address', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const current = await t.db
      .selectFrom('app_user')
      .select('version')
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    await updateUser(t.db, user.userId, current.version, { disabled: true }, clock.now());
    let flow = await start();
    await refused(
      await callback(await atProvider(flow.location, providerAccount(user.email)), flow.flowCookie),
      'disabled_user',
    );

    const other = await createTestUser(t, 'ministry_editor');
    flow = await start();
    await refused(
      await callback(await atProvider(flow.location, providerAccount(other.email, false)), flow.flowCookie),
      'email_missing',
    );
  });

  it('reports a cancelled sign-in at the provider and an expired flow', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const accountId = providerAccount(user.email);
    let flow = await start();
    const cancelled = await atProvider(flow.location, accountId, { cancel: true });
    assert.equal(cancelled.searchParams.get('error'), 'access_denied');
    await refused(await callback(cancelled, flow.flowCookie), 'provider_error');

    flow = await start();
    const back = await atProvider(flow.location, accountId);
    offsetMs += 11 * 60_000;
    try {
      await refused(await callback(back, flow.flowCookie), 'flow_expired');
    } finally {
      offsetMs = 0;
    }
  });
});

describe('single sign-on not configured', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ seed: false });
  });
  after(() => t.close());

  it('is not offered, and its paths are not found', async () => {
    const { body } = await t.get<{ password: boolean; oidc: { enabled: boolean; startUrl: null } }>(
      '/api/v1/auth/methods',
    );
    assert.equal(body.password, true);
    assert.equal(body.oidc.enabled, false);
    assert.equal(body.oidc.startUrl, null);
    assert.equal((await t.get('/api/v1/auth/oidc/start')).status, 404);
    assert.equal((await t.get('/api/v1/auth/oidc/callback?code=x&state=y')).status, 404);
  });
});

describe('single sign-on with the provider down', () => {
  let t: TestApp;
  before(async () => {
    // A port that was just free: nothing answers there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    t = await openTestApp({
      seed: false,
      env: {
        OIDC_ISSUER: `http://127.0.0.1:${port}`,
        OIDC_CLIENT_ID: 'ndp',
        OIDC_CLIENT_SECRET: 'thu-nghiem',
      },
    });
  });
  after(() => t.close());

  it('answers 401 provider_unavailable (a page for a browser), never a 5xx', async () => {
    const api = await t.get<Problem>('/api/v1/auth/oidc/start');
    assert.equal(api.status, 401);
    assert.equal(api.body.reason, 'provider_unavailable');
    const page = await t.app.request('/api/v1/auth/oidc/start', { headers: { accept: 'text/html' } });
    assert.equal(page.status, 401);
    assert.ok((await page.text()).includes(signOnVi.reason.provider_unavailable));
  });
});
