import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authorityWorkVi } from '../../../i18n/authority-work.vi.ts';
import { workVi } from '../../../i18n/work.vi.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { signInAs, type TestSession } from '../../../testing/test-session.ts';
import { fetchPage, section } from '../test-helpers.ts';
import { formFields, postForm, withValues } from './test-forms.ts';

// Synthetic documents: numbers marked "THU" (thử) so they can never be taken for real ones.
const TITLE = 'Danh mục thử nghiệm (dữ liệu giả lập cho kiểm thử)';
const PDF = Buffer.from('%PDF-1.4\n% tệp thử nghiệm\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');
const t_ = authorityWorkVi.editions;

describe('work screens: editions', () => {
  let t: TestApp;
  let admin: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', EDITION_FILE_MAX_BYTES: '4096' } });
    admin = await signInAs(t, 'authority_admin');
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor');
  });
  after(() => t.close());

  const get = (path: string, s?: TestSession) =>
    fetchPage(t, path, { headers: { accept: 'text/html', ...(s ? { cookie: s.cookie } : {}) } });
  const post = (path: string, fields: [string, string][], s: TestSession) =>
    postForm(t, path, fields, s, { csrf: s.csrfToken });
  /** The form as a browser sends it with a file: multipart, the session's token in `_csrf`. */
  const postMultipart = async (
    path: string,
    fields: [string, string][],
    file: Buffer | null,
    s: TestSession,
  ) => {
    const body = new FormData();
    body.append('_csrf', s.csrfToken);
    for (const [name, value] of fields) body.append(name, value);
    if (file) body.append('file', new File([file], 'van-ban-thu.pdf', { type: 'application/pdf' }));
    const res = await t.app.request(path, {
      method: 'POST',
      headers: { cookie: s.cookie, accept: 'text/html' },
      body,
    });
    return { status: res.status, res, html: await res.text() };
  };
  const document = (number: string): [string, string][] => [
    ['number', number],
    ['issuedOn', '20/11/2026'],
    ['issuer', 'bo-khoa-hoc-va-cong-nghe'],
    ['kind', 'decision'],
    ['title', TITLE],
    ['sourceUrl', 'https://example.gov.vn/van-ban-thu'],
  ];
  const editionCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('edition')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const idOf = async (number: string) =>
    (
      await t.db
        .selectFrom('edition as e')
        .innerJoin('document as d', 'd.id', 'e.document_id')
        .select('e.id')
        .where('d.number', '=', number)
        .executeTakeFirstOrThrow()
    ).id;
  const slugs = async (n: number) =>
    (
      await t.db.selectFrom('platform').select(['id', 'slug', 'name_vi']).orderBy('slug').limit(n).execute()
    ).map((r) => ({ id: r.id, slug: r.slug, name: r.name_vi }));

  it('is for administrators only: others get 403 and write nothing; the home page links it for them alone', async () => {
    for (const s of [reviewer, editor]) {
      assert.equal((await get('/cong-viec/van-ban', s)).status, 403);
      const refused = await post('/cong-viec/van-ban', document('1/THU-CAM'), s);
      assert.equal(refused.status, 403);
      assert.ok(refused.text.includes(workVi.work.forbiddenTitle));
    }
    const draftId = await idOf('2765/BTTTT-CĐSQG');
    assert.equal((await get(`/cong-viec/van-ban/${draftId}`, reviewer)).status, 403);
    assert.equal(
      (await t.app.request('/cong-viec/van-ban')).status,
      303,
      'the anonymous are sent to sign in',
    );
    assert.equal(
      (await t.db.selectFrom('document').select('id').where('number', '=', '1/THU-CAM').execute()).length,
      0,
    );
    assert.ok((await get('/cong-viec', admin)).html.includes('href="/cong-viec/van-ban"'));
    assert.ok(!(await get('/cong-viec', reviewer)).html.includes('href="/cong-viec/van-ban"'));
  });

  it('lists published editions with their document cited, and drafts', async () => {
    const page = await get('/cong-viec/van-ban', admin);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('2765/BTTTT-CĐSQG ngày 15/07/2024'));
    assert.ok(page.text.includes(t_.published));
    assert.ok(page.html.includes(`href="/van-ban/${encodeURIComponent('2765/BTTTT-CĐSQG')}"`));
  });

  it('shows errors beside the fields, keeps what was typed and writes nothing', async () => {
    const before = await editionCount();
    const res = await post(
      '/cong-viec/van-ban',
      withValues(document('2/THU-LOI'), { number: '', issuedOn: '31/02/2026', sourceUrl: 'ftp://x' }),
      admin,
    );
    assert.equal(res.status, 400);
    for (const field of ['number', 'issuedOn', 'sourceUrl']) {
      assert.match(res.html, new RegExp(`<p class="field-error" id="err-${field}">`), field);
      assert.match(res.html, new RegExp(`name="${field}"[^>]*aria-invalid="true"`), field);
    }
    assert.ok(res.html.includes('value="31/02/2026"'), 'the date is kept as typed');
    assert.ok(res.html.includes(`value="${TITLE}"`));
    assert.equal(await editionCount(), before);

    const taken = await post(
      '/cong-viec/van-ban',
      withValues(document('x'), { number: '2765/BTTTT-CĐSQG' }),
      admin,
    );
    assert.equal(taken.status, 409);
    assert.ok(taken.text.includes('đã có văn bản mang số hiệu này'), 'the problem in Vietnamese');
    assert.equal(await editionCount(), before);

    const notPdf = await postMultipart(
      '/cong-viec/van-ban',
      document('3/THU-TEP'),
      Buffer.from('GIF89a'),
      admin,
    );
    assert.equal(notPdf.status, 400);
    assert.match(notPdf.html, /<p class="field-error" id="err-file">Tệp phải là văn bản PDF<\/p>/);
    assert.equal(await editionCount(), before, 'no draft without its file');
  });

  it('creates a draft from a document with its PDF, audited in the same write', async () => {
    const res = await postMultipart('/cong-viec/van-ban', document('4/THU-TAO'), PDF, admin);
    assert.equal(res.status, 303, res.html);
    const id = await idOf('4/THU-TAO');
    assert.equal(res.res.headers.get('location'), `/cong-viec/van-ban/${id}?ok=lap`);
    const page = await get(`/cong-viec/van-ban/${id}?ok=lap`, admin);
    assert.ok(page.text.includes('Đã lập bản nháp từ văn bản 4/THU-TAO ngày 20/11/2026.'));
    assert.ok(page.text.includes('van-ban-thu.pdf'));
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['edition.create'],
    );
    assert.match(
      JSON.stringify(audit[0]?.after),
      /"sha256":"[0-9a-f]{64}"/,
      'the file is in the audited state',
    );
    const file = await t.app.request(`/api/v1/editions/${id}/file`, { headers: { cookie: admin.cookie } });
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);
  });

  it('selects platforms from a filtered catalogue; a stale version keeps the selection and writes nothing', async () => {
    await post('/cong-viec/van-ban', document('5/THU-CHON'), admin);
    const id = await idOf('5/THU-CHON');
    const [a, b, c] = await slugs(3);
    const filtered = await get(`/cong-viec/van-ban/${id}?q=${encodeURIComponent(a!.name)}`, admin);
    assert.ok(filtered.html.includes(`value="${a!.id}"`), 'the match is offered');
    assert.ok(filtered.text.includes(`khớp với “${a!.name}”`));
    const all = await get(`/cong-viec/van-ban/${id}`, admin);
    const offeredAll = all.html.split('name="platform"').length;
    assert.ok(filtered.html.split('name="platform"').length < offeredAll, 'filtered on the server');

    const form = formFields(all.html, `/cong-viec/van-ban/${id}/nen-tang`);
    const saved = await post(
      `/cong-viec/van-ban/${id}/nen-tang`,
      [...form, ['platform', a!.id], ['platform', b!.id]],
      admin,
    );
    assert.equal(saved.status, 303);
    const after = await get(`/cong-viec/van-ban/${id}?ok=luu`, admin);
    assert.ok(after.text.includes('Đã lưu danh sách: 2 nền tảng.'));
    const selected = section(after.html, 'Đã chọn 2 nền tảng', 'fieldset');
    assert.match(selected, new RegExp(`value="${a!.id}" checked`));
    assert.match(selected, new RegExp(`value="${b!.id}" checked`));

    // The same form sent again with the version it was read at: someone saved in between.
    const stale = await post(`/cong-viec/van-ban/${id}/nen-tang`, [...form, ['platform', c!.id]], admin);
    assert.equal(stale.status, 409);
    assert.ok(stale.text.includes('Bản nháp vừa được người khác thay đổi (nay là phiên bản 2)'));
    assert.match(
      section(stale.html, 'Đã chọn 1 nền tảng', 'fieldset'),
      new RegExp(`value="${c!.id}" checked`),
    );
    assert.match(stale.html, /name="version" value="2"/, 'saving again applies to the current version');
    const entries = await t.db
      .selectFrom('edition_entry')
      .select('platform_id')
      .where('edition_id', '=', id)
      .execute();
    assert.deepEqual(entries.map((e) => e.platform_id).sort(), [a!.id, b!.id].sort());
  });

  it('publishes after a confirmation step; then it is public, never changes, and compares with 2765', async () => {
    await post('/cong-viec/van-ban', document('6/THU-CONGBO'), admin);
    const id = await idOf('6/THU-CONGBO');
    const [a, b] = await slugs(2);
    const page = await get(`/cong-viec/van-ban/${id}`, admin);
    await post(
      `/cong-viec/van-ban/${id}/nen-tang`,
      [
        ...formFields(page.html, `/cong-viec/van-ban/${id}/nen-tang`),
        ['platform', a!.id],
        ['platform', b!.id],
      ],
      admin,
    );
    assert.ok(page.html.includes(`href="/cong-viec/van-ban/${id}/cong-bo"`));
    const confirm = await get(`/cong-viec/van-ban/${id}/cong-bo`, admin);
    assert.equal(confirm.status, 200);
    assert.ok(confirm.text.includes('Công bố văn bản 6/THU-CONGBO ngày 20/11/2026?'));
    assert.ok(confirm.text.includes('không bao giờ thay đổi'));
    assert.equal(
      await t.db
        .selectFrom('edition')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
        .then((r) => r.status),
      'draft',
      'opening the confirmation publishes nothing',
    );
    const fields = formFields(confirm.html, `/cong-viec/van-ban/${id}/cong-bo`);
    const published = await post(`/cong-viec/van-ban/${id}/cong-bo`, fields, admin);
    assert.equal(published.status, 303);
    const shown = await get(`/cong-viec/van-ban/${id}?ok=cong-bo`, admin);
    assert.ok(shown.text.includes('Đã công bố văn bản 6/THU-CONGBO ngày 20/11/2026.'));
    assert.ok(!shown.html.includes(`action="/cong-viec/van-ban/${id}/nen-tang"`), 'no more forms');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((r) => r.action),
      ['edition.create', 'edition.entries', 'edition.publish'],
    );
    const publicPage = await get(`/van-ban/${encodeURIComponent('6/THU-CONGBO')}`);
    assert.equal(publicPage.status, 200);
    assert.ok(publicPage.text.includes(a!.name));

    const again = await post(`/cong-viec/van-ban/${id}/cong-bo`, fields, admin);
    assert.equal(again.status, 409);
    assert.ok(again.text.includes('văn bản đã công bố thì không thay đổi được'));

    const from = await idOf('2765/BTTTT-CĐSQG');
    const compared = await get(`/cong-viec/van-ban/so-sanh?tu=${from}&den=${id}`, admin);
    assert.equal(compared.status, 200);
    assert.ok(compared.text.includes('6/THU-CONGBO ngày 20/11/2026 so với 2765/BTTTT-CĐSQG ngày 15/07/2024'));
    const removed = section(compared.html, 'class="compare-removed"');
    const added = section(compared.html, 'class="compare-added"');
    assert.ok(removed.length > 0 && added.length > 0);
    const seeded2765 = await t.db
      .selectFrom('edition_entry')
      .select('platform_id')
      .where('edition_id', '=', from)
      .execute();
    const listed = new Set(seeded2765.map((r) => r.platform_id));
    for (const p of [a!, b!]) {
      // Each of ours is either added (not in 2765) or unchanged; never removed.
      assert.ok(!removed.includes(`>${p.name}<`));
      if (!listed.has(p.id)) assert.ok(added.includes(`>${p.name}<`), p.name);
    }
    assert.ok(removed.includes('<li>') || seeded2765.length <= 2);
  });
});
