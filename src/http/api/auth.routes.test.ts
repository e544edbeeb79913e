import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { vietnamDate, type Clock } from '../../clock.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { createTestUser, send, sessionCookie, signIn, signInAs } from '../../testing/test-session.ts';

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}
interface SessionBody {
  user: { id: string; email: string; role: string; organisation: { code: string } | null };
  csrfToken: string;
  expiresAt: string;
}

/** A clock the test moves forward. */
function movableClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    today: () => vietnamDate(new Date(t)),
    advance: (ms) => void (t += ms),
  };
}
const MINUTE = 60_000;
const signInBody = (email: string, password: string) => ({ body: { email, password } });

describe('sign-in, sessions and sign-out', () => {
  let t: TestApp;
  const clock = movableClock('2026-11-30T02:00:00Z');
  before(async () => {
    t = await openTestApp({
      clock,
      env: {
        SIGN_IN_MAX_FAILURES: '3',
        SIGN_IN_MAX_FAILURES_PER_ADDRESS: '8',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
  });
  after(() => t.close());

  it('signs in with a cookie that is HttpOnly, SameSite=Lax, and answers /me', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const res = await send<SessionBody>(
      t,
      'POST',
      '/api/v1/auth/sign-in',
      signInBody(user.email.toUpperCase(), user.password),
    );
    assert.equal(res.status, 200);
    assert.equal(res.res.headers.get('cache-control'), 'no-store');
    const setCookie = res.res.headers.getSetCookie().join('\n');
    assert.match(setCookie, /^ndp_session=[A-Za-z0-9_-]{43};/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /Path=\//);
    assert.doesNotMatch(setCookie, /Secure/, 'plain http in auto mode');
    assert.equal(res.body.user.organisation?.code, 'bo-tai-chinh');
    const cookie = sessionCookie(res.res) ?? '';
    const me = await send<SessionBody>(t, 'GET', '/api/v1/auth/me', { session: { cookie, csrfToken: '' } });
    assert.equal(me.status, 200);
    assert.equal(me.body.user.id, user.userId);
    assert.equal(me.body.csrfToken, res.body.csrfToken);
    const token = cookie.split('=')[1] ?? '';
    const stored = await t.db
      .selectFrom('session')
      .select('token_hash')
      .where('user_id', '=', user.userId)
      .execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]?.token_hash, token, 'only the hash of the token is stored');
  });

  it('uses a __Host- Secure cookie over TLS', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const res = await t.app.request('https://registry.example/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.getSetCookie().join('\n'), /^__Host-ndp_session=[^;]+;.*Secure/);
  });

  it('answers the same 401 for an unknown account, a wrong password and a disabled account', async () => {
    const user = await createTestUser(t, 'locality_officer');
    const unknown = await send<Problem>(
      t,
      'POST',
      '/api/v1/auth/sign-in',
      signInBody('nobody@example.gov.vn', 'x'.repeat(12)),
    );
    const wrong = await send<Problem>(
      t,
      'POST',
      '/api/v1/auth/sign-in',
      signInBody(user.email, 'sai mật khẩu rồi'),
    );
    await t.db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', user.userId)
      .execute();
    const disabled = await send<Problem>(
      t,
      'POST',
      '/api/v1/auth/sign-in',
      signInBody(user.email, user.password),
    );
    for (const r of [unknown, wrong, disabled]) {
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'invalid_credentials');
      assert.equal(sessionCookie(r.res), null);
    }
    const failures = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    assert.ok(failures.length >= 3);
  });

  it('locks an account out after the configured failures, even for the right password, then lets it in', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await send(t, 'POST', '/api/v1/auth/sign-in', signInBody(user.email, `sai lần thứ ${i}!!`))).status,
        401,
      );
    const locked = await send<Problem>(
      t,
      'POST',
      '/api/v1/auth/sign-in',
      signInBody(user.email, user.password),
    );
    assert.equal(locked.status, 429);
    assert.equal(locked.body.code, 'rate_limited');
    assert.ok(Number(locked.res.headers.get('retry-after')) > 0);
    // An unknown address locks the same way: the lock-out says nothing about which accounts exist.
    for (let i = 0; i < 3; i++)
      await send(
        t,
        'POST',
        '/api/v1/auth/sign-in',
        signInBody('ghost@example.gov.vn', `sai ${i} 0123456789`),
      );
    assert.equal(
      (await send(t, 'POST', '/api/v1/auth/sign-in', signInBody('ghost@example.gov.vn', 'y'.repeat(12))))
        .status,
      429,
    );
    clock.advance(16 * MINUTE);
    assert.equal(
      (await send(t, 'POST', '/api/v1/auth/sign-in', signInBody(user.email, user.password))).status,
      200,
    );
    const actions = (await t.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    assert.ok(actions.includes('auth.locked_out'));
  });

  it('locks a client address out after failures across many accounts', async () => {
    clock.advance(16 * MINUTE); // a fresh window
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const t2 = await openTestApp({
      clock,
      env: { TRUST_PROXY: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '4', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    try {
      const user = await createTestUser(t2, 'ministry_editor');
      for (let i = 0; i < 4; i++)
        await send(t2, 'POST', '/api/v1/auth/sign-in', {
          ...signInBody(`spray${i}@example.gov.vn`, 'mật khẩu đoán thử'),
          headers: from,
        });
      const locked = await send(t2, 'POST', '/api/v1/auth/sign-in', {
        ...signInBody(user.email, user.password),
        headers: from,
      });
      assert.equal(locked.status, 429);
      const elsewhere = await send(t2, 'POST', '/api/v1/auth/sign-in', {
        ...signInBody(user.email, user.password),
        headers: { 'x-forwarded-for': '198.51.100.2' },
      });
      assert.equal(elsewhere.status, 200, 'another address is not locked');
    } finally {
      await t2.close();
    }
  });

  it('ends a session after 30 idle minutes, and after 12 hours however active', async () => {
    const s = await signInAs(t, 'ministry_editor');
    clock.advance(29 * MINUTE);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: s })).status, 200);
    clock.advance(31 * MINUTE);
    const idle = await send<Problem>(t, 'GET', '/api/v1/auth/me', { session: s });
    assert.equal(idle.status, 401);
    assert.equal(idle.body.code, 'not_authenticated');
    assert.match(
      idle.res.headers.getSetCookie().join(''),
      /ndp_session=;.*Max-Age=0/,
      'the browser is told to drop it',
    );
    const active = await signIn(t, s.email, s.password);
    for (let i = 0; i < 36; i++) {
      clock.advance(20 * MINUTE);
      const status = (await send(t, 'GET', '/api/v1/auth/me', { session: active })).status;
      assert.equal(status, i < 35 ? 200 : 401, `after ${(i + 1) * 20} minutes`);
    }
  });

  it('a new sign-in in the same browser ends the session it replaces (no token needed to sign in)', async () => {
    const first = await signInAs(t, 'ministry_editor');
    const again = await send(t, 'POST', '/api/v1/auth/sign-in', {
      ...signInBody(first.email, first.password),
      session: { cookie: first.cookie, csrfToken: '' },
    });
    assert.equal(again.status, 200);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: first })).status, 401);
  });

  it('signs out this session, or every session', async () => {
    const a = await signInAs(t, 'authority_reviewer');
    const b = await signIn(t, a.email, a.password);
    const c = await signIn(t, a.email, a.password);
    assert.equal((await send(t, 'POST', '/api/v1/auth/sign-out', { session: a })).status, 204);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: a })).status, 401);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: b })).status, 200);
    const everywhere = await send<{ ended: number }>(t, 'POST', '/api/v1/auth/sign-out-everywhere', {
      session: b,
    });
    assert.equal(everywhere.status, 200);
    assert.equal(everywhere.body.ended, 2);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: c })).status, 401);
    assert.equal((await send(t, 'POST', '/api/v1/auth/sign-out')).status, 401);
  });
});

describe('CSRF protection', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(() => t.close());

  it('refuses a cookie-authenticated write without the token, with a wrong one, or from another origin', async () => {
    const s = await signInAs(t, 'ministry_editor');
    const noToken = await send<Problem>(t, 'POST', '/api/v1/auth/sign-out', {
      session: { cookie: s.cookie, csrfToken: '' },
    });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.body.code, 'csrf_failed');
    const wrong = await send<Problem>(t, 'POST', '/api/v1/auth/sign-out', {
      session: { cookie: s.cookie, csrfToken: 'x'.repeat(43) },
    });
    assert.equal(wrong.status, 403);
    const crossSite = await send<Problem>(t, 'POST', '/api/v1/auth/sign-out', {
      session: s,
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(crossSite.status, 403);
    const fetchMeta = await send<Problem>(t, 'POST', '/api/v1/auth/sign-out', {
      session: s,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(fetchMeta.status, 403);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: s })).status, 200, 'still signed in');
    const sameOrigin = await send(t, 'POST', '/api/v1/auth/sign-out', {
      session: s,
      headers: { origin: 'http://localhost' },
    });
    assert.equal(sameOrigin.status, 204);
  });

  it('accepts the token as the _csrf field of an HTML form', async () => {
    const s = await signInAs(t, 'ministry_editor');
    const res = await t.app.request('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${encodeURIComponent(s.csrfToken)}`,
    });
    assert.equal(res.status, 204);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const res = await send<Problem>(t, 'POST', '/api/v1/auth/sign-in', {
      ...signInBody(user.email, user.password),
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'csrf_failed');
  });

  it('answers a body that is not JSON with 400 or 415, never 500', async () => {
    const post = (body: string, type?: string) =>
      t.app.request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body,
      });
    const malformed = await post('{"email":', 'application/json');
    assert.equal(malformed.status, 400);
    assert.deepEqual(((await malformed.json()) as Problem).errors?.[0], {
      field: '(body)',
      code: 'invalid_json',
      message: 'Nội dung gửi lên không phải JSON hợp lệ',
    });
    const form = await post('email=a&password=b', 'application/x-www-form-urlencoded');
    assert.equal(form.status, 415);
    assert.equal(((await form.json()) as Problem).code, 'unsupported_media_type');
  });

  it('leaves public reads and anonymous API calls alone', async () => {
    assert.equal(
      (
        await send(t, 'GET', '/api/v1/platforms?limit=1', {
          headers: { origin: 'https://elsewhere.example' },
        })
      ).status,
      200,
    );
  });
});

describe('sign-in rate limit', () => {
  it('limits sign-in and reset requests per client per minute', async () => {
    const t = await openTestApp({ seed: false, env: { AUTH_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const attempt = () =>
        send(t, 'POST', '/api/v1/auth/sign-in', signInBody('a@example.gov.vn', 'x'.repeat(12)));
      assert.equal((await attempt()).status, 401);
      assert.equal((await attempt()).status, 401);
      const limited = await attempt();
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.res.headers.get('retry-after')) >= 1);
      assert.equal(
        (await send(t, 'GET', '/api/v1/platforms')).status,
        200,
        'other endpoints are not limited by it',
      );
    } finally {
      await t.close();
    }
  });
});
