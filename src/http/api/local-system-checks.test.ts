import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

// Synthetic test data only: the system below is invented and marked "(thử nghiệm)".
const BIDDING = {
  name: 'Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)',
  description:
    'Dữ liệu thử nghiệm: phần mềm để các chủ đầu tư trên địa bàn tỉnh tổ chức lựa chọn nhà thầu qua mạng.',
  functions: ['Đăng tải thông tin đấu thầu', 'Lựa chọn nhà thầu qua mạng'],
};
interface Snapshot {
  id: number;
  verdict: string;
  trigger: string;
  rulesVersion: string;
  systemVersion: number;
  matches: { platformId: string; name: string; level: string; reasons: string[] }[];
}
interface Checked {
  verdict: string;
  check: Snapshot;
  standing: string;
}
interface System {
  id: string;
  version: number;
  latestCheck: Snapshot | null;
  checks: Snapshot[];
}

describe('POST /api/v1/local-systems/{id}/checks: check this system now', () => {
  let t: TestApp;
  let officer: TestSession; // Tỉnh Tuyên Quang
  let hanoi: TestSession;
  let reviewer: TestSession;
  let admin: TestSession;
  let editor: TestSession;
  let system: System;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    hanoi = await signInAs(t, 'locality_officer', { organisation: 'thanh-pho-ha-noi' });
    reviewer = await signInAs(t, 'authority_reviewer');
    admin = await signInAs(t, 'authority_admin');
    editor = await signInAs(t, 'ministry_editor');
    const res = await send<System>(t, 'POST', '/api/v1/local-systems', { session: officer, body: BIDDING });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    system = res.body;
  });
  after(() => t.close());

  const checkNow = (session: TestSession | null, id = system.id) =>
    send<Checked & { code?: string }>(t, 'POST', `/api/v1/local-systems/${id}/checks`, { session });
  const auditActions = async () => {
    const res = await send<{ items: { action: string; after: Record<string, unknown> | null }[] }>(
      t,
      'GET',
      `/api/v1/audit?targetId=${system.id}`,
      { session: reviewer },
    );
    return res.body.items;
  };

  it('the locality’s officer checks it: verdict, a stored manual snapshot, and an audit entry', async () => {
    const res = await checkNow(officer);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.verdict, 'overlap');
    assert.equal(res.body.check.trigger, 'manual');
    assert.equal(res.body.check.systemVersion, system.version);
    assert.equal(res.body.standing, 'unresolved');
    const overlap = res.body.check.matches.find((m) => m.level === 'overlap');
    assert.equal(overlap?.name, 'Hệ thống mạng đấu thầu quốc gia');
    assert.ok((overlap?.reasons.length ?? 0) > 0);
    // The snapshot is the system's latest check now, kept beside the one made when it was recorded.
    const detail = await send<System>(t, 'GET', `/api/v1/local-systems/${system.id}`, { session: officer });
    assert.equal(detail.body.latestCheck?.id, res.body.check.id);
    assert.deepEqual(
      detail.body.checks.map((c) => c.trigger),
      ['manual', 'record'],
    );
    const audit = await auditActions();
    const entry = audit.find((i) => i.action === 'local_system.check');
    assert.ok(entry, JSON.stringify(audit));
    assert.equal(entry.after?.checkId, res.body.check.id);
    assert.equal(entry.after?.verdict, 'overlap');
  });

  it('the authority may check any locality’s system', async () => {
    const res = await checkNow(reviewer);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.check.trigger, 'manual');
  });

  it('another locality’s officer and other roles learn nothing; nothing is stored for them', async () => {
    const before = (await auditActions()).length;
    const foreign = await checkNow(hanoi);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.code, 'not_found');
    assert.equal((await checkNow(editor)).status, 404);
    assert.equal((await checkNow(null)).status, 401);
    assert.equal((await checkNow(officer, '00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await checkNow(officer, 'not-a-uuid')).status, 400);
    assert.equal((await auditActions()).length, before);
  });

  it('runs under the overlap rules in force', async () => {
    const first = await checkNow(officer);
    const put = await send(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { version: 0, rules: { overlapThreshold: 1 } },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const second = await checkNow(officer);
    assert.equal(second.status, 201);
    assert.notEqual(second.body.check.rulesVersion, first.body.check.rulesVersion);
    assert.notEqual(second.body.verdict, 'overlap');
    assert.equal(second.body.standing, 'none');
  });
});
