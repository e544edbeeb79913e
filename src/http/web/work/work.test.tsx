import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listUnsentEmails } from '../../../db/email-outbox.repository.ts';
import { vi } from '../../../i18n/vi.ts';
import { workVi } from '../../../i18n/work.vi.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { createTestUser, signInAs, type TestSession } from '../../../testing/test-session.ts';
import { fetchPage } from '../test-helpers.ts';
import { formFields, hiddenInputs, postForm, withValues } from './test-forms.ts';

const PLATFORM = 'he-thong-mang-dau-thau-quoc-gia'; // declared under a predecessor of Bộ Tài chính

describe('work screens', () => {
  let t: TestApp;
  let editor: TestSession;
  let reviewer: TestSession;
  let locality: TestSession;
  before(async () => {
    t = await openTestApp();
    editor = await signInAs(t, 'ministry_editor');
    reviewer = await signInAs(t, 'authority_reviewer');
    locality = await signInAs(t, 'locality_officer');
  });
  after(async () => {
    await t.close();
  });

  const get = (path: string, s?: TestSession) =>
    fetchPage(t, path, { headers: { accept: 'text/html', ...(s ? { cookie: s.cookie } : {}) } });
  const post = (path: string, fields: [string, string][], s: TestSession) =>
    postForm(t, path, fields, s, { csrf: s.csrfToken });

  it('sends the anonymous to the sign-in page and back', async () => {
    const res = await t.app.request('/cong-viec/tham-dinh');
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get('location'),
      `/dang-nhap?next=${encodeURIComponent('/cong-viec/tham-dinh')}`,
    );
  });

  it('refuses the review queue to a locality officer with a 403 page', async () => {
    const page = await get('/cong-viec/tham-dinh', locality);
    assert.equal(page.status, 403);
    assert.ok(page.text.includes(workVi.work.forbiddenTitle));
  });

  it('shows sign-in errors beside the fields, then signs in and shows who is signed in', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const empty = await postForm(t, '/dang-nhap', [
      ['email', user.email],
      ['password', ''],
    ]);
    assert.equal(empty.status, 400);
    assert.match(empty.html, /<input id="password"[^>]*aria-invalid="true" aria-describedby="err-password"/);
    assert.match(empty.html, /<p class="field-error" id="err-password">/);
    assert.ok(empty.html.includes(`value="${user.email}"`), 'the e-mail is kept');

    const wrong = await postForm(t, '/dang-nhap', [
      ['email', user.email],
      ['password', 'sai mật khẩu rồi'],
    ]);
    assert.equal(wrong.status, 401);
    assert.ok(wrong.text.includes(workVi.signIn.failed));

    const ok = await postForm(t, '/dang-nhap', [
      ['email', user.email],
      ['password', user.password],
      ['next', '/cong-viec/nen-tang'],
    ]);
    assert.equal(ok.status, 303);
    assert.equal(ok.res.headers.get('location'), '/cong-viec/nen-tang');
    assert.ok(ok.cookie);
    const mine = await fetchPage(t, '/cong-viec/nen-tang', { headers: { cookie: ok.cookie } });
    assert.equal(mine.status, 200);
    assert.ok(mine.text.includes('Người dùng thử (ministry_editor)'), 'the header names the user');
    const catalogue = await fetchPage(t, '/', { headers: { cookie: ok.cookie } });
    assert.equal(
      catalogue.res.headers.get('cache-control'),
      'private, no-store',
      'a named page is not shared',
    );
    assert.equal((await fetchPage(t, '/')).res.headers.get('cache-control'), null);
    assert.ok(mine.text.includes('Hệ thống mạng đấu thầu quốc gia'), 'a platform declared by a predecessor');
  });

  it('never redirects off the site after signing in', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const res = await postForm(t, '/dang-nhap', [
      ['email', user.email],
      ['password', user.password],
      ['next', '//evil.example/'],
    ]);
    assert.equal(res.res.headers.get('location'), '/cong-viec');
  });

  it('refuses a form without the CSRF token and writes nothing', async () => {
    const before = (await get('/cong-viec/de-nghi', editor)).html;
    const res = await postForm(
      t,
      '/cong-viec/de-nghi',
      [
        ['requestKind', 'retire'],
        ['platform', PLATFORM],
        ['summary', 'Không có mã CSRF'],
      ],
      editor,
    );
    assert.equal(res.status, 403);
    assert.ok(res.text.includes(workVi.work.csrfTitle));
    const after = await get('/cong-viec/de-nghi', editor);
    assert.ok(!after.text.includes('Không có mã CSRF'));
    assert.equal(after.html.split('<tr').length, before.split('<tr').length);
  });

  it('re-renders a proposal with the values kept and the errors beside the fields', async () => {
    const res = await post(
      '/cong-viec/de-nghi',
      [
        ['requestKind', 'update'],
        ['platform', PLATFORM],
        ['summary', ''],
        ['name', 'Hệ thống mạng đấu thầu quốc gia'],
        ['website', 'không phải địa chỉ'],
        ['action', 'save'],
      ],
      editor,
    );
    assert.equal(res.status, 400);
    assert.match(
      res.html,
      /id="f-website" name="website" type="url" value="không phải địa chỉ" aria-invalid="true" aria-describedby="err-website"/,
    );
    assert.match(res.html, /<p class="field-error" id="err-website">/);
    assert.match(res.html, /<p class="field-error" id="err-summary">/);
    assert.ok(
      res.text.includes(workVi.proposal.missingRecommended) || res.text.includes(workVi.proposal.complete),
    );
  });

  it('goes from proposal to review to publication, with the diff and the comments', async () => {
    // The editor opens the form (filled with the published values), changes one field, submits.
    const form = await get(`/cong-viec/de-nghi/moi?kind=update&platform=${PLATFORM}`, editor);
    assert.equal(form.status, 200);
    const created = await post(
      '/cong-viec/de-nghi',
      withValues(formFields(form.html, '/cong-viec/de-nghi'), {
        summary: 'Cập nhật đơn vị vận hành (dữ liệu thử)',
        operator: 'Đơn vị vận hành thử nghiệm',
        // The seeded record lacks what a submission requires (synthetic values).
        description: 'Mô tả thử nghiệm',
        functions: 'Chức năng thử nghiệm',
        status: 'operating',
        'focalPoints[0].name': 'Đầu mối thử nghiệm',
        'focalPoints[0].email': 'dau.moi@example.gov.vn',
        action: 'submit',
      }).filter(([n]) => n !== '_csrf'),
      editor,
    );
    assert.equal(created.status, 303, created.text.slice(0, 2000));
    const location = created.res.headers.get('location') ?? '';
    assert.match(location, /^\/cong-viec\/de-nghi\/[0-9a-f-]+\?ok=submitted$/);
    const path = location.replace(/\?.*$/, '');

    // The reviewer sees it in the queue with its deadline, and the diff field by field.
    const queue = await get('/cong-viec/tham-dinh', reviewer);
    assert.equal(queue.status, 200);
    assert.ok(queue.html.includes(`href="${path}"`));
    assert.match(queue.text, /\d\d\/\d\d\/\d{4} \(còn \d+ ngày làm việc\)/);
    const detail = await get(path, reviewer);
    assert.match(
      detail.html,
      /<tr data-field="operator"><th scope="row">Đơn vị vận hành<\/th><td class="diff-old">.*<\/td><td class="diff-new">Đơn vị vận hành thử nghiệm<\/td><\/tr>/,
    );
    const version = hiddenInputs(detail.html).find(([n]) => n === 'version')?.[1] ?? '';

    // Requesting changes needs a comment.
    const bare = await post(
      `${path}/quyet-dinh`,
      [
        ['version', version],
        ['decision', 'request_changes'],
        ['comment', ''],
      ],
      reviewer,
    );
    assert.equal(bare.status, 400);
    assert.match(bare.html, /<p class="field-error" id="err-comment">/);
    const sentBack = await post(
      `${path}/quyet-dinh`,
      [
        ['version', version],
        ['decision', 'request_changes'],
        ['comment', 'Ghi rõ tên đầy đủ của đơn vị'],
      ],
      reviewer,
    );
    assert.equal(sentBack.status, 303);

    // The editor sees the comment, fixes and resubmits.
    const back = await get(path, editor);
    assert.ok(back.text.includes('Ghi rõ tên đầy đủ của đơn vị'));
    assert.ok(back.text.includes(vi.changeRequestStatus.changes_requested));
    const resubmitted = await post(
      path,
      withValues(formFields(back.html, path), {
        operator: 'Trung tâm vận hành thử nghiệm đầy đủ',
        action: 'submit',
      }).filter(([n]) => n !== '_csrf'),
      editor,
    );
    assert.equal(resubmitted.status, 303, resubmitted.text.slice(0, 3000));

    // The reviewer approves; the public page shows the change.
    const again = await get(path, reviewer);
    const v2 = hiddenInputs(again.html).find(([n]) => n === 'version')?.[1] ?? '';
    const approved = await post(
      `${path}/quyet-dinh`,
      [
        ['version', v2],
        ['decision', 'approve'],
        ['comment', ''],
      ],
      reviewer,
    );
    assert.equal(approved.status, 303);
    const publicPage = await fetchPage(t, `/nen-tang/${PLATFORM}`);
    assert.ok(publicPage.text.includes('Trung tâm vận hành thử nghiệm đầy đủ'));
  });

  it('keeps a form posted after the session expired and sends it on after signing in', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const stale = { cookie: 'ndp_session=het-han-tu-lau-roi-khong-con-dung-duoc-nua' };
    const form: [string, string][] = [
      ['_csrf', 'old-token'],
      ['requestKind', 'retire'],
      ['platform', PLATFORM],
      ['summary', 'Ngừng nền tảng (dữ liệu thử, phiên hết hạn)'],
      ['action', 'save'],
    ];
    const expired = await postForm(t, '/cong-viec/de-nghi', form, stale);
    assert.equal(expired.status, 401);
    assert.ok(expired.text.includes(workVi.signIn.expired));
    const kept = hiddenInputs(expired.html);
    assert.ok(
      kept.some(([n, v]) => n === '_keep.summary' && v === 'Ngừng nền tảng (dữ liệu thử, phiên hết hạn)'),
    );
    assert.ok(!kept.some(([n]) => n === '_keep._csrf'), 'the old token is not carried');
    const password = await postForm(t, '/doi-mat-khau', [['currentPassword', 'bí mật cũ']], stale);
    assert.equal(password.status, 401);
    assert.ok(!password.html.includes('bí mật cũ'), 'a password is never written back into a page');

    const signedIn = await postForm(t, '/dang-nhap', [
      ...kept,
      ['email', user.email],
      ['password', user.password],
    ]);
    assert.equal(signedIn.status, 200);
    assert.ok(signedIn.cookie);
    assert.ok(signedIn.html.includes('action="/cong-viec/de-nghi"'));
    const resend = hiddenInputs(signedIn.html);
    const csrf = resend.find(([n]) => n === '_csrf')?.[1];
    assert.ok(csrf && csrf !== 'old-token');
    const sent = await postForm(
      t,
      '/cong-viec/de-nghi',
      resend.filter(([n]) => n !== '_csrf'),
      { cookie: signedIn.cookie },
      { csrf },
    );
    assert.equal(sent.status, 303);
    const detail = await fetchPage(t, sent.res.headers.get('location') ?? '', {
      headers: { cookie: signedIn.cookie },
    });
    assert.ok(detail.text.includes('Ngừng nền tảng (dữ liệu thử, phiên hết hạn)'));
  });

  it('lets an administrator invite a user, who sets a password from the e-mailed link', async () => {
    const admin = await signInAs(t, 'authority_admin');
    assert.equal((await get('/cong-viec/nguoi-dung', editor)).status, 403);
    const bad = await post(
      '/cong-viec/nguoi-dung',
      [
        ['name', 'Cán bộ thử'],
        ['email', 'khong-hop-le'],
        ['role', 'ministry_editor'],
        ['organisation', 'bo-tai-chinh'],
      ],
      admin,
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /<p class="field-error" id="err-email">/);
    const email = `moi.${Date.now()}@example.gov.vn`;
    const ok = await post(
      '/cong-viec/nguoi-dung',
      [
        ['name', 'Cán bộ thử (mời)'],
        ['email', email],
        ['role', 'ministry_editor'],
        ['organisation', 'bo-tai-chinh'],
      ],
      admin,
    );
    assert.equal(ok.status, 200);
    assert.ok(ok.text.includes(email));
    const mail = (await listUnsentEmails(t.db)).find((m) => m.to === email);
    const link = /\/dat-lai-mat-khau\?token=([A-Za-z0-9_-]+)/.exec(mail?.body ?? '');
    assert.ok(link, 'the invitation links to the page');
    const page = await fetchPage(t, link[0]);
    assert.equal(page.status, 200);
    const token = link[1] ?? '';
    const mismatch = await postForm(t, '/dat-lai-mat-khau', [
      ['token', token],
      ['password', 'một mật khẩu đủ dài'],
      ['confirm', 'khác'],
    ]);
    assert.equal(mismatch.status, 400);
    assert.match(mismatch.html, /id="err-confirm"/);
    const set = await postForm(t, '/dat-lai-mat-khau', [
      ['token', token],
      ['password', 'một mật khẩu đủ dài'],
      ['confirm', 'một mật khẩu đủ dài'],
    ]);
    assert.equal(set.status, 200);
    const signedIn = await postForm(t, '/dang-nhap', [
      ['email', email],
      ['password', 'một mật khẩu đủ dài'],
    ]);
    assert.equal(signedIn.status, 303);

    // The administrator disables an account: its sessions end at once.
    const users = await get('/cong-viec/nguoi-dung', admin);
    const row = users.html.slice(users.html.indexOf(`id="user-${locality.userId}"`));
    const version = /name="version" value="(\d+)"/.exec(row)?.[1] ?? '';
    const disabled = await post(
      `/cong-viec/nguoi-dung/${locality.userId}`,
      [
        ['version', version],
        ['role', 'locality_officer'],
        ['organisation', 'tinh-tuyen-quang'],
        ['disabled', 'true'],
      ],
      admin,
    );
    assert.equal(disabled.status, 200, disabled.text.slice(0, 500));
    assert.equal((await t.app.request('/cong-viec', { headers: { cookie: locality.cookie } })).status, 303);
    const mismatch2 = await post(
      `/cong-viec/nguoi-dung/${editor.userId}`,
      [
        ['version', '1'],
        ['role', 'ministry_editor'],
        ['organisation', 'tinh-tuyen-quang'],
      ],
      admin,
    );
    assert.equal(mismatch2.status, 400, 'a ministry editor cannot belong to a province');
    assert.ok(mismatch2.text.includes(vi.field.role_organisation_mismatch));
  });

  it('makes a one-time password be changed first, on its own page', async () => {
    const user = await createTestUser(t, 'ministry_editor', { mustChangePassword: true });
    const signedIn = await postForm(t, '/dang-nhap', [
      ['email', user.email],
      ['password', user.password],
    ]);
    assert.equal(signedIn.res.headers.get('location'), '/doi-mat-khau');
    const session = { cookie: signedIn.cookie ?? '' };
    const page = await fetchPage(t, '/doi-mat-khau', { headers: { cookie: session.cookie } });
    const csrf = hiddenInputs(page.html).find(([n]) => n === '_csrf')?.[1] ?? '';
    const blocked = await postForm(t, '/cong-viec/de-nghi', [['requestKind', 'create']], session, { csrf });
    assert.equal(blocked.status, 403);
    assert.ok(blocked.text.includes(vi.problem.password_change_required.title));
    const short = await postForm(
      t,
      '/doi-mat-khau',
      [
        ['currentPassword', user.password],
        ['password', 'ngắn'],
        ['confirm', 'ngắn'],
      ],
      session,
      { csrf },
    );
    assert.equal(short.status, 400);
    assert.match(short.html, /id="err-password"/);
    const changed = await postForm(
      t,
      '/doi-mat-khau',
      [
        ['currentPassword', user.password],
        ['password', 'mật khẩu mới đủ dài'],
        ['confirm', 'mật khẩu mới đủ dài'],
      ],
      session,
      { csrf },
    );
    assert.equal(changed.status, 200);
    assert.ok(changed.text.includes(workVi.reset.changed));
    const home = await fetchPage(t, '/cong-viec', { headers: { cookie: session.cookie } });
    assert.equal(home.status, 200);
  });
});
