import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { localSystemWorkVi as w } from '../../src/i18n/local-system-work.vi.ts';
import { localSystemsVi } from '../../src/i18n/local-systems.vi.ts';
import { workVi } from '../../src/i18n/work.vi.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { createTestUser, send, signInAs, type TestSession } from '../../src/testing/test-session.ts';

/**
 * A locality officer's list of its systems and the authority's nationwide report, and the work
 * screens (record, check, comply or explain, the authority's decision), in Chromium with
 * JavaScript off. The systems are SYNTHETIC (marked "thử nghiệm"). Screenshots in test-results/.
 */

describe('local systems pages in Chromium', () => {
  let t: TestApp;
  let app: BrowserApp | undefined;
  let browser: Browser;
  let base = '';
  let officer: TestSession;
  let reviewer: TestSession;
  const problems: string[] = [];

  before(async () => {
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
    app = await openBrowserApp(t);
    ({ base, browser } = app);
  });

  after(async () => {
    await app?.close();
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
  /** Signs in through the sign-in page, from a page that needs it, as a person would. */
  async function signInFrom(path: string, user: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.url()}: ${res.status()}`);
    });
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByLabel(workVi.signIn.email).fill(user.email);
    await page.getByLabel(workVi.signIn.password, { exact: true }).fill(user.password);
    await page.getByRole('button', { name: workVi.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname === path);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  it('records a duplicate, answers it with a justification the authority accepts, then approves it', async () => {
    const name = 'Hệ thống đấu thầu qua mạng của sở (thử nghiệm)';
    const officerUser = await createTestUser(t, 'locality_officer');
    const reviewerUser = await createTestUser(t, 'authority_reviewer');

    // The officer records a planned system that duplicates a national platform.
    const officerPage = await signInFrom('/he-thong-dia-phuong/moi', officerUser);
    assert.equal(await officerPage.getByRole('heading', { level: 1 }).textContent(), w.newTitle);
    await officerPage.getByLabel(w.field.name, { exact: true }).fill(name);
    await officerPage
      .getByLabel(w.field.description, { exact: true })
      .fill('Dữ liệu thử nghiệm: phần mềm để chủ đầu tư tổ chức lựa chọn nhà thầu qua mạng.');
    await officerPage
      .getByLabel(w.field.functions, { exact: true })
      .fill('Đăng tải thông tin đấu thầu\nLựa chọn nhà thầu qua mạng');
    await officerPage.getByLabel(w.field.decisionNumber, { exact: true }).fill('45/QĐ-UBND');
    await officerPage.getByLabel(w.field.decisionDate, { exact: true }).fill('12/05/2026');
    await officerPage.getByLabel(w.field.budgetVnd, { exact: true }).fill('2.500.000.000');
    await shot(officerPage, 'local-system-new');
    await officerPage.getByRole('button', { name: w.save }).click();
    await officerPage.waitForURL(/\/he-thong-dia-phuong\/[0-9a-f-]{36}\?done=created/);
    const systemPath = new URL(officerPage.url()).pathname;

    // It sees the overlap verdict, with the national platform found.
    const verdict = officerPage.locator('#check .verdict');
    assert.equal(await verdict.locator('.verdict-title').innerText(), localSystemsVi.verdict.overlap);
    assert.ok(
      (await officerPage.locator('#check .matches').innerText()).includes('Hệ thống mạng đấu thầu quốc gia'),
    );
    await shot(officerPage, 'local-system-verdict');
    await officerPage.setViewportSize({ width: 390, height: 844 });
    await shot(officerPage, 'local-system-verdict-mobile');
    await officerPage.setViewportSize({ width: 1280, height: 900 });

    // Approving it before answering the overlap is refused, beside the status.
    await officerPage.getByLabel(w.field.status, { exact: true }).selectOption('approved');
    await officerPage.getByRole('button', { name: w.saveChanges }).click();
    assert.ok(await officerPage.locator('#err-status').isVisible());
    await shot(officerPage, 'local-system-approve-refused');

    // A justification missing a required field: the error is beside that field.
    const comply = officerPage.locator('#comply');
    await comply.getByLabel(w.field.reason).fill('Thử nghiệm: cần quy trình riêng của địa phương.');
    await comply.getByLabel(w.field.platformUnfit).fill('Thử nghiệm: chưa hỗ trợ gói thầu nhỏ của xã.');
    await comply.getByRole('button', { name: w.justify }).click();
    const costError = officerPage.locator('#err-costComparison');
    assert.ok(await costError.isVisible());
    assert.equal(await officerPage.getByLabel(w.field.costComparison).getAttribute('aria-invalid'), 'true');
    assert.equal(
      await officerPage.getByLabel(w.field.reason).inputValue(),
      'Thử nghiệm: cần quy trình riêng của địa phương.',
    );
    await shot(officerPage, 'local-system-justification-missing');
    await officerPage.locator('#comply').screenshot({ path: `${SHOTS}/local-system-comply-form.png` });
    await officerPage.getByLabel(w.field.costComparison).fill('Thử nghiệm: chi phí thấp hơn thuê nền tảng.');
    await officerPage.locator('#comply').getByRole('button', { name: w.justify }).click();
    await officerPage.waitForURL(/\?done=justified/);
    assert.ok(
      (await officerPage.locator('.facts').first().innerText()).includes(localSystemsVi.standing.pending),
    );

    // The reviewer accepts it from the queue, with a reason.
    const reviewerPage = await signInFrom('/he-thong-dia-phuong/giai-trinh-cho-tham-dinh', reviewerUser);
    const item = reviewerPage.locator('article.queue-item').filter({ hasText: name });
    assert.ok(await item.isVisible());
    await shot(reviewerPage, 'local-system-queue');
    await item.getByLabel(w.field.comment).fill('Chấp nhận (thử nghiệm): phạm vi khác nền tảng quốc gia.');
    await item.getByRole('button', { name: w.accept }).click();
    await reviewerPage.waitForLoadState();
    assert.ok((await reviewerPage.locator('.notice-ok').innerText()).includes(name));

    // The officer now approves it; the locality's list shows the status and the accepted answer.
    await officerPage.goto(`${base}${systemPath}`);
    await officerPage.getByLabel(w.field.status, { exact: true }).selectOption('approved');
    await officerPage.getByRole('button', { name: w.saveChanges }).click();
    await officerPage.waitForURL(/\?done=saved/);
    await officerPage.getByRole('link', { name: w.back }).click();
    const row = officerPage.locator('tbody tr').filter({ hasText: name });
    const text = await row.innerText();
    assert.ok(text.includes(localSystemsVi.status.approved), text);
    assert.ok(text.includes(localSystemsVi.standing.justified), text);
    await shot(officerPage, 'local-system-list-approved');
    assert.deepEqual(problems, []);
  });
});
