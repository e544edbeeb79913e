import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { overlapCheckVi as t } from '../../i18n/overlap-check.vi.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { signInAs } from '../../testing/test-session.ts';
import { fetchPage } from './test-helpers.ts';

const PATH = '/kiem-tra-trung-lap';

/** One match of the result, from its opening tag to the next match or the end of the list. */
function matchCard(html: string, marker: string): string {
  const start = html.indexOf(marker);
  if (start < 0) return '';
  const next = html.indexOf('class="match match-', start + marker.length);
  return html.slice(start, next < 0 ? html.indexOf('</ol>', start) : next);
}
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('the overlap check page', () => {
  let app: TestApp;
  before(async () => {
    app = await openTestApp();
  });
  after(() => app.close());

  it('is linked from the navigation and shows an empty form with labelled fields', async () => {
    const home = await fetchPage(app, '/');
    assert.ok(home.html.includes(`href="${PATH}"`));
    const page = await fetchPage(app, PATH);
    assert.equal(page.status, 200);
    assert.ok(page.html.includes('aria-current="page"'));
    for (const id of ['f-name', 'f-description', 'f-functions', 'f-data', 'f-province'])
      assert.ok(page.html.includes(`for="${id}"`) && page.html.includes(`id="${id}"`), id);
    assert.ok(page.html.includes('method="post"'));
    assert.ok(page.html.includes('<option value="tinh-tuyen-quang"'), 'provinces to choose from');
    assert.ok(!page.text.includes(t.result.heading));
  });

  it('flags a provincial bidding system as an overlap, with what matched, the owner and the focal point', async () => {
    const page = await fetchPage(
      app,
      PATH,
      form({
        name: 'Hệ thống đấu thầu qua mạng của tỉnh',
        description:
          'Xây dựng phần mềm để các chủ đầu tư trên địa bàn tỉnh đăng tải thông tin và tổ chức lựa chọn nhà thầu qua mạng.',
        functions: 'Đăng tải kế hoạch lựa chọn nhà thầu\n\nMở thầu điện tử',
        data: '',
        province: 'tinh-tuyen-quang',
      }),
    );
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(t.result.verdict.overlap));
    const first = matchCard(page.html, 'class="match match-overlap"');
    assert.ok(first.includes('href="/nen-tang/he-thong-mang-dau-thau-quoc-gia"'), 'links to the platform');
    assert.ok(first.includes('<mark>'), 'matched words marked');
    assert.ok(first.includes('href="/co-quan/bo-tai-chinh"'), 'the owner today');
    assert.ok(first.includes(t.result.focalPoints));
    assert.ok(page.text.includes(t.result.next.overlap[0]!));
    assert.ok(page.text.includes('Tỉnh Tuyên Quang'), 'the proposing province is said');
    // The values are kept in the form for another try.
    assert.ok(page.html.includes('value="Hệ thống đấu thầu qua mạng của tỉnh"'));
    assert.ok(page.html.includes('Mở thầu điện tử</textarea>'));
    assert.ok(page.html.includes('<option value="tinh-tuyen-quang" selected'));
    // … and as a link that reruns it.
    const share = /href="(\/kiem-tra-trung-lap\?name=[^"]+)"/.exec(page.html)?.[1];
    assert.ok(share, 'a shareable link');
    const shared = await fetchPage(app, share.replace(/&amp;/g, '&'));
    assert.equal(shared.status, 200);
    assert.ok(shared.text.includes(t.result.verdict.overlap));
  });

  it('says "clear" for an unrelated plan', async () => {
    const page = await fetchPage(
      app,
      PATH,
      form({
        name: 'Hệ thống quản lý chất lượng nước sông tỉnh Cần Thơ',
        description: 'Thu thập số liệu quan trắc chất lượng nước mặt tự động, cảnh báo ô nhiễm.',
      }),
    );
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(t.result.verdict.clear));
    assert.ok(!page.html.includes('class="match match-overlap"'));
  });

  it('puts errors beside the fields with the values kept, as a 400', async () => {
    const long = 'x'.repeat(600);
    const page = await fetchPage(
      app,
      PATH,
      form({
        name: '   ',
        description: 'Mô tả <b>giữ nguyên</b>',
        functions: `Chức năng một\n${long}`,
        province: 'khong-co-tinh-nay',
      }),
    );
    assert.equal(page.status, 400);
    assert.ok(page.html.includes('id="f-name-error"'));
    assert.ok(page.html.includes('aria-invalid="true"'));
    assert.ok(page.text.includes('Dòng 2: Dài quá 500 ký tự'), 'the line of the function named');
    assert.ok(page.html.includes('id="f-province-error"'));
    assert.ok(page.html.includes('Mô tả &lt;b&gt;giữ nguyên&lt;/b&gt;</textarea>'), 'kept, escaped');
    assert.ok(page.html.includes('href="#f-name"'), 'the summary links to the field');
    assert.ok(!page.text.includes(t.result.heading));
  });

  it('accepts the form from a signed-in user with the CSRF token it carries', async () => {
    const session = await signInAs(app, 'locality_officer');
    const blank = await fetchPage(app, PATH, { headers: { cookie: session.cookie } });
    assert.ok(blank.html.includes(`name="_csrf" value="${session.csrfToken}"`));
    const fields = { name: 'Cổng dịch vụ công trực tuyến tỉnh', _csrf: session.csrfToken };
    const page = await fetchPage(app, PATH, {
      ...form(fields),
      headers: { ...form(fields).headers, cookie: session.cookie, origin: 'http://localhost' },
    });
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(t.result.heading));
  });
});

describe('the overlap check page rate limit', () => {
  let app: TestApp;
  before(async () => {
    app = await openTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' } });
  });
  after(() => app.close());

  it('shares the API’s budget and answers 429 as a page', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7' };
    const api = await app.app.request('/api/v1/overlap-checks', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Cổng thông tin điện tử tỉnh' }),
    });
    assert.equal(api.status, 200);
    const ok = await fetchPage(app, PATH, {
      ...form({ name: 'Cổng thông tin điện tử tỉnh' }),
      headers: { ...form({}).headers, ...headers },
    });
    assert.equal(ok.status, 200);
    const limited = await fetchPage(app, PATH, {
      ...form({ name: 'Cổng thông tin điện tử tỉnh' }),
      headers: { ...form({}).headers, ...headers },
    });
    assert.equal(limited.status, 429);
    assert.ok(limited.res.headers.get('retry-after'));
    assert.ok(limited.text.includes(t.rateLimited.title));
    // The empty form itself is not counted.
    assert.equal((await fetchPage(app, PATH, { headers })).status, 200);
  });
});
