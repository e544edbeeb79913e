import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}

// Test dates only, not an official announcement: the registry seeds no holiday as fact.
describe('the working calendar and review deadlines', () => {
  let t: TestApp;
  let admin: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
  });
  after(() => t.close());

  it('administrators add, change and remove days; everyone reads them', async () => {
    const added = await send(t, 'PUT', '/api/v1/holidays/2026-12-31', {
      session: admin,
      body: { name: 'Ngày nghỉ thử' },
    });
    assert.equal(added.status, 201);
    const changed = await send(t, 'PUT', '/api/v1/holidays/2026-12-31', {
      session: admin,
      body: { name: 'Ngày nghỉ thử (sửa)' },
    });
    assert.equal(changed.status, 200);
    const year = await send<{ items: { day: string; kind: string; name: string }[] }>(
      t,
      'GET',
      '/api/v1/holidays?year=2026',
    );
    assert.deepEqual(year.body.items, [{ day: '2026-12-31', kind: 'day_off', name: 'Ngày nghỉ thử (sửa)' }]);
    assert.equal((await send(t, 'DELETE', '/api/v1/holidays/2026-12-31', { session: admin })).status, 204);
    assert.equal((await send(t, 'DELETE', '/api/v1/holidays/2026-12-31', { session: admin })).status, 404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'holiday')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['holiday.put', 'holiday.put', 'holiday.delete'],
    );
  });

  it('refuses other roles and bad days', async () => {
    const reviewer = await signInAs(t, 'authority_reviewer');
    assert.equal(
      (await send(t, 'PUT', '/api/v1/holidays/2027-01-01', { session: reviewer, body: { name: 'x' } }))
        .status,
      403,
    );
    assert.equal((await send(t, 'PUT', '/api/v1/holidays/2027-01-01', { body: { name: 'x' } })).status, 401);
    const weekday = await send<Problem>(t, 'PUT', '/api/v1/holidays/2027-01-04', {
      session: admin,
      body: { kind: 'working_day', name: 'Thứ Hai' },
    });
    assert.equal(weekday.status, 400);
    assert.equal(weekday.body.errors?.[0]?.field, 'kind');
    const badDate = await send<Problem>(t, 'PUT', '/api/v1/holidays/31-12-2026', {
      session: admin,
      body: { name: 'x' },
    });
    assert.equal(badDate.status, 400);
    assert.equal(badDate.body.errors?.[0]?.field, 'day');
  });

  it('counts review deadlines in working days, skipping the days off the administrator entered', async () => {
    const editor = await signInAs(t, 'ministry_editor');
    const created = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: { kind: 'retire', platform: 'he-thong-mang-dau-thau-quoc-gia', summary: 'Thử hạn xử lý' },
    });
    const submitted = await send<{ deadline: { dueOn: string } }>(
      t,
      'POST',
      `/api/v1/change-requests/${created.body.id}/submit`,
      {
        session: editor,
        body: { version: created.body.version },
      },
    );
    assert.equal(submitted.body.deadline.dueOn, '2026-12-25');
    await send(t, 'PUT', '/api/v1/holidays/2026-12-24', { session: admin, body: { name: 'Ngày nghỉ thử' } });
    await send(t, 'PUT', '/api/v1/holidays/2026-12-25', { session: admin, body: { name: 'Ngày nghỉ thử' } });
    const shifted = await send<{ deadline: { dueOn: string } }>(
      t,
      'GET',
      `/api/v1/change-requests/${created.body.id}`,
      { session: editor },
    );
    assert.equal(shifted.body.deadline.dueOn, '2026-12-29', 'two days off push it past the weekend');
    await send(t, 'PUT', '/api/v1/holidays/2026-12-26', {
      session: admin,
      body: { kind: 'working_day', name: 'Làm bù thử' },
    });
    const swapped = await send<{ deadline: { dueOn: string } }>(
      t,
      'GET',
      `/api/v1/change-requests/${created.body.id}`,
      { session: editor },
    );
    assert.equal(swapped.body.deadline.dueOn, '2026-12-28', 'a Saturday worked counts');
  });
});
