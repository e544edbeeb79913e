import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Entry {
  id: string;
  name: string;
  owner: { name: string } | null;
}
interface Report {
  items: { a: Entry; b: Entry; score: number; reasons: string[] }[];
  dismissed: { a: string; b: string; note: string | null; names: string[] }[];
  threshold: number;
}

const DINH_DANH = 'Nền tảng định danh và xác thực điện tử';
const VNEID = 'VNeID';

describe('catalogue hygiene API', () => {
  let t: TestApp;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp();
    reviewer = await signInAs(t, 'authority_reviewer');
  });
  after(() => t.close());

  const report = async (session: TestSession = reviewer) =>
    send<Report>(t, 'GET', '/api/v1/catalogue-hygiene', { session });
  const isPair = (p: { a: Entry; b: Entry }, x: string, y: string) =>
    (p.a.name === x && p.b.name === y) || (p.a.name === y && p.b.name === x);

  it('lists the identification platform and its app as a likely double entry, with reasons', async () => {
    const { status, body } = await report();
    assert.equal(status, 200);
    const pair = body.items.find((p) => isPair(p, DINH_DANH, VNEID));
    assert.ok(pair, body.items.map((p) => `${p.a.name} ~ ${p.b.name}`).join(' | '));
    assert.ok(pair.score >= body.threshold);
    assert.ok(pair.reasons.length > 0);
    for (let i = 1; i < body.items.length; i++) assert.ok(body.items[i - 1]!.score >= body.items[i]!.score);
  });

  it('exports the pairs as CSV', async () => {
    const res = await t.app.request('/api/v1/catalogue-hygiene/export', {
      headers: { cookie: reviewer.cookie },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const text = await res.text();
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.ok(header?.startsWith('score,platform_a,'));
    assert.equal(rows.length, (await report()).body.items.length);
    assert.ok(rows.some((r) => r.includes(VNEID) && r.includes(DINH_DANH)));
  });

  it('a pair marked "not a duplicate" stops being listed, audited, and can be listed again', async () => {
    const pair = (await report()).body.items.find((p) => isPair(p, DINH_DANH, VNEID))!;
    const marked = await send(t, 'POST', '/api/v1/catalogue-hygiene/dismissals', {
      session: reviewer,
      body: { a: pair.b.id, b: pair.a.id, note: 'Ứng dụng là kênh của nền tảng; giữ hai mục (thử nghiệm)' },
    });
    assert.equal(marked.status, 201);
    const again = await send(t, 'POST', '/api/v1/catalogue-hygiene/dismissals', {
      session: reviewer,
      body: { a: pair.a.id, b: pair.b.id },
    });
    assert.equal(again.status, 200, 'marking twice changes nothing');

    const after = (await report()).body;
    assert.equal(
      after.items.find((p) => isPair(p, DINH_DANH, VNEID)),
      undefined,
    );
    const dismissed = after.dismissed.find((d) => d.names.includes(VNEID));
    assert.ok(dismissed?.note?.includes('kênh'));

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'catalogue_hygiene.%')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['catalogue_hygiene.dismiss'],
    );
    assert.equal(audit[0]!.actor_user_id, reviewer.userId);

    const restored = await send(
      t,
      'DELETE',
      `/api/v1/catalogue-hygiene/dismissals/${pair.a.id}/${pair.b.id}`,
      {
        session: reviewer,
      },
    );
    assert.equal(restored.status, 204);
    assert.ok((await report()).body.items.find((p) => isPair(p, DINH_DANH, VNEID)));
    const gone = await send<{ code: string }>(
      t,
      'DELETE',
      `/api/v1/catalogue-hygiene/dismissals/${pair.a.id}/${pair.b.id}`,
      { session: reviewer },
    );
    assert.equal(gone.status, 404);
  });

  it('refuses unknown platforms and a pair of one platform', async () => {
    const pair = (await report()).body.items[0]!;
    const unknown = await send<{ code: string }>(t, 'POST', '/api/v1/catalogue-hygiene/dismissals', {
      session: reviewer,
      body: { a: pair.a.id, b: '00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(unknown.status, 404);
    const same = await send<{ errors: { field: string }[] }>(
      t,
      'POST',
      '/api/v1/catalogue-hygiene/dismissals',
      {
        session: reviewer,
        body: { a: pair.a.id, b: pair.a.id },
      },
    );
    assert.equal(same.status, 400);
    assert.equal(same.body.errors[0]?.field, 'b');
    const bad = await send<{ errors: { field: string }[] }>(
      t,
      'POST',
      '/api/v1/catalogue-hygiene/dismissals',
      {
        session: reviewer,
        body: { a: 'not-an-id', b: pair.b.id },
      },
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0]?.field, 'a');
  });

  it('is for the authority only', async () => {
    for (const role of ['ministry_editor', 'locality_officer'] as const) {
      const session = await signInAs(t, role);
      assert.equal((await report(session)).status, 403, role);
      const csv = await t.app.request('/api/v1/catalogue-hygiene/export', {
        headers: { cookie: session.cookie },
      });
      assert.equal(csv.status, 403);
      const pair = (await report()).body.items[0]!;
      const write = await send(t, 'POST', '/api/v1/catalogue-hygiene/dismissals', {
        session,
        body: { a: pair.a.id, b: pair.b.id },
      });
      assert.equal(write.status, 403);
    }
    assert.equal((await t.get('/api/v1/catalogue-hygiene')).status, 401);
    const admin = await signInAs(t, 'authority_admin');
    assert.equal((await report(admin)).status, 200);
  });
});
