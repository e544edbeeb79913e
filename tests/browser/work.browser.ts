import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { vi } from '../../src/i18n/vi.ts';
import { workVi } from '../../src/i18n/work.vi.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { createTestUser } from '../../src/testing/test-session.ts';

/**
 * The review workflow in real Chromium, JavaScript off: a ministry editor proposes a change to
 * one of its platforms, a reviewer sends it back with a comment, the editor fixes and
 * resubmits, the reviewer approves, and the public page shows the change. The accounts are
 * created with random passwords (no default ones); every value entered is synthetic.
 */
const PLATFORM = 'he-thong-mang-dau-thau-quoc-gia';

describe('work screens in Chromium', () => {
  let t: TestApp;
  let app: BrowserApp | undefined;
  let browser: Browser;
  let base = '';
  const problems: string[] = [];

  before(async () => {
    t = await openTestApp();
    app = await openBrowserApp(t);
    ({ base, browser } = app);
  });

  after(async () => {
    await app?.close();
  });

  async function signedIn(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.url()}: ${res.status()}`);
    });
    await page.goto(`${base}/cong-viec`);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByLabel(workVi.signIn.email).fill(email);
    await page.getByLabel(workVi.signIn.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: workVi.signIn.submit }).click();
    await page.waitForLoadState();
    if (!/\/cong-viec$/.test(page.url())) await shot(page, 'work-sign-in-failed');
    await page.waitForURL(/\/cong-viec$/);
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  it('proposes, sends back, resubmits, approves and publishes', async () => {
    const editorUser = await createTestUser(t, 'ministry_editor');
    const reviewerUser = await createTestUser(t, 'authority_reviewer');

    // The editor finds the platform among its own and proposes a change.
    const editor = await signedIn(editorUser.email, editorUser.password);
    assert.ok((await editor.locator('.account').innerText()).includes('Người dùng thử (ministry_editor)'));
    await editor.getByRole('link', { name: workVi.work.myPlatforms }).click();
    await shot(editor, 'work-my-platforms');
    const row = editor.getByRole('row').filter({ hasText: 'Hệ thống mạng đấu thầu quốc gia' });
    await row.getByRole('link', { name: workVi.platforms.proposeChange }).click();
    await editor.waitForURL(/\/cong-viec\/de-nghi\/moi\?kind=update/);
    await editor.getByLabel(workVi.proposal.summary).fill('Bổ sung thông tin vận hành (dữ liệu thử)');
    await editor.getByLabel(workVi.field.description).fill('Mô tả thử nghiệm của nền tảng');
    await editor
      .getByLabel(workVi.field.functions)
      .fill('Chức năng thử nghiệm thứ nhất\nChức năng thử nghiệm thứ hai');
    await editor.getByLabel(workVi.field.status, { exact: true }).selectOption('operating');
    await editor.getByLabel(workVi.field.operator).fill('Đơn vị vận hành thử nghiệm');
    await editor
      .getByRole('group', { name: 'Đầu mối 1' })
      .getByLabel(workVi.field.focalName)
      .fill('Đầu mối thử nghiệm');
    await editor
      .getByRole('group', { name: 'Đầu mối 1' })
      .getByLabel(workVi.field.focalEmail)
      .fill('dau.moi@example.gov.vn');
    await editor.getByRole('button', { name: workVi.proposal.check }).click();
    assert.ok((await editor.locator('.completeness').innerText()).includes(workVi.proposal.complete));
    await shot(editor, 'work-proposal-checked');
    await editor.getByRole('button', { name: workVi.proposal.submit }).click();
    await editor.waitForURL(/\/cong-viec\/de-nghi\/[0-9a-f-]+\?ok=submitted$/);
    const requestPath = new URL(editor.url()).pathname;
    assert.ok(
      (await editor.locator('.badge').first().innerText()).includes(vi.changeRequestStatus.submitted),
    );
    await shot(editor, 'work-request-submitted');

    // The reviewer finds it in the queue, reads the diff, and asks for a change.
    const reviewer = await signedIn(reviewerUser.email, reviewerUser.password);
    await reviewer.getByRole('link', { name: workVi.work.reviewQueue }).click();
    assert.match(await reviewer.locator('table.requests').innerText(), /còn \d+ ngày làm việc/);
    await shot(reviewer, 'work-review-queue');
    await reviewer.locator(`a[href="${requestPath}"]`).click();
    const diff = await reviewer.locator('.diff').innerText();
    assert.ok(diff.includes('Đơn vị vận hành thử nghiệm'));
    await shot(reviewer, 'work-review-diff');
    await reviewer.getByLabel(workVi.proposal.decisionComment).fill('Ghi tên đầy đủ của đơn vị vận hành.');
    await reviewer.getByRole('button', { name: workVi.proposal.requestChanges }).click();
    await reviewer.waitForURL(/\?ok=decided$/);

    // The editor reads the comment, fixes and resubmits.
    await editor.goto(`${base}${requestPath}`);
    assert.ok(
      (await editor.locator('.comments').innerText()).includes('Ghi tên đầy đủ của đơn vị vận hành.'),
    );
    await editor.getByLabel(workVi.field.operator).fill('Trung tâm vận hành thử nghiệm (tên đầy đủ)');
    await shot(editor, 'work-request-changes-requested');
    await editor.getByRole('button', { name: workVi.proposal.resubmit }).click();
    await editor.waitForURL(/\?ok=submitted$/);

    // The reviewer approves; the public page shows the change.
    await reviewer.goto(`${base}${requestPath}`);
    await reviewer.getByRole('button', { name: workVi.proposal.approve }).click();
    await reviewer.waitForURL(/\?ok=decided$/);
    assert.ok(
      (await reviewer.locator('.badge').first().innerText()).includes(vi.changeRequestStatus.approved),
    );
    await shot(reviewer, 'work-approved');
    await reviewer.goto(`${base}/nen-tang/${PLATFORM}`);
    assert.ok(
      (await reviewer.locator('main').innerText()).includes('Trung tâm vận hành thử nghiệm (tên đầy đủ)'),
    );
    await shot(reviewer, 'work-published');
    assert.deepEqual(problems, []);
  });
});
