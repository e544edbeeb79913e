import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Detail {
  id: string;
  status: string;
  version: number;
  kind: string;
  platformId: string | null;
  basePlatformVersion: number | null;
  platformChanged: boolean;
  publishedVersion: number | null;
  deadline: { dueOn: string; workingDaysLeft: number; overdue: boolean } | null;
  changes: { field: string; from: unknown; to: unknown }[];
  completeness: { score: number; missingRequired: string[]; ready: boolean };
  comments: { kind: string; body: string; author: { id: string } }[];
}
interface Problem {
  code: string;
  currentVersion?: number;
  currentPlatformVersion?: number;
  errors?: { field: string; code: string }[];
}
interface PublicPlatform {
  name: string;
  description: string | null;
  status: string | null;
  owner: { name: string } | null;
  focalPoints: { name: string }[];
}

const BIDDING = 'he-thong-mang-dau-thau-quoc-gia'; // declared by Bộ Kế hoạch và Đầu tư, now Bộ Tài chính's
const REQUIRED = {
  description: 'Hệ thống thông tin quốc gia về đấu thầu qua mạng',
  functions: ['Đăng tải thông tin đấu thầu', 'Lựa chọn nhà thầu qua mạng'],
  status: 'operating',
  operator: 'Trung tâm Đấu thầu qua mạng quốc gia',
  focalPoints: [{ name: 'Bộ phận hỗ trợ', unit: null, email: 'hotro@example.gov.vn', phone: '1900 0000' }],
};

describe('change requests: propose, review, publish', () => {
  let t: TestApp;
  let editor: TestSession;
  let otherEditor: TestSession;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    editor = await signInAs(t, 'ministry_editor'); // Bộ Tài chính
    otherEditor = await signInAs(t, 'ministry_editor', { organisation: 'bo-cong-an' });
    reviewer = await signInAs(t, 'authority_reviewer');
  });
  after(() => t.close());

  const draft = async (body: Record<string, unknown>) => {
    const res = await send<Detail>(t, 'POST', '/api/v1/change-requests', { session: editor, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const act = <T = Detail>(s: TestSession, path: string, body: unknown, method = 'POST') =>
    send<T>(t, method, `/api/v1/change-requests/${path}`, { session: s, body });

  it('a successor ministry proposes a change to a platform its predecessor declared; the draft stays private', async () => {
    const cr = await draft({
      kind: 'update',
      platform: BIDDING,
      summary: 'Bổ sung mô tả',
      proposed: { website: 'https://muasamcong.mpi.gov.vn' },
    });
    assert.equal(cr.status, 'draft');
    assert.equal(cr.basePlatformVersion, 1);
    assert.deepEqual(
      cr.changes.map((c) => c.field),
      ['website'],
    );
    assert.ok(cr.completeness.missingRequired.includes('description'));
    assert.equal(
      (await send(t, 'GET', `/api/v1/change-requests/${cr.id}`, { session: otherEditor })).status,
      404,
    );
    assert.equal(
      (await send(t, 'GET', `/api/v1/change-requests/${cr.id}`, { session: reviewer })).status,
      404,
      'drafts are the ministry’s own',
    );
    assert.equal((await send(t, 'GET', `/api/v1/change-requests/${cr.id}`)).status, 401);
    const queue = await send<{ items: Detail[] }>(t, 'GET', '/api/v1/change-requests', { session: reviewer });
    assert.ok(!queue.body.items.some((i) => i.id === cr.id));
    const mine = await send<{ items: Detail[] }>(t, 'GET', '/api/v1/change-requests', { session: editor });
    assert.ok(mine.body.items.some((i) => i.id === cr.id));
    const locality = await signInAs(t, 'locality_officer');
    assert.equal((await send(t, 'GET', '/api/v1/change-requests', { session: locality })).status, 403);
  });

  it('refuses a proposal for another ministry’s platform, and unknown fields', async () => {
    const res = await send<Problem>(t, 'POST', '/api/v1/change-requests', {
      session: otherEditor,
      body: { kind: 'update', platform: BIDDING, summary: 'x' },
    });
    assert.equal(res.status, 403);
    const sneaky = await send<Problem>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: {
        kind: 'create',
        summary: 'x',
        proposed: { name: 'A', declaredOwnerId: otherEditor.organisationId },
      },
    });
    assert.equal(sneaky.status, 400);
    assert.equal(sneaky.body.errors?.[0]?.code, 'unrecognized_keys');
    const bad = await send<Problem>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: {
        kind: 'create',
        summary: '',
        proposed: {
          website: 'javascript:alert(1)',
          focalPoints: [{ name: '', unit: null, email: 'x', phone: null }],
        },
      },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors?.map((e) => e.field).sort(), [
      'proposed.focalPoints[0].email',
      'proposed.focalPoints[0].name',
      'proposed.website',
      'summary',
    ]);
  });

  it('names the missing required fields on submit, then runs the whole review loop and publishes at once', async () => {
    let cr = await draft({ kind: 'update', platform: BIDDING, summary: 'Cập nhật thông tin vận hành' });
    const incomplete = await act<Problem>(editor, `${cr.id}/submit`, { version: cr.version });
    assert.equal(incomplete.status, 400);
    assert.deepEqual(
      incomplete.body.errors?.map((e) => e.field),
      [
        'proposed.description',
        'proposed.functions',
        'proposed.status',
        'proposed.operator',
        'proposed.focalPoints',
      ],
    );
    cr = (await act(editor, cr.id, { version: cr.version, proposed: REQUIRED }, 'PATCH')).body;
    assert.equal(cr.completeness.ready, true);
    const submitted = await act(editor, `${cr.id}/submit`, { version: cr.version });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.body.status, 'submitted');
    // Submitted Sunday 29/11/2026 (Vietnam): 20 working days later is Friday 25/12/2026.
    assert.deepEqual(submitted.body.deadline, { dueOn: '2026-12-25', workingDaysLeft: 20, overdue: false });
    assert.equal(
      (await act(editor, cr.id, { version: submitted.body.version, summary: 'x' }, 'PATCH')).status,
      403,
      'not editable while in review',
    );
    const noReason = await act<Problem>(reviewer, `${cr.id}/decision`, {
      version: submitted.body.version,
      decision: 'request_changes',
    });
    assert.equal(noReason.body.errors?.[0]?.field, 'comment');
    const sentBack = await act(reviewer, `${cr.id}/decision`, {
      version: submitted.body.version,
      decision: 'request_changes',
      comment: 'Thiếu địa chỉ trang web',
    });
    assert.equal(sentBack.body.status, 'changes_requested');
    assert.equal(sentBack.body.deadline, null);
    const fixed = await act(
      editor,
      cr.id,
      { version: sentBack.body.version, proposed: { website: 'https://muasamcong.mpi.gov.vn' } },
      'PATCH',
    );
    const resubmitted = await act(editor, `${cr.id}/submit`, {
      version: fixed.body.version,
      comment: 'Đã bổ sung',
    });
    assert.equal(resubmitted.body.status, 'resubmitted');
    const approved = await act(reviewer, `${cr.id}/decision`, {
      version: resubmitted.body.version,
      decision: 'approve',
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.publishedVersion, 2);
    assert.deepEqual(
      approved.body.comments.map((c) => c.kind),
      ['request_changes', 'submit'],
    );
    const published = await t.get<PublicPlatform>(`/api/v1/platforms/${BIDDING}`);
    assert.equal(published.body.description, REQUIRED.description);
    assert.equal(published.body.owner?.name, 'Bộ Tài chính');
    assert.equal(published.body.focalPoints[0]?.name, 'Bộ phận hỗ trợ');
    assert.equal(
      (
        await act<Problem>(reviewer, `${cr.id}/decision`, {
          version: approved.body.version,
          decision: 'reject',
          comment: 'x',
        })
      ).status,
      403,
    );
  });

  it('optimistic concurrency on a request: the second writer gets 409 and the first edit stays', async () => {
    const cr = await draft({
      kind: 'create',
      summary: 'Nền tảng mới',
      proposed: { name: 'Nền tảng thử nghiệm A' },
    });
    const first = await act(
      editor,
      cr.id,
      { version: cr.version, proposed: { name: 'Tên của người thứ nhất' } },
      'PATCH',
    );
    assert.equal(first.status, 200);
    const second = await act<Problem>(
      editor,
      cr.id,
      { version: cr.version, proposed: { name: 'Tên của người thứ hai' } },
      'PATCH',
    );
    assert.equal(second.status, 409);
    assert.equal(second.body.currentVersion, first.body.version);
    const now = await send<{ proposed: { name: string } }>(t, 'GET', `/api/v1/change-requests/${cr.id}`, {
      session: editor,
    });
    assert.equal(now.body.proposed.name, 'Tên của người thứ nhất');
  });

  it('two changes to one platform: the second approval gets 409, nothing is half-written, and a rebase lets it through', async () => {
    const platform = 'cong-dich-vu-cong-quoc-gia';
    const current = await t.get<{ id: string }>(`/api/v1/platforms/${platform}`);
    assert.equal(current.status, 200, 'a seeded platform owned by a body the editor’s family covers');
    const editorOf = await signInAs(t, 'ministry_editor', { organisation: 'van-phong-chinh-phu' });
    const open = async (operator: string) => {
      const created = await send<Detail>(t, 'POST', '/api/v1/change-requests', {
        session: editorOf,
        body: { kind: 'update', platform, summary: operator, proposed: { ...REQUIRED, operator } },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return (await act(editorOf, `${created.body.id}/submit`, { version: created.body.version })).body;
    };
    const a = await open('Đơn vị A');
    const b = await open('Đơn vị B');
    assert.equal(
      (await act(reviewer, `${a.id}/decision`, { version: a.version, decision: 'approve' })).status,
      200,
    );
    const revisionBefore = await t.db
      .selectFrom('catalogue_revision')
      .select('revision')
      .executeTakeFirstOrThrow();
    const stale = await act<Problem>(reviewer, `${b.id}/decision`, {
      version: b.version,
      decision: 'approve',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    assert.equal(stale.body.currentPlatformVersion, 2);
    const bNow = (await send<Detail>(t, 'GET', `/api/v1/change-requests/${b.id}`, { session: reviewer }))
      .body;
    assert.equal(bNow.status, 'submitted', 'the request is untouched');
    assert.equal(bNow.platformChanged, true);
    assert.deepEqual(bNow.comments, []);
    const versions = await t.db
      .selectFrom('platform_version')
      .select('version')
      .where('platform_id', '=', current.body.id)
      .execute();
    assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);
    const revisionAfter = await t.db
      .selectFrom('catalogue_revision')
      .select('revision')
      .executeTakeFirstOrThrow();
    assert.equal(revisionAfter.revision, revisionBefore.revision);
    assert.equal(
      (await t.get<{ operator: string }>(`/api/v1/platforms/${platform}`)).body.operator,
      'Đơn vị A',
    );
    // The reviewer sends it back; the editor looks at the new diff and brings the proposal up to date.
    const back = await act(reviewer, `${b.id}/decision`, {
      version: b.version,
      decision: 'request_changes',
      comment: 'Nền tảng đã thay đổi',
    });
    const rebased = await act(
      editorOf,
      b.id,
      { version: back.body.version, basePlatformVersion: 2 },
      'PATCH',
    );
    assert.equal(rebased.body.platformChanged, false);
    assert.deepEqual(
      rebased.body.changes.map((c) => c.field),
      ['operator'],
    );
    const again = await act(editorOf, `${b.id}/submit`, { version: rebased.body.version });
    assert.equal(
      (await act(reviewer, `${b.id}/decision`, { version: again.body.version, decision: 'approve' })).body
        .publishedVersion,
      3,
    );
  });

  it('two approvals at the same moment: exactly one publishes, the other gets 409', async () => {
    const platform = 'truc-lien-thong-van-ban-quoc-gia';
    const owner = await signInAs(t, 'ministry_editor', { organisation: 'van-phong-chinh-phu' });
    const found = await t.get<{ id: string }>(`/api/v1/platforms/${platform}`);
    assert.equal(found.status, 200);
    const open = async (operator: string) => {
      const created = await send<Detail>(t, 'POST', '/api/v1/change-requests', {
        session: owner,
        body: { kind: 'update', platform, summary: operator, proposed: { ...REQUIRED, operator } },
      });
      return (await act(owner, `${created.body.id}/submit`, { version: created.body.version })).body;
    };
    const [a, b] = [await open('Đơn vị C'), await open('Đơn vị D')];
    const results = await Promise.all(
      [a, b].map((cr) =>
        act<Problem>(reviewer, `${cr.id}/decision`, { version: cr.version, decision: 'approve' }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const versions = await t.db
      .selectFrom('platform_version')
      .select('version')
      .where('platform_id', '=', found.body.id)
      .execute();
    assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);
  });

  it('a new platform and a retirement, published for the public at once', async () => {
    const created = await draft({
      kind: 'create',
      summary: 'Khai báo nền tảng mới',
      proposed: {
        ...REQUIRED,
        name: 'Nền tảng thử nghiệm quản lý tài sản công',
        kind: 'shared_platform',
        scope: 'sector',
      },
    });
    const submitted = await act(editor, `${created.id}/submit`, { version: created.version });
    const approved = await act(reviewer, `${created.id}/decision`, {
      version: submitted.body.version,
      decision: 'approve',
    });
    assert.equal(approved.body.publishedVersion, 1);
    assert.ok(approved.body.platformId);
    const shown = await t.get<PublicPlatform>('/api/v1/platforms/nen-tang-thu-nghiem-quan-ly-tai-san-cong');
    assert.equal(shown.status, 200);
    assert.equal(shown.body.owner?.name, 'Bộ Tài chính');
    const retire = await draft({
      kind: 'retire',
      platform: 'nen-tang-thu-nghiem-quan-ly-tai-san-cong',
      summary: 'Ngừng vận hành',
    });
    const sent = await act(editor, `${retire.id}/submit`, { version: retire.version });
    const done = await act(reviewer, `${retire.id}/decision`, {
      version: sent.body.version,
      decision: 'approve',
    });
    assert.equal(done.body.publishedVersion, 2);
    assert.equal(
      (await t.get<PublicPlatform>('/api/v1/platforms/nen-tang-thu-nghiem-quan-ly-tai-san-cong')).body.status,
      'retired',
    );
  });

  it('rejection needs a reason and ends the request; every step is in the audit log', async () => {
    const cr = await draft({ kind: 'retire', platform: BIDDING, summary: 'Ngừng' });
    const sent = await act(editor, `${cr.id}/submit`, { version: cr.version });
    const rejected = await act(reviewer, `${cr.id}/decision`, {
      version: sent.body.version,
      decision: 'reject',
      comment: 'Nền tảng vẫn đang vận hành',
    });
    assert.equal(rejected.body.status, 'rejected');
    const again = await act<Problem>(editor, `${cr.id}/withdraw`, { version: rejected.body.version });
    assert.equal(again.status, 403);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', cr.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['change_request.create', 'change_request.submit', 'change_request.reject'],
    );
    assert.deepEqual(
      audit.map((a) => a.actor_user_id),
      [editor.userId, editor.userId, reviewer.userId],
    );
  });
});
