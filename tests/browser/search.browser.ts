import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { vi } from '../../src/i18n/vi.ts';
import { openBrowserApp, SHOTS, type BrowserApp } from './harness.ts';
import { openTestApp, type TestApp } from '../../src/testing/test-app.ts';

/**
 * Search as people type it, in real Chromium with JavaScript off: a typo still finds the
 * platform (its matched words marked), and a facet narrows a query. Screenshots: test-results/.
 */

describe('search in Chromium', () => {
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
    assert.deepEqual(problems, []);
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.url()}: ${res.status()}`);
    });
    return page;
  }

  async function search(page: Page, q: string): Promise<void> {
    await page.goto(`${base}/`);
    await page.getByRole('searchbox', { name: vi.catalogue.searchLabel }).fill(q);
    await page.getByRole('button', { name: vi.catalogue.searchButton, exact: true }).click();
    await page.waitForURL(/\?q=/);
  }

  it('finds the platform despite a typo, its matched words marked', async () => {
    const page = await open();
    for (const [q, name, marked] of [
      ['dau thua', 'Hệ thống mạng đấu thầu quốc gia', 'đấu thầu'],
      ['dinh dnah dien tu', 'Nền tảng định danh và xác thực điện tử', 'định danh'],
    ] as const) {
      await search(page, q);
      const first = page.locator('li.result').first();
      assert.equal(await first.getByRole('heading', { level: 3 }).innerText(), name, q);
      const marks = await first.locator('h3 mark').allInnerTexts();
      assert.ok(marks.join(' ').includes(marked), `${q}: ${marks.join(', ')}`);
      assert.ok(await first.locator('.reasons').isVisible());
    }
    await search(page, 'dau thua');
    await page.screenshot({ path: `${SHOTS}/search-typo-dau-thua.png`, fullPage: true });
    await page.context().close();
  });

  it('narrows a query with a facet and keeps the query', async () => {
    const page = await open();
    await search(page, 'co so du lieu');
    const all = await page.locator('li.result').count();
    const shared = page.getByRole('checkbox', { name: new RegExp(`^${vi.kind.shared_platform}`) });
    await shared.check();
    await page.getByRole('button', { name: vi.catalogue.apply }).click();
    await page.waitForURL(/kind=shared_platform/);
    assert.match(page.url(), /q=co\+so\+du\+lieu/);
    const narrowed = await page.locator('li.result').count();
    assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
    assert.equal(
      await page.getByRole('searchbox', { name: vi.catalogue.searchLabel }).inputValue(),
      'co so du lieu',
    );
    assert.ok(await shared.isChecked());
    // Every result shown is a shared platform (its kind is stated on the entry).
    for (const kind of await page.locator('li.result .meta').allInnerTexts())
      assert.ok(kind.includes(vi.kind.shared_platform), kind);
    await page.screenshot({ path: `${SHOTS}/search-with-facet.png`, fullPage: true });
    await page.context().close();
  });
});
