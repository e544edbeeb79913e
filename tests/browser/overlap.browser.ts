import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { overlapCheckVi as t } from '../../src/i18n/overlap-check.vi.ts';
import { vi } from '../../src/i18n/vi.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { signInAs } from '../../src/testing/test-session.ts';
import { catalogueHygieneVi as h } from '../../src/i18n/catalogue-hygiene.vi.ts';

/**
 * The public overlap check in real Chromium with JavaScript off: a duplicate plan, a province's
 * legitimate counterpart of a national platform, and an unrelated plan. Plans are like those of
 * tests/contract/overlap-sample.jsonl. Screenshots go to test-results/.
 */

describe('overlap check page in Chromium', () => {
  let app: TestApp;
  let browserApp: BrowserApp | undefined;
  let browser: Browser;
  let base = '';
  const problems: string[] = [];

  before(async () => {
    app = await openTestApp();
    browserApp = await openBrowserApp(app);
    ({ base, browser } = browserApp);
  });

  after(async () => {
    await browserApp?.close();
    assert.deepEqual(problems, []);
  });

  async function open(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('console', (msg) => {
      // A form sent with errors is answered 400 on purpose; Chromium logs that status.
      if (msg.type() === 'error' && !msg.text().includes('status of 400'))
        problems.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.url()}: ${res.status()}`);
    });
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  /** Opens the page from the navigation, fills the form as a person would, and submits it. */
  async function check(
    page: Page,
    plan: { name: string; description?: string; functions?: string[]; province?: string },
  ) {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: vi.nav.overlap }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByLabel(t.form.name).fill(plan.name);
    if (plan.description) await page.getByLabel(t.form.description).fill(plan.description);
    if (plan.functions) await page.getByLabel(t.form.functions).fill(plan.functions.join('\n'));
    if (plan.province) await page.getByLabel(t.form.province).selectOption({ label: plan.province });
    await page.getByRole('button', { name: t.form.submit }).click();
    await page.getByRole('heading', { level: 2, name: t.result.heading }).waitFor();
  }

  const verdict = (page: Page) => page.locator('.verdict-title').innerText();
  const matchesOf = (page: Page, level: 'overlap' | 'related') =>
    page.locator(`.match-${level} h3 a`).allInnerTexts();

  it('flags a province’s own identity app as an overlap with the national platform', async () => {
    const page = await open();
    await check(page, {
      name: 'Ứng dụng định danh điện tử công dân tỉnh Lào Cai',
      description:
        'Xây dựng ứng dụng di động để người dân trong tỉnh đăng ký tài khoản định danh và xác thực điện tử khi sử dụng dịch vụ công.',
      functions: ['Đăng ký tài khoản định danh điện tử', 'Xác thực người dùng khi nộp hồ sơ trực tuyến'],
      province: 'Tỉnh Lào Cai',
    });
    assert.equal(await verdict(page), t.result.verdict.overlap);
    const flagged = await matchesOf(page, 'overlap');
    assert.ok(flagged.includes('Nền tảng định danh và xác thực điện tử'), flagged.join(' | '));
    const card = page.locator('.match-overlap').first();
    assert.ok((await card.locator('mark').count()) > 0, 'matched words are marked');
    assert.ok((await card.getByText(t.result.owner).count()) > 0);
    // The form keeps what was typed, for another try.
    assert.equal(
      await page.getByLabel(t.form.name).inputValue(),
      'Ứng dụng định danh điện tử công dân tỉnh Lào Cai',
    );
    await shot(page, 'overlap-check-duplicate');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'overlap-check-duplicate-mobile');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/overlap-check-duplicate-mobile-match.png` });
    // The platform's own page is one click away.
    await card.locator('h3 a').click();
    await page.waitForURL(/\/nen-tang\//);
  });

  it('shows a province’s LGSP as related to the national data platform, not an overlap', async () => {
    const page = await open();
    await check(page, {
      name: 'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) của tỉnh',
      description: 'Kết nối các hệ thống thông tin của tỉnh với nền tảng quốc gia.',
    });
    assert.equal(await verdict(page), t.result.verdict.related);
    assert.equal((await matchesOf(page, 'overlap')).length, 0);
    const related = await matchesOf(page, 'related');
    assert.ok(
      related.some((name) => name.includes('NDXP')),
      related.join(' | '),
    );
    await shot(page, 'overlap-check-related');
  });

  it('says clear for an unrelated plan', async () => {
    const page = await open();
    await check(page, {
      name: 'Hệ thống quản lý chất lượng nước sông tỉnh Cần Thơ',
      description: 'Thu thập số liệu quan trắc chất lượng nước mặt tự động, cảnh báo ô nhiễm.',
    });
    assert.equal(await verdict(page), t.result.verdict.clear);
    assert.equal((await matchesOf(page, 'overlap')).length, 0);
    await shot(page, 'overlap-check-clear');
  });

  it('puts a missing name beside the field, keeping the rest', async () => {
    const page = await open();
    await page.goto(`${base}/kiem-tra-trung-lap`);
    await page.getByLabel(t.form.description).fill('Chỉ có mô tả');
    await page.getByRole('button', { name: t.form.submit }).click();
    await page.locator('#f-name-error').waitFor();
    assert.equal(await page.getByLabel(t.form.description).inputValue(), 'Chỉ có mô tả');
    assert.equal(await page.getByLabel(t.form.name).getAttribute('aria-invalid'), 'true');
    await shot(page, 'overlap-check-error');
  });

  it('lets a reviewer mark a pair of catalogue entries "not a duplicate"', async () => {
    const session = await signInAs(app, 'authority_reviewer');
    const page = await open();
    const at = session.cookie.indexOf('=');
    const [name, value] = [session.cookie.slice(0, at), session.cookie.slice(at + 1)];
    await page.context().addCookies([{ name, value, url: base }]);
    await page.goto(`${base}/ra-soat-danh-muc`);
    await page.getByRole('heading', { level: 1, name: h.title }).waitFor();
    const rows = page.locator('table.hygiene-pairs tbody tr');
    const before = await rows.count();
    assert.ok(before > 0);
    await shot(page, 'catalogue-hygiene');
    const row = rows.filter({ hasText: 'VNeID' }).first();
    await row.getByLabel(h.note).fill('Khác nhau (thử nghiệm)');
    await row.getByRole('button', { name: h.dismiss }).click();
    await page.getByRole('heading', { level: 2, name: /Khác|Đã đánh dấu/ }).waitFor();
    assert.equal(await rows.count(), before - 1);
    await shot(page, 'catalogue-hygiene-dismissed');
  });
});
