import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { localSystemsVi } from '../../src/i18n/local-systems.vi.ts';
import { launchChromium, SHOTS, serveApp, type ServedApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../src/testing/test-session.ts';

/**
 * A locality officer's list of its systems and the authority's nationwide report, in Chromium
 * with JavaScript off. The systems are SYNTHETIC (marked "thử nghiệm"). Screenshots in test-results/.
 */

describe('local systems pages in Chromium', () => {
  let t: TestApp;
  let served: ServedApp | undefined;
  let browser: Browser;
  let base = '';
  let officer: TestSession;
  let reviewer: TestSession;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    reviewer = await signInAs(t, 'authority_reviewer');
    for (const body of [
      {
        name: 'Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)',
        functions: ['Lựa chọn nhà thầu qua mạng'],
        budgetVnd: 2_500_000_000,
        decision: { number: '45/QĐ-UBND', date: '2026-05-12' },
      },
      { name: 'Cổng dịch vụ công của tỉnh (thử nghiệm)', organisation: 'tinh-ha-giang-truoc-2025' },
      { name: 'Hệ thống quản lý vườn ươm cây giống (thử nghiệm)', status: 'operating' },
    ]) {
      const res = await send(t, 'POST', '/api/v1/local-systems', { session: officer, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    served = await serveApp(t);
    base = served.base;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  async function signedIn(session: TestSession, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, locale: 'vi-VN' });
    const [name, value] = session.cookie.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.url()}: ${res.status()}`);
    });
    return page;
  }

  it('the officer sees its systems, their status, check and answer, and where each came from', async () => {
    const page = await signedIn(officer);
    await page.goto(`${base}/he-thong-dia-phuong`);
    await page.screenshot({ path: `${SHOTS}/local-systems-desktop.png`, fullPage: true });
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), localSystemsVi.page.listTitle);
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 3);
    const bidding = rows.filter({ hasText: 'Hệ thống đấu thầu qua mạng của tỉnh' });
    assert.match((await bidding.textContent()) ?? '', /Trùng lặp/);
    assert.match((await bidding.textContent()) ?? '', /Chưa giải trình/);
    assert.match((await bidding.textContent()) ?? '', /45\/QĐ-UBND ngày 12\/05\/2026/);
    const portal = rows.filter({ hasText: 'Cổng dịch vụ công của tỉnh' });
    assert.match((await portal.textContent()) ?? '', /Ghi nhận cho: Tỉnh Hà Giang/);
    const mobile = await signedIn(officer, { width: 390, height: 844 });
    await mobile.goto(`${base}/he-thong-dia-phuong`);
    await mobile.screenshot({ path: `${SHOTS}/local-systems-mobile.png`, fullPage: true });
  });

  it('the authority reads the nationwide report and downloads it as CSV', async () => {
    const page = await signedIn(reviewer);
    await page.goto(`${base}/bao-cao-trung-lap`);
    await page.screenshot({ path: `${SHOTS}/overlap-report-desktop.png`, fullPage: true });
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      localSystemsVi.page.reportTitle,
    );
    assert.ok(await page.getByRole('row', { name: /Hệ thống mạng đấu thầu quốc gia/ }).isVisible());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: localSystemsVi.page.exportCsv }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^overlap-report-.*\.csv$/);
    assert.deepEqual(problems, []);
  });
});
