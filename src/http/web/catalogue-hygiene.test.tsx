import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { catalogueHygieneVi as t } from '../../i18n/catalogue-hygiene.vi.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { signInAs } from '../../testing/test-session.ts';
import { fetchPage } from './test-helpers.ts';

const PATH = '/ra-soat-danh-muc';

describe('the catalogue hygiene page', () => {
  let app: TestApp;
  before(async () => {
    app = await openTestApp();
  });
  after(() => app.close());

  it('lists likely double entries to a reviewer, and a pair marked not a duplicate leaves the list', async () => {
    const session = await signInAs(app, 'authority_reviewer');
    const headers = { cookie: session.cookie };
    const page = await fetchPage(app, PATH, { headers });
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(t.title));
    assert.ok(page.html.includes('href="/api/v1/catalogue-hygiene/export"'));
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*VNeID(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(page.html)?.[0] ?? '';
    assert.ok(
      row.includes('Nền tảng định danh và xác thực điện tử'),
      'the identification platform and its app',
    );
    const a = /name="a" value="([^"]+)"/.exec(row)?.[1];
    const b = /name="b" value="([^"]+)"/.exec(row)?.[1];
    assert.ok(a && b);

    const posted = await app.app.request('/ra-soat-danh-muc/khong-trung-lap', {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
      },
      body: new URLSearchParams({
        _csrf: session.csrfToken,
        a,
        b,
        note: 'Hai mục khác nhau (thử nghiệm)',
      }).toString(),
    });
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), PATH);
    const after = await fetchPage(app, PATH, { headers });
    assert.ok(after.text.includes('Hai mục khác nhau (thử nghiệm)'), 'listed under "marked"');
    assert.ok(
      !/<tr>(?:(?!<\/tr>)[\s\S])*VNeID(?:(?!<\/tr>)[\s\S])*<\/tr>/.test(after.html),
      'no longer a row',
    );

    const withoutToken = await app.app.request('/ra-soat-danh-muc/liet-ke-lai', {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
      },
      body: new URLSearchParams({ a, b }).toString(),
    });
    assert.equal(withoutToken.status, 403, 'CSRF token required');
  });

  it('answers 401 to the public and 403 to other roles, as pages', async () => {
    const anonymous = await fetchPage(app, PATH);
    assert.equal(anonymous.status, 401);
    assert.ok(anonymous.text.includes(t.signIn.title));
    const editor = await signInAs(app, 'ministry_editor');
    const refused = await fetchPage(app, PATH, { headers: { cookie: editor.cookie } });
    assert.equal(refused.status, 403);
    assert.ok(refused.text.includes(t.forbidden.title));
    assert.ok(!refused.text.includes('VNeID'));
  });
});
