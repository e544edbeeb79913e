import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listUnsentEmails } from '../../db/email-outbox.repository.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signIn, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Problem {
  code: string;
  currentVersion?: number;
  errors?: { field: string; code: string }[];
}
interface User {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
  version: number;
  organisation: { code: string } | null;
}

describe('user management', () => {
  let t: TestApp;
  let admin: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
  });
  after(() => t.close());

  const newUser = {
    email: 'Cuc.CNTT@mof.gov.vn',
    name: 'Cán bộ Cục Tin học',
    role: 'ministry_editor',
    organisation: 'bo-tai-chinh',
  };

  it('is for administrators only: 401 for the public, 403 for every other role', async () => {
    assert.equal((await send(t, 'GET', '/api/v1/users')).status, 401);
    for (const role of ['authority_reviewer', 'ministry_editor', 'locality_officer'] as const) {
      const s = await signInAs(t, role);
      assert.equal((await send(t, 'GET', '/api/v1/users', { session: s })).status, 403, role);
      const create = await send<Problem>(t, 'POST', '/api/v1/users', {
        session: s,
        body: { ...newUser, role: 'authority_admin' },
      });
      assert.equal(create.status, 403, role);
      assert.equal(create.body.code, 'not_allowed');
    }
  });

  it('creates a user without a password and e-mails an invitation; the invitation sets it', async () => {
    const created = await send<User>(t, 'POST', '/api/v1/users', { session: admin, body: newUser });
    assert.equal(created.status, 201);
    assert.equal(created.body.email, 'cuc.cntt@mof.gov.vn');
    assert.equal(created.body.organisation?.code, 'bo-tai-chinh');
    const row = await t.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.password_hash, null, 'no default password');
    const mail = (await listUnsentEmails(t.db)).find((m) => m.to === 'cuc.cntt@mof.gov.vn');
    assert.equal(mail?.purpose, 'invitation');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
    const password = 'mật khẩu của cán bộ mới';
    assert.equal(
      (await send(t, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password } })).status,
      204,
    );
    await signIn(t, 'cuc.cntt@mof.gov.vn', password);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', created.body.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['user.create', 'auth.invitation_accepted', 'auth.sign_in'].slice(0, audit.length),
    );
    assert.equal(audit[0]?.actor_user_id, admin.userId);
    assert.doesNotMatch(JSON.stringify(audit), /argon2|password_hash/);
  });

  it('names each invalid field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...newUser, email: 'cuc.cntt@mof.gov.vn' }, 'email', 'email_taken'],
      [{ ...newUser, email: 'not an address' }, 'email', 'invalid_email'],
      [
        { ...newUser, email: 'x@y.vn', organisation: 'tinh-tuyen-quang' },
        'organisation',
        'role_organisation_mismatch',
      ],
      [
        { ...newUser, email: 'x@y.vn', organisation: 'bo-ke-hoach-va-dau-tu' },
        'organisation',
        'organisation_not_current',
      ],
      [{ ...newUser, email: 'x@y.vn', organisation: 'khong-co' }, 'organisation', 'not_found'],
      [{ ...newUser, email: 'x@y.vn', role: 'superuser' }, 'role', 'invalid_value'],
      [{ ...newUser, email: 'x@y.vn', name: '' }, 'name', 'too_small'],
      [{ ...newUser, email: 'x@y.vn', passwordHash: 'x' }, '(body)', 'unrecognized_keys'],
    ];
    for (const [body, field, code] of cases) {
      const res = await send<Problem>(t, 'POST', '/api/v1/users', { session: admin, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.errors?.[0]?.field, field, JSON.stringify(body));
      assert.equal(res.body.errors?.[0]?.code, code, JSON.stringify(body));
    }
  });

  it('changes a role with optimistic concurrency: the second writer gets 409 and the first change stays', async () => {
    const s = await signInAs(t, 'ministry_editor');
    const current = await send<User>(t, 'GET', `/api/v1/users/${s.userId}`, { session: admin });
    const first = await send<User>(t, 'PATCH', `/api/v1/users/${s.userId}`, {
      session: admin,
      body: { version: current.body.version, name: 'Tên mới' },
    });
    assert.equal(first.status, 200);
    const second = await send<Problem>(t, 'PATCH', `/api/v1/users/${s.userId}`, {
      session: admin,
      body: {
        version: current.body.version,
        role: 'authority_reviewer',
        organisation: 'bo-khoa-hoc-va-cong-nghe',
      },
    });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'conflict');
    assert.equal(second.body.currentVersion, first.body.version);
    const now = await send<User & { name: string }>(t, 'GET', `/api/v1/users/${s.userId}`, {
      session: admin,
    });
    assert.equal(now.body.name, 'Tên mới');
    assert.equal(now.body.role, 'ministry_editor');
  });

  it('disables a user and ends their sessions at once', async () => {
    const s = await signInAs(t, 'locality_officer');
    const { body } = await send<User>(t, 'GET', `/api/v1/users/${s.userId}`, { session: admin });
    const res = await send<User>(t, 'PATCH', `/api/v1/users/${s.userId}`, {
      session: admin,
      body: { version: body.version, disabled: true },
    });
    assert.equal(res.body.disabled, true);
    assert.equal((await send(t, 'GET', '/api/v1/auth/me', { session: s })).status, 401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('target_id', '=', s.userId)
      .where('action', '=', 'user.disable')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('keeps at least one administrator', async () => {
    const t2 = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    try {
      const only = await signInAs(t2, 'authority_admin');
      const { body } = await send<User>(t2, 'GET', `/api/v1/users/${only.userId}`, { session: only });
      const demote = await send<Problem>(t2, 'PATCH', `/api/v1/users/${only.userId}`, {
        session: only,
        body: { version: body.version, role: 'authority_reviewer' },
      });
      assert.equal(demote.status, 400);
      assert.equal(demote.body.errors?.[0]?.code, 'last_admin');
      const disable = await send<Problem>(t2, 'PATCH', `/api/v1/users/${only.userId}`, {
        session: only,
        body: { version: body.version, disabled: true },
      });
      assert.equal(disable.body.errors?.[0]?.field, 'disabled');
    } finally {
      await t2.close();
    }
  });

  it('gives no way to raise one’s own role', async () => {
    const s = await signInAs(t, 'ministry_editor');
    const res = await send<Problem>(t, 'PATCH', `/api/v1/users/${s.userId}`, {
      session: s,
      body: { version: 1, role: 'authority_admin' },
    });
    assert.equal(res.status, 403);
    const me = await send<{ user: User }>(t, 'GET', '/api/v1/auth/me', { session: s });
    assert.equal(me.body.user.role, 'ministry_editor');
  });
});
