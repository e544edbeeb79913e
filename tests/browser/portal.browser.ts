import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { vi } from '../../src/i18n/vi.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';

/**
 * The flows people use, in real Chromium against the real app over HTTP, with JavaScript off:
 * the portal must work with plain links and GET forms. Screenshots go to test-results/.
 */
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };

describe('public portal in Chromium', () => {
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

  /** A fresh context per flow (no shared cookies), JavaScript off, console errors collected. */
  async function open(
    viewport = DESKTOP,
    locale = 'vi-VN',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, locale });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.url()}: ${res.status()}`);
    });
    return { context, page };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  it('searches without diacritics through the form and opens the platform', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await shot(page, 'catalogue-desktop');
    await page.getByRole('searchbox', { name: vi.catalogue.searchLabel }).fill('dau thau');
    await page.getByRole('button', { name: vi.catalogue.searchButton, exact: true }).click();
    await page.waitForURL(/q=dau\+thau/);
    const hit = page.getByRole('link', { name: 'Hệ thống mạng đấu thầu quốc gia' });
    await hit.waitFor();
    await shot(page, 'search-dau-thau');
    await hit.click();
    await page.waitForURL(/\/nen-tang\/he-thong-mang-dau-thau-quoc-gia$/);
    assert.equal(
      await page.getByRole('heading', { level: 1 }).innerText(),
      'Hệ thống mạng đấu thầu quốc gia',
    );
    const owner = page.locator('.record-owner');
    assert.match(await owner.innerText(), /Bộ Tài chính/);
    assert.match(await owner.innerText(), /Bộ Kế hoạch và Đầu tư/);
    await shot(page, 'platform-desktop');
    await context.close();
  });

  it('applies a facet filter with the checkbox form', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/`);
    await page.getByRole('checkbox', { name: new RegExp(`^${vi.kind.internal_system}`) }).check();
    await page.getByRole('button', { name: vi.catalogue.apply }).click();
    await page.waitForURL(/kind=internal_system/);
    assert.equal(await page.locator('li.result').count(), 4);
    assert.ok(
      await page.getByRole('checkbox', { name: new RegExp(`^${vi.kind.internal_system}`) }).isChecked(),
    );
    await shot(page, 'catalogue-filtered');
    await context.close();
  });

  it('opens edition 2765 from the navigation and shows 103 declared', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/`);
    await page
      .getByRole('navigation', { name: vi.web.mainNav })
      .getByRole('link', { name: vi.nav.editions })
      .click();
    await page.getByRole('link', { name: '2765/BTTTT-CĐSQG ngày 15/07/2024' }).click();
    await page.waitForURL(/\/van-ban\//);
    const totals = page.locator('dl.totals');
    assert.match(await totals.innerText(), /103/);
    await shot(page, 'edition-2765-desktop');
    await context.close();
  });

  it('follows an organisation’s lineage to its successor', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/co-quan`);
    await shot(page, 'organisations-desktop');
    await page.getByRole('link', { name: 'Bộ Kế hoạch và Đầu tư' }).click();
    await page.waitForURL(/\/co-quan\/bo-ke-hoach-va-dau-tu$/);
    const lineage = page.getByRole('table', { name: vi.organisation.becameOf });
    assert.match(await lineage.innerText(), /01\/03\/2025/);
    await shot(page, 'organisation-bkhdt');
    await lineage.getByRole('link', { name: 'Bộ Tài chính' }).click();
    await page.waitForURL(/\/co-quan\/bo-tai-chinh$/);
    assert.match(await page.locator('#org-platforms').locator('..').innerText(), /đấu thầu/);
    await page.goto(`${base}/co-quan/tinh-ha-giang-truoc-2025`);
    assert.match(
      await page.getByRole('table', { name: vi.organisation.becameOf }).innerText(),
      /Tuyên Quang/,
    );
    await context.close();
  });

  it('switches to English and stays there from page to page', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/thong-ke`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('link', { name: en.nav.organisations }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), en.organisation.title);
    await shot(page, 'organisations-en');
    await context.close();
  });

  it('starts with a visible skip link for keyboard users', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), vi.app.skipToContent);
    assert.ok(await focused.isVisible());
    await page.screenshot({ path: `${SHOTS}/skip-link-focus.png` });
    await context.close();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const { context, page } = await open(MOBILE);
    const pages: [string, string][] = [
      ['/', 'catalogue-mobile'],
      ['/nen-tang/he-thong-mang-dau-thau-quoc-gia', 'platform-mobile'],
      [`/van-ban/${encodeURIComponent('2765/BTTTT-CĐSQG')}`, 'edition-2765-mobile'],
      ['/co-quan/bo-ke-hoach-va-dau-tu', 'organisation-mobile'],
      ['/thong-ke', 'statistics-mobile'],
      ['/api', 'api-mobile'],
    ];
    for (const [path, name] of pages) {
      await page.goto(`${base}${path}`);
      const width = await page.evaluate('document.documentElement.scrollWidth');
      assert.ok(Number(width) <= MOBILE.width, `${path} is ${String(width)} px wide`);
      await shot(page, name);
    }
    await context.close();
  });

  it('renders the other pages on desktop, with no console errors or server errors anywhere', async () => {
    const { context, page } = await open();
    for (const [path, name] of [
      ['/thong-ke', 'statistics-desktop'],
      ['/api', 'api-desktop'],
      ['/khong-co-trang-nay', 'not-found'],
      ['/?limit=abc', 'bad-params'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await shot(page, name);
    }
    await context.close();
    // The 404 and 400 pages above are expected to log their status; nothing else may.
    const unexpected = problems.filter((p) => !/khong-co-trang-nay|limit=abc/.test(p));
    assert.deepEqual(unexpected, []);
  });
});
