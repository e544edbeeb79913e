import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Detail {
  id: string;
  status: string;
  version: number;
  summary: string;
}
interface Problem {
  code: string;
  currentVersion?: number;
  errors?: { field: string; code: string }[];
}

// Test data: a draft change request on a seeded platform, written by a synthetic test editor.
const BIDDING = 'he-thong-mang-dau-thau-quoc-gia';
const READY = {
  note: 'Ghi chú thử',
  description: 'Mô tả thử',
  functions: ['Chức năng thử'],
  status: 'operating',
  operator: 'Đơn vị thử',
  focalPoints: [{ name: 'Đầu mối thử', unit: null, email: 'thu@example.gov.vn', phone: '1900 0000' }],
};

describe('change requests: If-Match and ETag', () => {
  let t: TestApp;
  let editor: TestSession;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    editor = await signInAs(t, 'ministry_editor');
    reviewer = await signInAs(t, 'authority_reviewer');
  });
  after(() => t.close());

  const draft = async () => {
    const res = await send<Detail>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: { kind: 'update', platform: BIDDING, summary: 'Bản thử', proposed: READY },
    });
    assert.equal(res.status, 201);
    return res.body;
  };

  it('serves the version as a strong ETag on GET', async () => {
    const cr = await draft();
    const res = await send<Detail>(t, 'GET', `/api/v1/change-requests/${cr.id}`, { session: editor });
    assert.equal(res.status, 200);
    assert.equal(res.res.headers.get('etag'), `"${cr.version}"`);
  });

  it('accepts If-Match instead of version, and answers a stale one with 412 without writing', async () => {
    const cr = await draft();
    const path = `/api/v1/change-requests/${cr.id}`;
    const ok = await send<Detail>(t, 'PATCH', path, {
      session: editor,
      headers: { 'if-match': `"${cr.version}"` },
      body: { summary: 'Sửa lần một' },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.version, cr.version + 1);
    assert.equal(ok.res.headers.get('etag'), `"${cr.version + 1}"`);

    const stale = await send<Problem>(t, 'PATCH', path, {
      session: editor,
      headers: { 'if-match': `"${cr.version}"` },
      body: { summary: 'Sửa lần hai, trên bản cũ' },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.code, 'precondition_failed');
    assert.equal(stale.body.currentVersion, cr.version + 1);
    assert.match(stale.res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const now = await send<Detail>(t, 'GET', path, { session: editor });
    assert.equal(now.body.summary, 'Sửa lần một');
  });

  it('keeps 409 for a stale version in the body', async () => {
    const cr = await draft();
    const path = `/api/v1/change-requests/${cr.id}`;
    await send(t, 'PATCH', path, { session: editor, body: { version: cr.version, summary: 'Một' } });
    const stale = await send<Problem>(t, 'PATCH', path, {
      session: editor,
      body: { version: cr.version, summary: 'Hai' },
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    assert.equal(stale.body.currentVersion, cr.version + 1);
  });

  it('needs a version from one of the two, and refuses the two disagreeing or a malformed tag', async () => {
    const cr = await draft();
    const path = `/api/v1/change-requests/${cr.id}`;
    const none = await send<Problem>(t, 'PATCH', path, { session: editor, body: { summary: 'X' } });
    assert.equal(none.status, 400);
    assert.equal(none.body.errors?.[0]?.field, 'version');
    const both = await send<Problem>(t, 'PATCH', path, {
      session: editor,
      headers: { 'if-match': `"${cr.version + 5}"` },
      body: { version: cr.version, summary: 'X' },
    });
    assert.equal(both.status, 400);
    const weak = await send<Problem>(t, 'PATCH', path, {
      session: editor,
      headers: { 'if-match': `W/"${cr.version}"` },
      body: { summary: 'X' },
    });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.errors?.[0]?.field, 'If-Match');
  });

  it('takes If-Match on submit and on the decision', async () => {
    const cr = await draft();
    const path = `/api/v1/change-requests/${cr.id}`;
    const submitted = await send<Detail>(t, 'POST', `${path}/submit`, {
      session: editor,
      headers: { 'if-match': `"${cr.version}"` },
      body: {},
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.status, 'submitted');
    const stale = await send<Problem>(t, 'POST', `${path}/decision`, {
      session: reviewer,
      headers: { 'if-match': `"${cr.version}"` },
      body: { decision: 'reject', comment: 'Bản thử' },
    });
    assert.equal(stale.status, 412);
    const decided = await send<Detail>(t, 'POST', `${path}/decision`, {
      session: reviewer,
      headers: { 'if-match': `"${submitted.body.version}"` },
      body: { decision: 'reject', comment: 'Bản thử' },
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'rejected');
  });
});
