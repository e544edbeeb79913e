import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { authorityWorkVi } from '../../src/i18n/authority-work.vi.ts';
import { workVi } from '../../src/i18n/work.vi.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { createTestUser } from '../../src/testing/test-session.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';

/**
 * The authority's editions and declaration follow-up in real Chromium, JavaScript off: an
 * administrator drafts an edition from a document (with its PDF), selects two platforms through
 * the server-side filter, publishes it after the confirmation step, sees it on the public
 * edition page, compares it with 2765/BTTTT-CĐSQG, then opens the declaration follow-up and
 * downloads its CSV. The document is synthetic (its number is marked THU); the account has a
 * random password.
 */
const NUMBER = '10/THU-TRINHDUYET';
const TITLE = 'Danh mục thử nghiệm trên trình duyệt (dữ liệu giả lập)';
const PDF = Buffer.from('%PDF-1.4\n% tệp thử nghiệm\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');
const a = authorityWorkVi;

describe('editions and declaration follow-up in Chromium', () => {
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

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  async function signedIn(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      locale: 'vi-VN',
      acceptDownloads: true,
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
    await page.waitForURL(/\/cong-viec$/);
    return page;
  }

  /** Filters the catalogue for `name` and ticks that platform; the selection is saved. */
  async function select(page: Page, platform: { id: string; name: string }) {
    await page.getByLabel(a.editions.filter).fill(platform.name);
    await page.getByRole('button', { name: a.editions.filterSubmit, exact: true }).click();
    await page.waitForURL(/\?q=/);
    await page.locator(`input[name="platform"][value="${platform.id}"]`).check();
    await page.getByRole('button', { name: a.editions.saveEntries }).click();
    await page.waitForURL(/ok=luu/);
  }

  it('drafts, selects two platforms, publishes, compares with 2765; then the follow-up, its CSV, and webhooks', async () => {
    const platforms = (
      await t.db.selectFrom('platform').select(['id', 'name_vi']).orderBy('slug').limit(2).execute()
    ).map((p) => ({ id: p.id, name: p.name_vi }));
    assert.equal(platforms.length, 2);
    const adminUser = await createTestUser(t, 'authority_admin');
    const page = await signedIn(adminUser.email, adminUser.password);

    // The work home links the editions screen; the list cites the published 2765 edition.
    await page.getByRole('link', { name: a.nav.editions }).click();
    await page.waitForURL(/\/cong-viec\/van-ban$/);
    assert.ok(
      (await page.locator('table.editions').innerText()).includes('2765/BTTTT-CĐSQG ngày 15/07/2024'),
    );

    // A draft from a document, with its PDF.
    await page.getByLabel(a.editions.number).fill(NUMBER);
    await page.getByLabel(a.editions.issuedOn).fill('25/11/2026');
    await page.getByLabel(a.editions.issuerField).fill('bo-khoa-hoc-va-cong-nghe');
    await page.getByLabel(a.editions.kind).selectOption('decision');
    await page.getByLabel(a.editions.docTitle, { exact: true }).fill(TITLE);
    await page.getByLabel(a.editions.sourceUrl).fill('https://example.gov.vn/van-ban-thu');
    await page
      .getByLabel(a.editions.file)
      .setInputFiles({ name: 'van-ban-thu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await shot(page, 'work-editions-new');
    await page.getByRole('button', { name: a.editions.create }).click();
    await page.waitForURL(/\/cong-viec\/van-ban\/[0-9a-f-]+\?ok=lap$/);
    assert.ok((await page.getByRole('status').innerText()).includes(`${NUMBER} ngày 25/11/2026`));

    // Two platforms, each found through the filter.
    for (const platform of platforms) await select(page, platform);
    const chosen = page.locator('fieldset').filter({ hasText: 'Đã chọn 2 nền tảng' });
    for (const platform of platforms)
      assert.ok(await chosen.locator(`input[value="${platform.id}"]`).isChecked(), platform.name);
    await shot(page, 'work-editions-draft');

    // Publish, after the confirmation step.
    await page.getByRole('link', { name: a.editions.publishButton }).click();
    await page.waitForURL(/\/cong-bo$/);
    await shot(page, 'work-editions-confirm');
    await page.getByRole('button', { name: a.editions.confirmButton }).click();
    await page.waitForURL(/ok=cong-bo$/);
    assert.ok((await page.getByRole('status').innerText()).includes('Đã công bố văn bản'));

    // The public edition page lists both.
    await page.getByRole('link', { name: a.editions.publicPage }).first().click();
    await page.waitForURL(new RegExp(`/van-ban/${encodeURIComponent(NUMBER)}$`));
    const publicText = await page.locator('main').innerText();
    for (const platform of platforms) assert.ok(publicText.includes(platform.name), platform.name);
    await shot(page, 'work-editions-public');

    // Compared with 2765/BTTTT-CĐSQG.
    await page.goto(`${base}/cong-viec/van-ban`);
    await page.getByLabel(a.editions.compareFrom).selectOption({ label: '2765/BTTTT-CĐSQG ngày 15/07/2024' });
    await page.getByLabel(a.editions.compareTo).selectOption({ label: `${NUMBER} ngày 25/11/2026` });
    await page.getByRole('button', { name: a.editions.compareSubmit }).click();
    await page.waitForURL(/\/so-sanh\?/);
    assert.ok(
      (await page.locator('h1').innerText()).includes(`${NUMBER} ngày 25/11/2026 so với 2765/BTTTT-CĐSQG`),
    );
    assert.ok(await page.locator('#removed').isVisible());
    await shot(page, 'work-editions-compare');

    // The declaration follow-up, and its CSV.
    await page.goto(`${base}/cong-viec`);
    await page.getByRole('link', { name: a.nav.declarations }).click();
    await page.waitForURL(/\/cong-viec\/ke-khai$/);
    const followUp = await page.locator('main').innerText();
    assert.ok(followUp.includes('2765/BTTTT-CĐSQG ngày 15/07/2024: 18/29'));
    await shot(page, 'work-declarations');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: a.declarations.csv }).click(),
    ]);
    const path = await download.path();
    assert.ok(path);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(path, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark');
    assert.ok(csv.includes('Bộ Tài chính'));

    // Webhooks: register one; its secret is shown once.
    await page.goto(`${base}/cong-viec`);
    await page.getByRole('link', { name: a.nav.webhooks }).click();
    await page.getByLabel(a.webhooks.url, { exact: true }).fill('https://example.gov.vn/nhan-thong-bao-thu');
    await page.getByLabel(a.webhooks.description).fill('Hệ thống nhận thử nghiệm');
    await page.getByLabel(a.webhooks.event['edition.published']).check();
    await page.getByRole('button', { name: a.webhooks.register, exact: true }).click();
    assert.match(await page.locator('code.secret-value').innerText(), /^whsec_/);
    await shot(page, 'work-webhooks');

    // Deleting asks first, then says it is done.
    await page.goto(`${base}/cong-viec/webhook`);
    await page.getByRole('link', { name: a.webhooks.delete, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.ok((await page.locator('h1').innerText()).includes('https://example.gov.vn/nhan-thong-bao-thu'));
    await shot(page, 'work-webhook-delete');
    await page.getByRole('button', { name: a.webhooks.deleteConfirm }).click();
    assert.ok((await page.locator('main').innerText()).includes(a.webhooks.deleted));
    assert.ok(!(await page.locator('main').innerText()).includes('nhan-thong-bao-thu'));

    assert.deepEqual(problems, [], 'no server errors');
  });
});
