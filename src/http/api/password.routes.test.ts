import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { vietnamDate } from '../../clock.ts';
import { listUnsentEmails } from '../../db/email-outbox.repository.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { createTestUser, send, signIn, signInAs } from '../../testing/test-session.ts';

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}

let now = new Date('2026-11-30T02:00:00Z').getTime();
const clock = { now: () => new Date(now), today: () => vietnamDate(new Date(now)) };

describe('password reset by e-mailed token', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({
      clock,
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://ndp.example.gov.vn' },
    });
  });
  after(() => t.close());

  const tokenFromMail = async (to: string) => {
    const mail = (await listUnsentEmails(t.db)).filter((m) => m.to === to).at(-1);
    assert.ok(mail, `a mail to ${to}`);
    const match = /https:\/\/ndp\.example\.gov\.vn\/dat-lai-mat-khau\?token=([A-Za-z0-9_-]+)/.exec(mail.body);
    assert.ok(match, 'the link uses PUBLIC_URL, not the Host header');
    return match[1] as string;
  };

  it('answers 202 alike for known and unknown addresses; only a real account gets mail', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const before = (await listUnsentEmails(t.db)).length;
    const known = await send(t, 'POST', '/api/v1/auth/password-reset', {
      body: { email: user.email },
      headers: { host: 'evil.example' },
    });
    const unknown = await send(t, 'POST', '/api/v1/auth/password-reset', {
      body: { email: 'nobody@example.gov.vn' },
    });
    assert.equal(known.status, 202);
    assert.equal(unknown.status, 202);
    assert.equal((await listUnsentEmails(t.db)).length, before + 1);
    // Both requests are in the audit log; the one that sent nothing says why.
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after', 'request_id'])
      .where('request_id', 'in', [
        known.res.headers.get('x-request-id') ?? '',
        unknown.res.headers.get('x-request-id') ?? '',
      ])
      .execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), [
      'auth.password_reset_not_sent',
      'auth.password_reset_requested',
    ]);
    assert.deepEqual(audited.find((a) => a.action === 'auth.password_reset_not_sent')?.after, {
      email: 'nobody@example.gov.vn',
      reason: 'unknown',
    });
    const token = await tokenFromMail(user.email);
    const stored = await t.db
      .selectFrom('password_reset')
      .select('token_hash')
      .where('user_id', '=', user.userId)
      .execute();
    assert.ok(
      stored.every((r) => r.token_hash !== token),
      'only the hash is stored',
    );
  });

  it('sets the password once, ends every session, and refuses the token again', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const session = await signIn(t, user.email, user.password);
    await send(t, 'POST', '/api/v1/auth/password-reset', { body: { email: user.email } });
    const token = await tokenFromMail(user.email);
    const short = await send<Problem>(t, 'POST', '/api/v1/auth/password-reset/confirm', {
      body: { token, password: 'ngắn' },
    });
    assert.equal(short.status, 400);
    assert.deepEqual(
      short.body.errors?.map((e) => [e.field, e.code]),
      [['password', 'password_too_short']],
    );
    const password = 'một mật khẩu mới đủ dài';
    assert.equal(
      (await send(t, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password } })).status,
      204,
    );
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session })).status, 401, 'old sessions ended');
    await signIn(t, user.email, password);
    const again = await send<Problem>(t, 'POST', '/api/v1/auth/password-reset/confirm', {
      body: { token, password: `${password}!` },
    });
    assert.equal(again.status, 400);
    assert.equal(again.body.errors?.[0]?.field, 'token');
    assert.equal(again.body.errors?.[0]?.code, 'invalid_or_expired');
  });

  it('refuses an expired token, and an older token once a newer one is sent', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    await send(t, 'POST', '/api/v1/auth/password-reset', { body: { email: user.email } });
    const first = await tokenFromMail(user.email);
    await send(t, 'POST', '/api/v1/auth/password-reset', { body: { email: user.email } });
    const second = await tokenFromMail(user.email);
    const password = 'mật khẩu mới rất dài';
    assert.equal(
      (await send(t, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: first, password } }))
        .status,
      400,
    );
    now += 61 * 60_000;
    assert.equal(
      (await send(t, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: second, password } }))
        .status,
      400,
    );
  });

  it('sends at most three reset mails an hour to one account', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    for (let i = 0; i < 5; i++)
      await send(t, 'POST', '/api/v1/auth/password-reset', { body: { email: user.email } });
    assert.equal((await listUnsentEmails(t.db)).filter((m) => m.to === user.email).length, 3);
  });
});

describe('changing the password', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ clock, env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(() => t.close());

  it('needs the current password, and ends the other sessions but not this one', async () => {
    const s = await signInAs(t, 'authority_admin');
    const other = await signIn(t, s.email, s.password);
    const wrong = await send<Problem>(t, 'POST', '/api/v1/auth/password', {
      session: s,
      body: { currentPassword: 'không phải mật khẩu', newPassword: 'mật khẩu mới rất dài' },
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors?.[0]?.field, 'currentPassword');
    const ok = await send(t, 'POST', '/api/v1/auth/password', {
      session: s,
      body: { currentPassword: s.password, newPassword: 'mật khẩu mới rất dài' },
    });
    assert.equal(ok.status, 204);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: s })).status, 200);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: other })).status, 401);
  });

  it('makes a user with a one-time password set a new one before any other write', async () => {
    const s = await signInAs(t, 'authority_admin', { mustChangePassword: true });
    const blocked = await send<Problem>(t, 'POST', '/api/v1/users', {
      session: s,
      body: { email: 'a@example.gov.vn', name: 'A', role: 'ministry_editor', organisation: 'bo-tai-chinh' },
    });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'password_change_required');
    const me = await send<{ user: { mustChangePassword: boolean } }>(t, 'GET', '/api/v1/auth/me', {
      session: s,
    });
    assert.equal(me.body.user.mustChangePassword, true);
    await send(t, 'POST', '/api/v1/auth/password', {
      session: s,
      body: { currentPassword: s.password, newPassword: 'mật khẩu riêng của tôi' },
    });
    const after = await send<{ user: { mustChangePassword: boolean } }>(t, 'GET', '/api/v1/auth/me', {
      session: s,
    });
    assert.equal(after.body.user.mustChangePassword, false);
  });
});
