import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { count, fetchPage, section } from './test-helpers.ts';

const EDITION_2765 = `/van-ban/${encodeURIComponent('2765/BTTTT-CĐSQG')}`;

describe('record pages', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('shows a platform with its owner, the body it was declared under, and every empty field said so', async () => {
    const page = await fetchPage(t, '/nen-tang/he-thong-mang-dau-thau-quoc-gia');
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Hệ thống mạng đấu thầu quốc gia<\/h1>/);
    assert.ok(page.html.includes('href="/co-quan/bo-tai-chinh">Bộ Tài chính</a>'));
    assert.ok(page.html.includes('href="/co-quan/bo-ke-hoach-va-dau-tu">Bộ Kế hoạch và Đầu tư</a>'));
    assert.ok(page.text.includes(vi.ownerBasis['general-knowledge']));
    assert.ok(page.text.includes(vi.platform.notKnown), 'empty fields say "Chưa có thông tin"');
    assert.ok(
      page.html.includes(`<a href="${EDITION_2765}">2765/BTTTT-CĐSQG ngày 15/07/2024</a>`),
      'the edition is cited with its date',
    );
    assert.match(page.html, /<a href="https:[^"]+" rel="external noopener noreferrer"/);
    assert.match(page.text, /\d\d\/\d\d\/\d{4}/, 'dates as dd/mm/yyyy');
    assert.doesNotMatch(page.text, /\d{4}-\d\d-\d\d/, 'no ISO dates shown');
  });

  it('answers an unknown platform with the Vietnamese 404 page', async () => {
    const page = await fetchPage(t, '/nen-tang/khong-co-nen-tang-nay');
    assert.equal(page.status, 404);
    assert.match(page.res.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(page.text.includes(vi.notFoundPage.title));
  });

  it('lists the editions with their citations', async () => {
    const page = await fetchPage(t, '/van-ban');
    assert.equal(page.status, 200);
    assert.ok(page.html.includes(`<a href="${EDITION_2765}">2765/BTTTT-CĐSQG ngày 15/07/2024</a>`));
  });

  it('shows edition 2765 with 103 declared beside the registered total, per owner', async () => {
    const api = await t.get<{ registeredTotal: number }>(
      `/api/v1/editions/${encodeURIComponent('2765/BTTTT-CĐSQG')}`,
    );
    const page = await fetchPage(t, EDITION_2765);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>2765\/BTTTT-CĐSQG ngày 15\/07\/2024<\/h1>/);
    const totals = section(page.html, 'class="totals"', 'dl');
    assert.ok(totals.includes(`<dt>${vi.edition.declaredTotal}</dt><dd>103</dd>`));
    assert.ok(totals.includes(`<dt>${vi.edition.registered}</dt><dd>${api.body.registeredTotal}</dd>`));
    assert.ok(page.text.includes(vi.edition.gapNote));
    // Bộ Kế hoạch và Đầu tư as the document names it, now part of Bộ Tài chính.
    const row = page.html.slice(page.html.indexOf('>Bộ Kế hoạch và Đầu tư</a>'));
    assert.match(row.slice(0, row.indexOf('</tr>')), /Bộ Tài chính<\/a><\/td><td class="num">7<\/td>/);
    assert.ok(page.text.includes('Hệ thống mạng đấu thầu quốc gia'));
  });

  it('finds an edition by id as well as by document number', async () => {
    const { items } = (
      await t.get<{ items: { id: string; document: { number: string } }[] }>('/api/v1/editions')
    ).body;
    const edition = items.find((e) => e.document.number === '2765/BTTTT-CĐSQG');
    assert.ok(edition);
    const page = await fetchPage(t, `/van-ban/${edition.id}`);
    assert.equal(page.status, 200);
    assert.equal((await fetchPage(t, '/van-ban/khong-co')).status, 404);
  });

  it('shows that Bộ Kế hoạch và Đầu tư became part of Bộ Tài chính on 01/03/2025, with what it declared', async () => {
    const page = await fetchPage(t, '/co-quan/bo-ke-hoach-va-dau-tu');
    assert.equal(page.status, 200);
    const lineage = section(page.html, 'id="lineage"');
    assert.ok(lineage.includes('href="/co-quan/bo-tai-chinh">Bộ Tài chính</a>'));
    assert.match(lineage, /<td[^>]*>01\/03\/2025<\/td>/);
    assert.ok(lineage.includes('176/2025/QH15'));
    assert.ok(section(page.html, 'id="org-platforms"').includes('Hệ thống mạng đấu thầu quốc gia'));
  });

  it('shows that Tỉnh Hà Giang merged into Tỉnh Tuyên Quang on 01/07/2025', async () => {
    const page = await fetchPage(t, '/co-quan/tinh-ha-giang-truoc-2025');
    assert.equal(page.status, 200);
    const lineage = section(page.html, 'id="lineage"');
    assert.ok(lineage.includes('Tỉnh Tuyên Quang</a>'));
    assert.match(lineage, new RegExp(`<td[^>]*>${vi.linkKind.merge}</td><td[^>]*>01/07/2025</td>`));
  });

  it('gives a current body the platforms its predecessors declared', async () => {
    const page = await fetchPage(t, '/co-quan/bo-tai-chinh');
    assert.equal(page.status, 200);
    assert.ok(section(page.html, 'id="org-platforms"').includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.ok(section(page.html, 'id="lineage"').includes('Bộ Kế hoạch và Đầu tư'));
  });

  it('lists today’s central bodies, the 34 provinces, and the former bodies', async () => {
    const page = await fetchPage(t, '/co-quan');
    assert.equal(page.status, 200);
    assert.equal(count(section(page.html, 'id="orgs-province-current"'), '<li>'), 34);
    assert.ok(section(page.html, 'id="orgs-central-former"').includes('Bộ Kế hoạch và Đầu tư'));
    assert.ok(section(page.html, 'id="orgs-province-former"').includes('Tỉnh Hà Giang'));
    assert.equal((await fetchPage(t, '/co-quan/khong-co')).status, 404);
  });

  it('shows statistics as tables computed from the records', async () => {
    const stats = (await t.get<{ total: number }>('/api/v1/statistics')).body;
    const page = await fetchPage(t, '/thong-ke');
    assert.equal(page.status, 200);
    assert.ok(section(page.html, 'class="totals"', 'dl').includes(`<dd>${stats.total}</dd>`));
    for (const id of ['by-owner', 'by-kind', 'by-status'])
      assert.match(section(page.html, `id="${id}"`), /<table[\s\S]*<th scope="row">/);
    assert.ok(section(page.html, 'id="by-owner"').includes(vi.catalogue.ownerUnknown));
  });

  it('renders the API reference from the OpenAPI document', async () => {
    const doc = (await t.get<{ paths: Record<string, unknown> }>('/openapi.json')).body;
    const page = await fetchPage(t, '/api');
    assert.equal(page.status, 200);
    assert.ok(page.html.includes('href="/openapi.json"'));
    for (const path of Object.keys(doc.paths)) assert.ok(page.html.includes(`<code>${path}</code>`), path);
    assert.ok(page.text.includes(vi.docs.parameters));
  });

  it('answers unknown pages with HTML and unknown API paths with problem+json', async () => {
    const page = await fetchPage(t, '/khong-co-trang-nay');
    assert.equal(page.status, 404);
    assert.match(page.html, /<html lang="vi">/);
    assert.ok(page.text.includes(vi.notFoundPage.title));
    const api = await t.app.request('/api/v1/khong-co');
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });

  it('renders record pages in English too', async () => {
    const page = await fetchPage(t, `${EDITION_2765}?lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>2765\/BTTTT-CĐSQG of 15\/07\/2024<\/h1>/);
    assert.ok(page.text.includes(en.edition.perOwner));
    const org = await fetchPage(t, '/co-quan/bo-ke-hoach-va-dau-tu', { headers: { cookie: 'lang=en' } });
    assert.ok(org.text.includes(en.web.lineage));
  });
});
