import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../../testing/test-session.ts';

// Synthetic test data only: the systems are invented and marked "(thử nghiệm)".
describe('pages: a locality’s systems and the nationwide report', () => {
  let t: TestApp;
  let officer: TestSession;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    reviewer = await signInAs(t, 'authority_reviewer');
    for (const body of [
      { name: 'Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)', functions: ['Lựa chọn nhà thầu qua mạng'] },
      {
        name: '<script>alert(1)</script> Sổ theo dõi cây giống (thử nghiệm)',
        organisation: 'tinh-ha-giang-truoc-2025',
        budgetVnd: 1_500_000_000,
        decision: { number: '12/QĐ-UBND', date: '2026-03-02' },
      },
    ]) {
      const res = await send(t, 'POST', '/api/v1/local-systems', { session: officer, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  });
  after(() => t.close());

  const page = (path: string, session?: TestSession) =>
    t.app.request(path, { headers: session ? { cookie: session.cookie } : {} });

  it('shows the officer its locality’s systems with status, check and origin, escaped', async () => {
    const res = await page('/he-thong-dia-phuong', officer);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Hệ thống thông tin của địa phương'));
    assert.ok(html.includes('Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)'));
    assert.ok(html.includes('Trùng lặp'));
    assert.ok(html.includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.ok(html.includes('Chưa giải trình'));
    assert.ok(html.includes('Ghi nhận cho: Tỉnh Hà Giang'));
    assert.ok(html.includes('12/QĐ-UBND ngày 02/03/2026'));
    assert.ok(!html.includes('<script>alert(1)</script>'));
    assert.ok(html.includes('&lt;script&gt;'));
    const en = await (await page('/he-thong-dia-phuong?lang=en', officer)).text();
    assert.ok(en.includes('Local information systems'));
  });

  it('the report page is the authority’s; others are told, not shown', async () => {
    const res = await page('/bao-cao-trung-lap', reviewer);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Báo cáo trùng lặp toàn quốc'));
    assert.ok(html.includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.ok(html.includes('Tỉnh Tuyên Quang'));
    assert.ok(html.includes('/api/v1/overlap-report/export'));
    assert.equal((await page('/bao-cao-trung-lap', officer)).status, 403);
    assert.equal((await page('/bao-cao-trung-lap')).status, 401);
    assert.equal((await page('/he-thong-dia-phuong')).status, 401);
    // The authority chooses a locality.
    const chosen = await (await page('/he-thong-dia-phuong?organisation=tinh-tuyen-quang', reviewer)).text();
    assert.ok(chosen.includes('Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)'));
    assert.ok(chosen.includes('<select'));
  });
});
