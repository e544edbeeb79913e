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
interface Checked {
  latestCheck: { verdict: string; rulesVersion: string } | null;
}

describe('local systems are checked under the overlap rules in force', () => {
  let t: TestApp;
  let officer: TestSession;
  let admin: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    admin = await signInAs(t, 'authority_admin');
  });
  after(() => t.close());

  const record = async () => {
    const res = await send<Checked>(t, 'POST', '/api/v1/local-systems', { session: officer, body: BIDDING });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.latestCheck!;
  };

  it('a threshold the authority raised applies to the next check of a local system at once', async () => {
    const before = await record();
    assert.equal(before.verdict, 'overlap');

    const put = await send(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { version: 0, rules: { overlapThreshold: 1 } },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    const after = await record();
    assert.notEqual(after.verdict, 'overlap');
    assert.notEqual(after.rulesVersion, before.rulesVersion);
  });
});
