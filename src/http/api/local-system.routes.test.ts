import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

// Synthetic test data only: every system below is invented and marked "(thử nghiệm)".
interface System {
  id: string;
  name: string;
  status: string;
  version: number;
  organisationId: string;
  originOrganisationId: string;
  locality: { id: string; name: string } | null;
  origin: { id: string; name: string } | null;
  latestCheck: {
    id: number;
    verdict: string;
    catalogueRevision: number;
    rulesVersion: string;
    trigger: string;
    matches: { platformId: string; level: string }[];
  } | null;
  standing: string;
  checks: { id: number; trigger: string }[];
  resolutions: { id: string; status: string }[];
}
interface Resolution {
  id: string;
  kind: string;
  status: string;
  coveredPlatformIds: string[];
  reviewComment: string | null;
}
interface Problem {
  code: string;
  reason?: string;
  needed?: string[];
  overlappingPlatforms?: string[];
  currentVersion?: number;
  errors?: { field: string; code: string; message: string }[];
}

const BIDDING = {
  name: 'Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)',
  description:
    'Dữ liệu thử nghiệm: phần mềm để các chủ đầu tư trên địa bàn tỉnh tổ chức lựa chọn nhà thầu qua mạng.',
  functions: ['Đăng tải thông tin đấu thầu', 'Lựa chọn nhà thầu qua mạng'],
};
const NURSERY = {
  name: 'Hệ thống quản lý vườn ươm cây giống của tỉnh (thử nghiệm)',
  functions: ['Theo dõi vườn ươm cây giống'],
};

describe('local systems: record, check, comply or explain', () => {
  let t: TestApp;
  let officer: TestSession; // Tỉnh Tuyên Quang (Hà Giang merged into it on 01/07/2025)
  let hanoi: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    hanoi = await signInAs(t, 'locality_officer', { organisation: 'thanh-pho-ha-noi' });
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor');
  });
  after(() => t.close());

  const record = async (body: Record<string, unknown>, session = officer) => {
    const res = await send<System>(t, 'POST', '/api/v1/local-systems', { session, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const patch = (s: System, body: Record<string, unknown>, session = officer) =>
    send<System & Problem>(t, 'PATCH', `/api/v1/local-systems/${s.id}`, {
      session,
      body: { version: s.version, ...body },
    });
  const resolve = (s: System, body: Record<string, unknown>, session = officer) =>
    send<Resolution & Problem>(t, 'POST', `/api/v1/local-systems/${s.id}/resolutions`, { session, body });
  const decide = (r: Resolution, body: Record<string, unknown>, session = reviewer) =>
    send<Resolution & Problem>(t, 'POST', `/api/v1/local-system-resolutions/${r.id}/decision`, {
      session,
      body,
    });

  it('records a system with a check snapshot and an audit entry, in its own locality', async () => {
    const s = await record({
      ...NURSERY,
      data: ['Danh sách vườn ươm'],
      decision: { number: '12/QĐ-UBND', date: '2026-03-02' },
      budgetVnd: 1_500_000_000,
      contact: { name: 'Cán bộ thử nghiệm', email: 'thu.nghiem@example.gov.vn', phone: '0212 3456 789' },
    });
    assert.equal(s.status, 'proposed');
    assert.equal(s.version, 1);
    assert.equal(s.locality?.id, officer.organisationId);
    assert.equal(s.latestCheck?.verdict, 'clear');
    assert.equal(s.latestCheck?.trigger, 'record');
    assert.ok(s.latestCheck && s.latestCheck.catalogueRevision >= 0 && s.latestCheck.rulesVersion.length > 0);
    assert.equal(s.standing, 'none');
    const audit = await send<{ items: { action: string }[] }>(t, 'GET', `/api/v1/audit?targetId=${s.id}`, {
      session: reviewer,
    });
    assert.deepEqual(
      audit.body.items.map((i) => i.action),
      ['local_system.create'],
    );
  });

  it('a system recorded for a former province belongs to its successor and still shows where it came from', async () => {
    const s = await record({
      ...NURSERY,
      name: 'Phần mềm quản lý cây giống Hà Giang (thử nghiệm)',
      organisation: 'tinh-ha-giang-truoc-2025',
    });
    assert.equal(s.origin?.name, 'Tỉnh Hà Giang');
    assert.equal(s.locality?.id, officer.organisationId);
    assert.equal(s.organisationId, officer.organisationId);
    const list = await send<{ items: System[] }>(t, 'GET', '/api/v1/local-systems', { session: officer });
    const listed = list.body.items.find((i) => i.id === s.id);
    assert.equal(listed?.origin?.name, 'Tỉnh Hà Giang');
    assert.equal(listed?.locality?.name, 'Tỉnh Tuyên Quang');
    // Asking for the former province lists what was recorded for it, and only that.
    const former = await send<{ items: System[] }>(
      t,
      'GET',
      '/api/v1/local-systems?organisation=tinh-ha-giang-truoc-2025',
      { session: reviewer },
    );
    assert.deepEqual(
      former.body.items.map((i) => i.id),
      [s.id],
    );
    const fromHanoi = await send(t, 'GET', '/api/v1/local-systems?organisation=tinh-ha-giang-truoc-2025', {
      session: hanoi,
    });
    assert.equal(fromHanoi.status, 403);
  });

  it('only the locality’s officers manage its records; the authority reads all; the public nothing', async () => {
    const s = await record({ ...NURSERY, name: 'Hệ thống riêng của Tuyên Quang (thử nghiệm)' });
    assert.equal((await send(t, 'GET', '/api/v1/local-systems')).status, 401);
    assert.equal((await send(t, 'GET', `/api/v1/local-systems/${s.id}`)).status, 401);
    assert.equal((await send(t, 'GET', '/api/v1/local-systems', { session: editor })).status, 403);
    // Another province neither sees it (404: its existence does not leak) nor writes to it.
    assert.equal((await send(t, 'GET', `/api/v1/local-systems/${s.id}`, { session: hanoi })).status, 404);
    assert.equal((await patch(s, { name: 'Đổi tên' }, hanoi)).status, 404);
    const foreignList = await send(t, 'GET', `/api/v1/local-systems?organisation=tinh-tuyen-quang`, {
      session: hanoi,
    });
    assert.equal(foreignList.status, 403);
    const foreign = await send<Problem>(t, 'POST', '/api/v1/local-systems', {
      session: hanoi,
      body: { ...NURSERY, organisation: 'tinh-tuyen-quang' },
    });
    assert.equal(foreign.status, 403);
    const own = await send<{ items: System[] }>(t, 'GET', '/api/v1/local-systems', { session: hanoi });
    assert.ok(!own.body.items.some((i) => i.id === s.id));
    // The authority reads every locality's, and may filter, but does not write them.
    const all = await send<{ items: System[] }>(t, 'GET', '/api/v1/local-systems', { session: reviewer });
    assert.ok(all.body.items.some((i) => i.id === s.id));
    const filtered = await send<{ items: System[] }>(
      t,
      'GET',
      '/api/v1/local-systems?organisation=thanh-pho-ha-noi',
      {
        session: reviewer,
      },
    );
    assert.ok(!filtered.body.items.some((i) => i.id === s.id));
    assert.equal((await patch(s, { name: 'Đổi tên' }, reviewer)).status, 403);
  });

  it('names each invalid field', async () => {
    const bad = await send<Problem>(t, 'POST', '/api/v1/local-systems', {
      session: officer,
      body: {
        name: '   ',
        decision: { number: '5/QĐ-UBND', date: '2099-01-01' },
        budgetVnd: -1,
        contact: { email: 'không-phải-email', phone: 'abc' },
        status: 'planned',
      },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors?.map((e) => e.field).sort(), ['budgetVnd', 'name', 'status']);
    const semantic = await send<Problem>(t, 'POST', '/api/v1/local-systems', {
      session: officer,
      body: {
        name: 'Hệ thống (thử nghiệm)',
        decision: { number: '5/QĐ-UBND', date: '2099-01-01' },
        contact: { email: 'không-phải-email', phone: 'abc' },
      },
    });
    assert.equal(semantic.status, 400);
    assert.deepEqual(semantic.body.errors?.map((e) => e.field).sort(), [
      'contact.email',
      'contact.phone',
      'decision.date',
    ]);
    const ministry = await send<Problem>(t, 'POST', '/api/v1/local-systems', {
      session: officer,
      body: { ...NURSERY, organisation: 'bo-tai-chinh' },
    });
    assert.equal(ministry.status, 403, 'a locality officer records nothing for a ministry');
  });

  it('optimistic concurrency: the second writer gets 409 and the first edit stays', async () => {
    const s = await record({ ...NURSERY, name: 'Hệ thống A (thử nghiệm)' });
    const first = await patch(s, { budgetVnd: 2_000_000 });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 2);
    const second = await patch(s, { budgetVnd: 3_000_000 });
    assert.equal(second.status, 409);
    assert.equal(second.body.currentVersion, 2);
    const now = await send<System & { budgetVnd: number }>(t, 'GET', `/api/v1/local-systems/${s.id}`, {
      session: officer,
    });
    assert.equal(now.body.budgetVnd, 2_000_000);
  });

  it('an overlapping system moves forward only after an accepted justification', async () => {
    const s = await record(BIDDING);
    assert.equal(s.latestCheck?.verdict, 'overlap');
    assert.equal(s.standing, 'unresolved');
    const blocked = await patch(s, { status: 'approved' });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.reason, 'overlap_unresolved');
    assert.deepEqual(blocked.body.needed, ['adoption', 'justification']);
    assert.ok((blocked.body.overlappingPlatforms ?? []).length > 0);

    const incomplete = await resolve(s, {
      kind: 'justification',
      reason: 'Cần quản lý gói thầu của tỉnh (thử nghiệm)',
    });
    assert.equal(incomplete.status, 400);
    assert.deepEqual(
      incomplete.body.errors?.map((e) => e.field),
      ['platformUnfit', 'costComparison'],
    );

    const justification = {
      kind: 'justification',
      reason: 'Cần quản lý gói thầu của tỉnh (thử nghiệm)',
      platformUnfit: 'Thiếu chức năng báo cáo theo mẫu của tỉnh (thử nghiệm)',
      costComparison: 'Tự xây dựng 2 tỷ đồng, dùng nền tảng 0 đồng cộng 500 triệu tích hợp (thử nghiệm)',
    };
    const filed = await resolve(s, justification);
    assert.equal(filed.status, 201);
    assert.equal(filed.body.status, 'pending');
    assert.deepEqual(filed.body.coveredPlatformIds, blocked.body.overlappingPlatforms);
    assert.equal((await patch(s, { status: 'approved' })).body.reason, 'justification_pending');
    const queue = await send<{ items: System[] }>(t, 'GET', '/api/v1/local-systems?standing=pending', {
      session: reviewer,
    });
    assert.deepEqual(
      queue.body.items.map((i) => i.id),
      [s.id],
    );

    // The locality does not judge its own justification.
    assert.equal(
      (await decide(filed.body, { decision: 'accept', comment: 'Tự duyệt' }, officer)).status,
      403,
    );
    const noComment = await decide(filed.body, { decision: 'reject', comment: '' });
    assert.equal(noComment.status, 400);
    assert.equal(noComment.body.errors?.[0]?.field, 'comment');
    const rejected = await decide(filed.body, {
      decision: 'reject',
      comment: 'Hãy dùng hệ thống quốc gia (thử nghiệm)',
    });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal((await decide(filed.body, { decision: 'accept', comment: 'Đổi ý' })).status, 409);
    assert.equal((await patch(s, { status: 'approved' })).body.reason, 'justification_rejected');

    const again = await resolve(s, { ...justification, integrationPlan: 'Kết nối qua LGSP (thử nghiệm)' });
    const accepted = await decide(again.body, { decision: 'accept', comment: 'Chấp nhận (thử nghiệm)' });
    assert.equal(accepted.body.status, 'accepted');
    assert.equal(accepted.body.reviewComment, 'Chấp nhận (thử nghiệm)');
    const moved = await patch(s, { status: 'approved' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.status, 'approved');
    assert.equal(moved.body.standing, 'justified');
    assert.equal(moved.body.resolutions.length, 2);
  });

  it('adopting a catalogue platform also answers the overlap; a system with none needs no answer', async () => {
    const s = await record({ ...BIDDING, name: 'Phần mềm lựa chọn nhà thầu qua mạng của tỉnh (thử nghiệm)' });
    assert.equal(s.latestCheck?.verdict, 'overlap');
    const unknown = await resolve(s, { kind: 'adoption', platform: 'khong-co-nen-tang-nay' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.errors?.[0]?.field, 'platform');
    const adopted = await resolve(s, { kind: 'adoption', platform: 'he-thong-mang-dau-thau-quoc-gia' });
    assert.equal(adopted.status, 201);
    assert.equal(adopted.body.status, 'adopted');
    const moved = await patch(s, { status: 'in_development' });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.standing, 'adopted');

    const clear = await record({ ...NURSERY, name: 'Hệ thống theo dõi cây giống (thử nghiệm)' });
    assert.equal(
      (await resolve(clear, { kind: 'adoption', platform: 'he-thong-mang-dau-thau-quoc-gia' })).status,
      400,
    );
    assert.equal((await patch(clear, { status: 'operating' })).status, 200);
  });

  it('nothing is recorded straight into a forward status over an overlap; retired is final', async () => {
    const before = await send<{ items: System[] }>(t, 'GET', '/api/v1/local-systems', { session: officer });
    const refused = await send<Problem>(t, 'POST', '/api/v1/local-systems', {
      session: officer,
      body: { ...BIDDING, status: 'operating' },
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.reason, 'overlap_unresolved');
    const after = await send<{ items: System[] }>(t, 'GET', '/api/v1/local-systems', { session: officer });
    assert.equal(after.body.items.length, before.body.items.length);

    const s = await record({ ...NURSERY, name: 'Hệ thống cũ (thử nghiệm)', status: 'operating' });
    const retired = await patch(s, { status: 'retired' });
    assert.equal(retired.status, 200);
    const back = await patch(retired.body, { status: 'operating' });
    assert.equal(back.status, 409);
    assert.equal(back.body.reason, 'status_retired');
  });

  it('an edit of what the system does is checked again; a new overlap needs a new answer', async () => {
    const s = await record({ ...NURSERY, name: 'Hệ thống dự kiến (thử nghiệm)' });
    const edited = await patch(s, BIDDING);
    assert.equal(edited.status, 200);
    assert.equal(edited.body.latestCheck?.verdict, 'overlap');
    assert.equal(edited.body.latestCheck?.trigger, 'edit');
    assert.equal(edited.body.checks.length, 2);
    assert.equal((await patch(edited.body, { status: 'approved' })).body.reason, 'overlap_unresolved');
  });
});
