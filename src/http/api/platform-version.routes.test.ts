import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Summary {
  version: number;
  baseline: boolean;
  reason: string;
  author: { name: string } | null;
  approvedBy: { name: string } | null;
}

const PLATFORM = 'he-thong-mang-dau-thau-quoc-gia';

describe('platform versions', () => {
  let t: TestApp;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    const editor = await signInAs(t, 'ministry_editor');
    reviewer = await signInAs(t, 'authority_reviewer');
    const body = {
      kind: 'update',
      platform: PLATFORM,
      summary: 'Bổ sung thông tin vận hành',
      proposed: {
        description: 'Hệ thống mạng đấu thầu quốc gia',
        functions: ['Đấu thầu qua mạng'],
        status: 'operating',
        operator: 'Trung tâm Đấu thầu qua mạng quốc gia',
        focalPoints: [{ name: 'Tổng đài hỗ trợ', unit: null, email: null, phone: '1900 6126' }],
        aliases: ['e-GP', 'Mạng đấu thầu'],
      },
    };
    const cr = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body,
    });
    const sent = await send<{ version: number }>(t, 'POST', `/api/v1/change-requests/${cr.body.id}/submit`, {
      session: editor,
      body: { version: cr.body.version },
    });
    const approved = await send(t, 'POST', `/api/v1/change-requests/${cr.body.id}/decision`, {
      session: reviewer,
      body: { version: sent.body.version, decision: 'approve' },
    });
    assert.equal(approved.status, 200);
  });
  after(() => t.close());

  it('lists the versions, newest first; who proposed and approved is for the authority and the owner only', async () => {
    const pub = await send<{ items: Summary[] }>(t, 'GET', `/api/v1/platforms/${PLATFORM}/versions`);
    assert.equal(pub.status, 200);
    assert.deepEqual(
      pub.body.items.map((v) => [v.version, v.baseline, v.reason]),
      [
        [2, false, 'Bổ sung thông tin vận hành'],
        [1, true, ''],
      ],
    );
    assert.equal(pub.body.items[0]?.author, null);
    const authority = await send<{ items: Summary[] }>(t, 'GET', `/api/v1/platforms/${PLATFORM}/versions`, {
      session: reviewer,
    });
    assert.match(authority.body.items[0]?.author?.name ?? '', /ministry_editor/);
    assert.match(authority.body.items[0]?.approvedBy?.name ?? '', /authority_reviewer/);
  });

  it('shows a version as it was, and compares any two field by field', async () => {
    const v1 = await send<{ content: { aliases: string[]; status: string | null } }>(
      t,
      'GET',
      `/api/v1/platforms/${PLATFORM}/versions/1`,
    );
    assert.equal(v1.body.content.status, null);
    const diff = await send<{ changes: { field: string; from: unknown; to: unknown }[] }>(
      t,
      'GET',
      `/api/v1/platforms/${PLATFORM}/compare?from=1&to=2`,
    );
    assert.deepEqual(
      diff.body.changes.map((c) => c.field),
      ['aliases', 'description', 'functions', 'status', 'operator', 'focalPoints'],
    );
    assert.deepEqual(
      diff.body.changes.find((c) => c.field === 'status'),
      { field: 'status', from: null, to: 'operating' },
    );
    const back = await send<{ changes: { field: string; from: unknown }[] }>(
      t,
      'GET',
      `/api/v1/platforms/${PLATFORM}/compare?from=2&to=1`,
    );
    assert.equal(back.body.changes.find((c) => c.field === 'status')?.from, 'operating');
    assert.equal((await send(t, 'GET', `/api/v1/platforms/${PLATFORM}/versions/9`)).status, 404);
    assert.equal((await send(t, 'GET', `/api/v1/platforms/${PLATFORM}/compare?from=1`)).status, 400);
  });

  it('gives an unchanged platform its current state as its only version', async () => {
    const res = await send<{ items: Summary[] }>(
      t,
      'GET',
      '/api/v1/platforms/cong-dich-vu-cong-quoc-gia/versions',
    );
    assert.deepEqual(
      res.body.items.map((v) => [v.version, v.baseline]),
      [[1, true]],
    );
    assert.equal((await send(t, 'GET', '/api/v1/platforms/khong-co/versions')).status, 404);
  });

  it('keeps versions immutable in the database', async () => {
    await assert.rejects(sql`UPDATE platform_version SET reason = 'x'`.execute(t.db), /append-only/);
    await assert.rejects(sql`DELETE FROM platform_version`.execute(t.db), /append-only/);
  });
});
