import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Entry {
  id: number;
  action: string;
  actorUserId: string | null;
  targetId: string | null;
  requestId: string | null;
  after: unknown;
}
interface Page {
  items: Entry[];
  nextBefore: number | null;
}

describe('GET /api/v1/audit', () => {
  let t: TestApp;
  let admin: TestSession;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
    reviewer = await signInAs(t, 'authority_reviewer');
    for (const n of [1, 2, 3]) {
      const res = await send(t, 'POST', '/api/v1/users', {
        session: admin,
        body: {
          email: `editor${n}@mof.gov.vn`,
          name: `Biên tập ${n}`,
          role: 'ministry_editor',
          organisation: 'bo-tai-chinh',
        },
        headers: { 'x-request-id': `create-${n}` },
      });
      assert.equal(res.status, 201);
    }
  });
  after(() => t.close());

  it('is for the authority only', async () => {
    assert.equal((await send(t, 'GET', '/api/v1/audit')).status, 401);
    for (const role of ['ministry_editor', 'locality_officer'] as const) {
      const s = await signInAs(t, role);
      assert.equal((await send(t, 'GET', '/api/v1/audit', { session: s })).status, 403, role);
      assert.equal((await send(t, 'GET', '/api/v1/audit/export', { session: s })).status, 403, role);
    }
    assert.equal((await send(t, 'GET', '/api/v1/audit', { session: reviewer })).status, 200);
  });

  it('shows every write with its actor and request id, filtered and paged', async () => {
    const created = await send<Page>(t, 'GET', '/api/v1/audit?action=user.create', { session: reviewer });
    assert.equal(created.status, 200);
    assert.equal(created.body.items.length, 3);
    assert.ok(created.body.items.every((e) => e.actorUserId === admin.userId));
    assert.deepEqual(
      created.body.items.map((e) => e.requestId),
      ['create-3', 'create-2', 'create-1'],
    );
    const byRequest = await send<Page>(t, 'GET', '/api/v1/audit?requestId=create-2', { session: reviewer });
    assert.equal(byRequest.body.items.length, 1);
    const byActor = await send<Page>(t, 'GET', `/api/v1/audit?actor=${admin.userId}&limit=2`, {
      session: reviewer,
    });
    assert.equal(byActor.body.items.length, 2);
    assert.ok(byActor.body.nextBefore);
    const next = await send<Page>(
      t,
      'GET',
      `/api/v1/audit?actor=${admin.userId}&limit=2&before=${byActor.body.nextBefore}`,
      {
        session: reviewer,
      },
    );
    assert.ok(next.body.items.every((e) => e.id < (byActor.body.nextBefore ?? 0)));
    const byOrganisation = await send<Page>(
      t,
      'GET',
      '/api/v1/audit?organisation=bo-khoa-hoc-va-cong-nghe&action=user.create',
      {
        session: reviewer,
      },
    );
    assert.equal(byOrganisation.body.items.length, 3);
    const empty = await send<Page>(t, 'GET', '/api/v1/audit?from=2099-01-01', { session: reviewer });
    assert.equal(empty.body.items.length, 0);
    const inDay = await send<Page>(
      t,
      'GET',
      '/api/v1/audit?from=2026-11-29&to=2026-11-30&action=user.create',
      { session: reviewer },
    );
    assert.equal(inDay.body.items.length, 3, 'the test clock is 29/11/2026 10:00 in Vietnam');
  });

  it('names a bad filter', async () => {
    for (const [query, field] of [
      ['from=31/12/2026', 'from'],
      ['limit=501', 'limit'],
      ['actor=abc', 'actor'],
      ['organisation=khong-co', 'organisation'],
    ] as const) {
      const res = await send<{ errors: { field: string }[] }>(t, 'GET', `/api/v1/audit?${query}`, {
        session: reviewer,
      });
      assert.equal(res.status, 400, query);
      assert.equal(res.body.errors[0]?.field, field, query);
    }
  });

  it('exports CSV, and records who exported what', async () => {
    const res = await t.app.request('/api/v1/audit/export?action=user.create', {
      headers: { cookie: reviewer.cookie },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="audit-/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    assert.ok(text.startsWith('\uFEFFid,at,actor_user_id'));
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines.length, 4);
    assert.ok(lines.slice(1).every((l) => l.includes(',user.create,user,')));
    const exports = await send<Page>(t, 'GET', '/api/v1/audit?action=audit.export', { session: reviewer });
    assert.equal(exports.body.items.length, 1);
    assert.equal(exports.body.items[0]?.actorUserId, reviewer.userId);
  });
});
