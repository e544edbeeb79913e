import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FACET_NAMES, type Facets } from '../../domain/platform-query.ts';
import { en } from '../../i18n/en.ts';
import { messages } from '../../i18n/index.ts';
import { vi } from '../../i18n/vi.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { parseCatalogueQuery } from './catalogue-query.ts';
import { CataloguePage } from './catalogue.page.tsx';
import { STYLESHEET_HREF } from './static.ts';
import { count, fetchPage, section } from './test-helpers.ts';

const RESULT = '<li class="result">';

describe('catalogue page', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('lists every seeded platform on one page of 100, in an accessible Vietnamese document', async () => {
    const { total } = (await t.get<{ total: number }>('/api/v1/platforms?limit=1')).body;
    const page = await fetchPage(t, '/?limit=100');
    assert.equal(page.status, 200);
    assert.match(page.res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(total, 37);
    assert.equal(count(page.html, RESULT), total);
    assert.match(page.html, /^<!DOCTYPE html><html lang="vi">/);
    assert.match(page.html, /<a class="skip-link" href="#main">/);
    assert.match(page.html, /<main id="main"/);
    assert.match(page.html, /<label for="q">/);
    assert.ok(page.text.includes('Hệ thống mạng đấu thầu quốc gia'));
  });

  it('serves /nen-tang as the same list', async () => {
    const page = await fetchPage(t, '/nen-tang?limit=100');
    assert.equal(page.status, 200);
    assert.equal(count(page.html, RESULT), 37);
  });

  it('uses no inline script or style (the CSP allows neither) and links the cached stylesheet', async () => {
    const page = await fetchPage(t, '/');
    assert.doesNotMatch(page.html, /<script|\sstyle=|<style/);
    assert.ok(page.html.includes(`href="${STYLESHEET_HREF}"`));
    const css = await t.app.request(STYLESHEET_HREF);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
  });

  it('pages with limit/offset links that keep the other parameters', async () => {
    const first = await fetchPage(t, '/?kind=shared_platform&limit=5');
    assert.equal(count(first.html, RESULT), 5);
    assert.ok(first.html.includes('href="/?kind=shared_platform&amp;limit=5&amp;offset=5"'));
    const second = await fetchPage(t, '/?kind=shared_platform&limit=5&offset=5');
    assert.equal(second.status, 200);
    assert.equal(count(second.html, RESULT), 5);
    assert.match(second.html, /<span aria-current="page">2<\/span>/);
    const last = await fetchPage(t, '/?limit=20&offset=20');
    assert.equal(count(last.html, RESULT), 17);
  });

  it('finds a platform typed without diacritics and says why it matched', async () => {
    const page = await fetchPage(t, '/?q=dau+thau');
    assert.equal(page.status, 200);
    const results = section(page.html, 'id="results-heading"');
    assert.ok(results.replace(/<\/?mark>/g, '').includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.ok(results.includes('class="reasons"'));
    assert.ok(results.includes('<mark>'));
    // Today's owner, and the body it was declared under before the 2025 merger.
    assert.ok(results.includes('>Bộ Tài chính</a>'));
    assert.ok(results.includes('href="/co-quan/bo-ke-hoach-va-dau-tu"'));
  });

  it('escapes a hostile query everywhere it is echoed', async () => {
    const page = await fetchPage(t, `/?q=${encodeURIComponent('<script>alert(1)</script>"><img src=x>')}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /<script>alert|<img src=x>/);
    assert.ok(page.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.html.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x&gt;"'));
  });

  it('filters by a facet, ticks it, and counts the other values', async () => {
    const page = await fetchPage(t, '/?kind=internal_system');
    assert.equal(page.status, 200);
    assert.equal(count(page.html, RESULT), 4);
    assert.match(page.html, /name="kind" value="internal_system" checked=""/);
    const filters = section(page.html, 'id="filters"', 'form');
    assert.ok(filters.includes(vi.kind.shared_platform), 'other kinds stay offered');
  });

  it('filters by a current owner by code, including what its predecessors declared', async () => {
    const page = await fetchPage(t, '/?owner=bo-tai-chinh&limit=100');
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.match(page.html, /name="owner" value="bo-tai-chinh" checked=""/);
  });

  it('says plainly when a platform has no known owner', async () => {
    const page = await fetchPage(t, '/?limit=100');
    assert.ok(page.html.includes(`<strong class="owner-unknown">${vi.catalogue.ownerUnknown}</strong>`));
  });

  for (const query of ['limit=abc', 'limit=1000', 'offset=-1', 'kind=bogus', 'status=x', 'owner=khong-co']) {
    it(`answers ?${query} with a 400 page naming the parameter, not a 500`, async () => {
      const page = await fetchPage(t, `/?${query}`);
      assert.equal(page.status, 400);
      assert.match(page.res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.html, /role="alert"/);
      const name = query.split('=')[0] as keyof typeof vi.web.param;
      assert.ok(page.text.includes(vi.web.param[name]));
    });
  }

  it('speaks English with ?lang=en and remembers it in a cookie', async () => {
    const page = await fetchPage(t, '/?lang=en');
    assert.equal(page.status, 200);
    assert.match(page.html, /<html lang="en">/);
    assert.ok(page.text.includes(en.catalogue.title));
    assert.match(page.res.headers.get('set-cookie') ?? '', /lang=en/);
    assert.match(page.res.headers.get('vary') ?? '', /Cookie/);
    const next = await fetchPage(t, '/thong-ke', { headers: { cookie: 'lang=en' } });
    assert.ok(next.text.includes(en.statistics.title));
    const accepted = await fetchPage(t, '/', { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    assert.match(accepted.html, /<html lang="en">/);
  });

  it('offers the other language as a link to the same page', async () => {
    const page = await fetchPage(t, '/?q=dau+thau');
    assert.ok(page.html.includes('href="/?q=dau+thau&amp;lang=en" hreflang="en"'));
  });
});

describe('catalogue page component', () => {
  const ui = { locale: 'vi' as const, m: messages('vi'), url: new URL('http://localhost/'), orgs: new Map() };
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as unknown as Facets;

  it('offers the suggested spelling as a link that keeps the filters', () => {
    const parsed = parseCatalogueQuery({ q: ['dau thao'], kind: ['national_platform'] });
    assert.ok(parsed.ok);
    const html = String(
      <CataloguePage
        ui={ui}
        view={{
          ok: true,
          query: parsed.query,
          result: { items: [], total: 0, facets, didYouMean: 'đấu thầu' },
        }}
      />,
    );
    const href = `/?q=${new URLSearchParams({ q: 'đấu thầu' }).toString().slice(2)}&amp;kind=national_platform`;
    assert.ok(html.includes(`<a href="${href}">đấu thầu</a>`), html);
    assert.ok(html.includes(vi.catalogue.noResults));
  });
});
