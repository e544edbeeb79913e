import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { workVi } from '../../../i18n/work.vi.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { organisationId, signInAs, type TestSession } from '../../../testing/test-session.ts';
import { fetchPage, section } from '../test-helpers.ts';
import { postForm } from './test-forms.ts';

describe('work screens: declaration follow-up', () => {
  let t: TestApp;
  let admin: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  let locality: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor'); // Bộ Tài chính
    locality = await signInAs(t, 'locality_officer');
  });
  after(() => t.close());

  const get = (path: string, s?: TestSession) =>
    fetchPage(t, path, { headers: { accept: 'text/html', ...(s ? { cookie: s.cookie } : {}) } });
  const post = (path: string, s: TestSession) => postForm(t, path, [], s, { csrf: s.csrfToken });
  /** A platform owned (through its declared owner's lineage) by `code`'s body, or by another. */
  const platformOf = async (code: string, own: boolean) => {
    const snapshot = await t.catalogue.snapshot();
    const id = await organisationId(t, code);
    const p = snapshot.platforms.find((x) => (x.owner?.id === id) === own && x.owner !== null);
    assert.ok(p, `a platform ${own ? 'of' : 'not of'} ${code}`);
    return p;
  };

  it('shows the authority every body, the official 18 of 29 cited from its document, those not declared and the CSV', async () => {
    for (const s of [reviewer, admin]) {
      const page = await get('/cong-viec/ke-khai', s);
      assert.equal(page.status, 200);
      assert.ok(
        page.text.includes('Theo văn bản 2765/BTTTT-CĐSQG ngày 15/07/2024: 18/29 bộ, ngành đã kê khai.'),
      );
      assert.ok(page.html.includes('data-organisation="bo-tai-chinh"'));
      assert.ok(page.html.includes('data-organisation="bo-cong-an"'));
      assert.match(page.text, /\d+\/\d+ cơ quan đã kê khai trong sổ đăng ký \(đến ngày 29\/11\/2026\)/);
      assert.ok(section(page.html, 'id="not-declared"').length > 0);
      assert.ok(page.html.includes('href="/api/v1/declarations.csv"'));
      assert.ok(!page.html.includes('/xac-nhan"'), 'the authority confirms nothing');
    }
    const report = await t.get<{ notDeclared: { code: string }[] }>('/api/v1/declarations', {
      headers: { cookie: reviewer.cookie },
    });
    const notDeclared = section((await get('/cong-viec/ke-khai', reviewer)).html, 'id="not-declared"');
    for (const o of report.body.notDeclared) assert.ok(notDeclared.includes(`/co-quan/${o.code}"`), o.code);
    const csv = await t.app.request('/api/v1/declarations.csv', { headers: { cookie: reviewer.cookie } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.ok((await csv.text()).includes('Bộ Tài chính'));
    assert.ok((await get('/cong-viec', reviewer)).html.includes('href="/cong-viec/ke-khai"'));
    const english = await get('/cong-viec/ke-khai?lang=en', reviewer);
    assert.ok(english.text.includes('According to document 2765/BTTTT-CĐSQG of 15/07/2024: 18 of 29'));
  });

  it('shows a ministry editor their own body only, with a confirm button per platform', async () => {
    const page = await get('/cong-viec/ke-khai', editor);
    assert.equal(page.status, 200);
    const rows = [...page.html.matchAll(/data-organisation="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(rows, ['bo-tai-chinh']);
    assert.ok(!page.html.includes('href="/api/v1/declarations.csv"'), 'no CSV of every body');
    assert.ok(!page.html.includes('id="not-declared"'));
    const own = await platformOf('bo-tai-chinh', true);
    assert.ok(page.html.includes(`action="/cong-viec/ke-khai/${own.id}/xac-nhan"`));
    assert.ok((await get('/cong-viec', editor)).html.includes('href="/cong-viec/ke-khai"'));
  });

  it('refuses the page to a locality officer and the anonymous', async () => {
    const page = await get('/cong-viec/ke-khai', locality);
    assert.equal(page.status, 403);
    assert.ok(page.text.includes(workVi.work.forbiddenTitle));
    assert.ok(!(await get('/cong-viec', locality)).html.includes('href="/cong-viec/ke-khai"'));
    assert.equal((await t.app.request('/cong-viec/ke-khai')).status, 303);
  });

  it('records the editor’s confirmation, audited; another ministry’s platform is refused and nothing written', async () => {
    const own = await platformOf('bo-tai-chinh', true);
    const res = await post(`/cong-viec/ke-khai/${own.id}/xac-nhan`, editor);
    assert.equal(res.status, 303);
    const location = res.res.headers.get('location') ?? '';
    assert.equal(location, `/cong-viec/ke-khai?xac-nhan=${own.id}`);
    const page = await get(location, editor);
    assert.ok(page.text.includes(`Đã ghi nhận: thông tin “${own.name}” còn đúng.`));
    assert.ok(!section(page.html, `data-platform="${own.slug}"`, 'tr').includes('Chưa xác nhận'));
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', own.id)
      .where('action', '=', 'platform.confirm')
      .execute();
    assert.deepEqual(audit, [{ action: 'platform.confirm', actor_user_id: editor.userId }]);

    const other = await platformOf('bo-tai-chinh', false);
    const refused = await post(`/cong-viec/ke-khai/${other.id}/xac-nhan`, editor);
    assert.equal(refused.status, 403);
    const written = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('target_id', '=', other.id)
      .where('action', '=', 'platform.confirm')
      .execute();
    assert.equal(written.length, 0);
    assert.equal((await post(`/cong-viec/ke-khai/${own.id}/xac-nhan`, reviewer)).status, 403);

    const spoofed = await get('/cong-viec/ke-khai?xac-nhan=Gi%E1%BA%A3%20m%E1%BA%A1o', editor);
    assert.ok(!spoofed.text.includes('Đã ghi nhận'), 'no message from text in the address');
  });
});
