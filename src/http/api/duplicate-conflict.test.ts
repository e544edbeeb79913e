import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

// Truly concurrent creations of the same key: the services' own checks can all pass before any
// insert, so the database's constraint decides; the loser is a 409 naming the field, never a
// 500. Every organisation and document here is synthetic ("thử nghiệm").
interface Problem {
  code: string;
  reason: string;
  field: string;
  detail: string;
}

describe('concurrent duplicates are conflicts', () => {
  let t: TestApp;
  let admin: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
  });
  after(() => t.close());

  const problemOf = (res: { status: number; res: Response; body: unknown }) => {
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.match(res.res.headers.get('content-type') ?? '', /application\/problem\+json/);
    return res.body as Problem;
  };

  it('one organisation per code, however many ask at once', async () => {
    const body = {
      code: 'bo-thu-nghiem-dong-thoi',
      name: 'Bộ Thử nghiệm Đồng thời',
      kind: 'ministry',
      level: 'central',
    };
    const all = await Promise.all(
      [1, 2, 3, 4].map(() => send<Problem>(t, 'POST', '/api/v1/organisations', { session: admin, body })),
    );
    assert.deepEqual(
      all.map((r) => r.status).sort(),
      [201, 409, 409, 409],
      JSON.stringify(all.map((r) => r.body)),
    );
    for (const lost of all.filter((r) => r.status === 409)) {
      const problem = problemOf(lost);
      assert.equal(problem.code, 'conflict');
      assert.equal(problem.reason, 'organisation_code_taken');
      assert.equal(problem.field, 'code');
    }
    const rows = await t.db.selectFrom('organisation').select('id').where('code', '=', body.code).execute();
    assert.equal(rows.length, 1);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'organisation.create')
      .where('target_id', '=', rows[0]?.id ?? '')
      .execute();
    assert.equal(audited.length, 1, 'only the write that happened is audited');

    // Afterwards, one at a time: the same answer.
    const again = await send<Problem>(t, 'POST', '/api/v1/organisations', { session: admin, body });
    assert.equal(problemOf(again).code, 'conflict', 'the stable code, not the organisation’s');
    assert.equal(again.body.field, 'code');
    assert.equal(again.body.reason, 'organisation_code_taken');
  });

  it('one official document per number, at once or one after the other', async () => {
    const document = {
      number: '99/THU-DONG-THOI',
      issuedOn: '2026-11-20',
      issuer: 'bo-khoa-hoc-va-cong-nghe',
      kind: 'decision',
      title: 'Văn bản thử nghiệm (dữ liệu giả lập cho kiểm thử)',
    };
    const all = await Promise.all(
      [1, 2, 3].map(() =>
        send<Problem>(t, 'POST', '/api/v1/editions', { session: admin, body: { document } }),
      ),
    );
    assert.deepEqual(
      all.map((r) => r.status).sort(),
      [201, 409, 409],
      JSON.stringify(all.map((r) => r.body)),
    );
    for (const lost of all.filter((r) => r.status === 409)) {
      const problem = problemOf(lost);
      assert.equal(problem.reason, 'document_exists');
      assert.equal(problem.field, 'document.number');
    }
    const again = await send<Problem>(t, 'POST', '/api/v1/editions', { session: admin, body: { document } });
    assert.equal(problemOf(again).code, 'conflict');
    assert.equal(again.body.field, 'document.number');
    const docs = await t.db
      .selectFrom('document')
      .select('id')
      .where('number', '=', document.number)
      .execute();
    assert.equal(docs.length, 1);
  });

  it('explains a duplicate in Vietnamese, and in English when asked', async () => {
    const body = {
      code: 'bo-thu-nghiem-ngon-ngu',
      name: 'Bộ Thử nghiệm Ngôn ngữ',
      kind: 'ministry',
      level: 'central',
    };
    assert.equal((await send(t, 'POST', '/api/v1/organisations', { session: admin, body })).status, 201);
    const vi = await send<Problem>(t, 'POST', '/api/v1/organisations', { session: admin, body });
    assert.ok(problemOf(vi).detail.includes('đã có cơ quan mang mã này'), vi.body.detail);
    const en = await send<Problem>(t, 'POST', '/api/v1/organisations?lang=en', { session: admin, body });
    assert.ok(problemOf(en).detail.includes('an organisation with this code already exists'), en.body.detail);
  });
});
