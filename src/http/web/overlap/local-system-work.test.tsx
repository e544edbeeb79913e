import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { localSystemWorkEn } from '../../../i18n/local-system-work.en.ts';
import { localSystemWorkVi as w } from '../../../i18n/local-system-work.vi.ts';
import { localSystemsVi } from '../../../i18n/local-systems.vi.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import {
  createTestUser,
  organisationId,
  send,
  signInAs,
  type TestSession,
} from '../../../testing/test-session.ts';
import { fetchPage, section } from '../test-helpers.ts';
import { formFields, hiddenInputs, postForm, withValues } from '../work/test-forms.ts';

// Synthetic test data only: every system below is invented and marked "(thử nghiệm)".
const BIDDING: Record<string, string> = {
  name: 'Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)',
  description:
    'Dữ liệu thử nghiệm: phần mềm để các chủ đầu tư trên địa bàn tỉnh tổ chức lựa chọn nhà thầu qua mạng.',
  functions: 'Đăng tải thông tin đấu thầu\nLựa chọn nhà thầu qua mạng',
  data: 'Danh sách gói thầu (thử nghiệm)',
  status: 'proposed',
  decisionNumber: '45/QĐ-UBND',
  decisionDate: '12/05/2026',
  budget: '2.500.000.000',
  contactName: 'Cán bộ thử nghiệm',
  contactEmail: 'thu.nghiem@example.gov.vn',
  contactPhone: '0212 3456 789',
};
const JUSTIFICATION = {
  reason: 'Lý do thử nghiệm: địa phương cần quy trình riêng.',
  platformUnfit: 'Thử nghiệm: nền tảng quốc gia chưa có chức năng này.',
  costComparison: 'Thử nghiệm: chi phí tương đương.',
};
const LIST = '/he-thong-dia-phuong';

describe('local-system work screens: record, check, comply or explain, decide', () => {
  let t: TestApp;
  let officer: TestSession; // Tỉnh Tuyên Quang (Hà Giang merged into it)
  let hanoi: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    hanoi = await signInAs(t, 'locality_officer', { organisation: 'thanh-pho-ha-noi' });
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor');
  });
  after(() => t.close());

  const page = (path: string, session?: TestSession) =>
    fetchPage(t, path, { headers: session ? { cookie: session.cookie } : {} });
  const post = (
    path: string,
    fields: Record<string, string>,
    session: TestSession,
    csrf: string | null = session.csrfToken,
  ) => postForm(t, path, Object.entries(fields), session, { csrf });
  const audit = async (id: string) => {
    const res = await send<{ items: { action: string }[] }>(t, 'GET', `/api/v1/audit?targetId=${id}`, {
      session: reviewer,
    });
    return res.body.items.map((i) => i.action);
  };
  /** Records through the form; returns the new system's id. */
  const record = async (fields: Record<string, string> = BIDDING, session = officer) => {
    const res = await post(`${LIST}/moi`, fields, session);
    assert.equal(res.status, 303, res.text.slice(0, 2000));
    const location = res.res.headers.get('location') ?? '';
    const id = /\/he-thong-dia-phuong\/([0-9a-f-]{36})\?done=created/.exec(location)?.[1];
    assert.ok(id, location);
    return id;
  };
  const errorBeside = (html: string, field: string) =>
    html.includes(`id="err-${field}"`) && new RegExp(`name="${field}"[^>]*aria-invalid="true"`).test(html);

  it('the new-system form is the locality officer’s, with its own and its former provinces', async () => {
    const res = await page(`${LIST}/moi`, officer);
    assert.equal(res.status, 200);
    assert.ok(res.html.includes('name="_csrf"'));
    const origins = section(res.html, 'name="organisation"', 'select');
    assert.ok(origins.includes('Tỉnh Tuyên Quang') && origins.includes('Tỉnh Hà Giang'));
    assert.ok(!origins.includes('Thành phố Hà Nội'));
    assert.equal((await page(`${LIST}/moi`, reviewer)).status, 403);
    assert.equal((await page(`${LIST}/moi`, editor)).status, 403);
    const anonymous = await page(`${LIST}/moi`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.res.headers.get('location') ?? '', /^\/dang-nhap\?next=/);
  });

  it('names each invalid field beside it, keeps what was typed, and writes nothing', async () => {
    const before = await send<{ items: unknown[] }>(t, 'GET', '/api/v1/local-systems', { session: officer });
    const res = await post(
      `${LIST}/moi`,
      {
        ...BIDDING,
        name: '  ',
        decisionDate: '31/02/2026',
        budget: 'hai tỷ',
        contactEmail: 'không-phải-thư',
      },
      officer,
    );
    assert.equal(res.status, 400);
    for (const field of ['name', 'decisionDate', 'budget'])
      assert.ok(errorBeside(res.html, field), `no error beside ${field}`);
    assert.ok(res.html.includes(BIDDING.description!));
    assert.ok(res.html.includes('hai tỷ'));
    // The date exists only on paper: the service refuses it, beside the field too.
    const impossible = await post(`${LIST}/moi`, { ...BIDDING, decisionDate: '31/02/2026' }, officer);
    assert.equal(impossible.status, 400);
    assert.ok(errorBeside(impossible.html, 'decisionDate'));
    const email = await post(`${LIST}/moi`, { ...BIDDING, contactEmail: 'không-phải-thư' }, officer);
    assert.equal(email.status, 400);
    assert.ok(errorBeside(email.html, 'contactEmail'));
    const after = await send<{ items: unknown[] }>(t, 'GET', '/api/v1/local-systems', { session: officer });
    assert.equal(after.body.items.length, before.body.items.length);
  });

  it('refuses a form without the CSRF token, and one for another locality', async () => {
    const res = await post(`${LIST}/moi`, BIDDING, officer, null);
    assert.equal(res.status, 403);
    const foreign = await post(
      `${LIST}/moi`,
      { ...BIDDING, organisation: await organisationId(t, 'tinh-tuyen-quang') },
      hanoi,
    );
    assert.equal(foreign.status, 403);
  });

  it('records a duplicate of a national platform and shows the verdict with owner and focal point', async () => {
    const id = await record();
    const res = await page(`${LIST}/${id}?done=created`, officer);
    assert.equal(res.status, 200);
    const check = section(res.html, 'id="check"');
    assert.ok(check.includes('verdict-overlap'));
    assert.ok(check.includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.ok(check.includes('Bộ Tài chính'), 'the owner of the matched platform');
    assert.ok(check.includes('match-facts'));
    assert.ok(res.text.includes('45/QĐ-UBND ngày 12/05/2026'));
    assert.ok(res.text.includes('2.500.000.000'));
    assert.ok(res.html.includes('id="comply"'));
    assert.deepEqual(await audit(id), ['local_system.create']);
    const en = await page(`${LIST}/${id}?lang=en`, officer);
    assert.ok(en.text.includes(localSystemWorkEn.checkTitle) && en.text.includes(localSystemWorkEn.comply));
    // Another locality does not learn it exists; the authority reads it but may not edit it.
    assert.equal((await page(`${LIST}/${id}`, hanoi)).status, 404);
    const authority = await page(`${LIST}/${id}`, reviewer);
    assert.equal(authority.status, 200);
    assert.ok(!authority.html.includes('id="edit"') && !authority.html.includes('id="comply"'));
    assert.ok(authority.html.includes(`action="${LIST}/${id}/kiem-tra"`));
  });

  it('“check this system now” stores a manual check, for the locality and the authority only', async () => {
    const id = await record({ ...BIDDING, name: 'Cổng đấu thầu của tỉnh (thử nghiệm)' });
    const res = await post(`${LIST}/${id}/kiem-tra`, {}, officer);
    assert.equal(res.status, 303);
    assert.equal(res.res.headers.get('location'), `${LIST}/${id}?done=checked#check`);
    const shown = await page(`${LIST}/${id}?done=checked`, officer);
    assert.ok(section(shown.html, 'id="history-title"').includes(w.trigger.manual));
    assert.equal((await post(`${LIST}/${id}/kiem-tra`, {}, reviewer)).status, 303);
    assert.equal((await post(`${LIST}/${id}/kiem-tra`, {}, hanoi)).status, 404);
    assert.equal((await post(`${LIST}/${id}/kiem-tra`, {}, officer, null)).status, 403);
    assert.deepEqual(await audit(id), ['local_system.check', 'local_system.check', 'local_system.create']);
  });

  it('edits: a stale version keeps what was typed; a forward status over an overlap is refused beside it', async () => {
    const id = await record({ ...BIDDING, name: 'Phần mềm đấu thầu (thử nghiệm)' });
    const form = formFields((await page(`${LIST}/${id}`, officer)).html, `${LIST}/${id}#edit`);
    // Someone else saves first.
    const first = await postForm(
      t,
      `${LIST}/${id}`,
      withValues(form, { contactName: 'Người thứ nhất' }),
      officer,
    );
    assert.equal(first.status, 303);
    const stale = await postForm(
      t,
      `${LIST}/${id}`,
      withValues(form, { contactName: 'Người thứ hai' }),
      officer,
    );
    assert.equal(stale.status, 409);
    assert.ok(stale.text.includes(w.stale));
    assert.ok(stale.html.includes('value="Người thứ hai"'));
    assert.ok(stale.html.includes('<input type="hidden" name="version" value="2"'));
    // Approving it while the overlap is unanswered: refused, beside the status.
    const fresh = formFields((await page(`${LIST}/${id}`, officer)).html, `${LIST}/${id}#edit`);
    const approve = await postForm(t, `${LIST}/${id}`, withValues(fresh, { status: 'approved' }), officer);
    assert.equal(approve.status, 409);
    assert.ok(errorBeside(approve.html, 'status'));
    // Others may not edit it.
    const as = (s: TestSession) => withValues(fresh, { _csrf: s.csrfToken });
    assert.equal((await postForm(t, `${LIST}/${id}`, as(hanoi), hanoi)).status, 404);
    const authority = await postForm(t, `${LIST}/${id}`, as(reviewer), reviewer);
    assert.equal(authority.status, 403);
    assert.ok(!authority.text.includes(w.stale));
    assert.deepEqual(await audit(id), ['local_system.update', 'local_system.create']);
  });

  it('comply or explain: a missing field is named beside it; an adoption must be a matched platform', async () => {
    const id = await record({ ...BIDDING, name: 'Hệ thống mua sắm qua mạng (thử nghiệm)' });
    const missing = await post(
      `${LIST}/${id}/giai-trinh`,
      { kind: 'justification', reason: JUSTIFICATION.reason, platformUnfit: JUSTIFICATION.platformUnfit },
      officer,
    );
    assert.equal(missing.status, 400);
    assert.ok(errorBeside(missing.html, 'costComparison'));
    assert.ok(!errorBeside(missing.html, 'reason'));
    assert.ok(missing.html.includes(JUSTIFICATION.reason));
    const adoption = await post(`${LIST}/${id}/giai-trinh`, { kind: 'adoption', platform: '' }, officer);
    assert.equal(adoption.status, 400);
    assert.ok(adoption.html.includes('id="err-platform"'));
    assert.equal(
      (await post(`${LIST}/${id}/giai-trinh`, { kind: 'justification', ...JUSTIFICATION }, hanoi)).status,
      404,
    );
    assert.equal(
      (await post(`${LIST}/${id}/giai-trinh`, { kind: 'justification', ...JUSTIFICATION }, reviewer)).status,
      403,
    );
    assert.deepEqual(await audit(id), ['local_system.create']);
    const sent = await post(`${LIST}/${id}/giai-trinh`, { kind: 'justification', ...JUSTIFICATION }, officer);
    assert.equal(sent.status, 303);
    const shown = await page(`${LIST}/${id}?done=justified`, officer);
    assert.ok(shown.text.includes(localSystemsVi.standing.pending));
    assert.ok(!shown.html.includes('id="comply"'));
    assert.deepEqual(await audit(id), ['local_system.justification', 'local_system.create']);
  });

  it('adopting a matched platform answers the overlap', async () => {
    const id = await record({ ...BIDDING, name: 'Đấu thầu của sở (thử nghiệm)' });
    const html = (await page(`${LIST}/${id}`, officer)).html;
    const platform = /name="platform" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    assert.ok(platform);
    const res = await post(`${LIST}/${id}/giai-trinh`, { kind: 'adoption', platform }, officer);
    assert.equal(res.status, 303);
    const shown = await page(`${LIST}/${id}`, officer);
    assert.ok(shown.text.includes(localSystemsVi.standing.adopted));
    assert.deepEqual(await audit(id), ['local_system.adoption', 'local_system.create']);
  });

  it('the authority decides from its queue, with a reason; then the system may move forward', async () => {
    const name = 'Hệ thống lựa chọn nhà thầu của tỉnh (thử nghiệm)';
    const id = await record({ ...BIDDING, name });
    assert.equal(
      (await post(`${LIST}/${id}/giai-trinh`, { kind: 'justification', ...JUSTIFICATION }, officer)).status,
      303,
    );
    assert.equal((await page(`${LIST}/giai-trinh-cho-tham-dinh`, officer)).status, 403);
    const queue = await page(`${LIST}/giai-trinh-cho-tham-dinh`, reviewer);
    assert.equal(queue.status, 200);
    assert.ok(queue.text.includes(name));
    assert.ok(queue.text.includes(JUSTIFICATION.platformUnfit));
    const action = new RegExp(
      `<a href="${LIST}/${id}">[\\s\\S]*?action="(${LIST}/giai-trinh/[0-9a-f-]{36}/quyet-dinh)#`,
    ).exec(queue.html)?.[1];
    assert.ok(action);
    const noReason = await post(action, { decision: 'accept', comment: ' ' }, reviewer);
    assert.equal(noReason.status, 400);
    assert.ok(/id="err-[0-9a-f-]{36}-comment"/.test(noReason.html));
    assert.equal(
      (await post(action, { decision: 'accept', comment: 'Đồng ý (thử nghiệm)' }, officer)).status,
      403,
    );
    const accepted = await post(action, { decision: 'accept', comment: 'Đồng ý (thử nghiệm)' }, reviewer);
    assert.equal(accepted.status, 200);
    assert.ok(accepted.text.includes(`“${name}”`));
    assert.ok(!section(accepted.html, 'class="justification-queue"').includes(`href="${LIST}/${id}"`));
    const again = await post(action, { decision: 'reject', comment: 'Thử lại' }, reviewer);
    assert.equal(again.status, 409);
    // Accepted: the officer moves it to approved, and the list says so.
    const form = formFields((await page(`${LIST}/${id}`, officer)).html, `${LIST}/${id}#edit`);
    assert.equal(
      (await postForm(t, `${LIST}/${id}`, withValues(form, { status: 'approved' }), officer)).status,
      303,
    );
    const list = await page(LIST, officer);
    const row = list.html.slice(list.html.indexOf(`href="${LIST}/${id}"`));
    const cells = row.slice(0, row.indexOf('</tr>'));
    assert.ok(cells.includes(localSystemsVi.status.approved));
    assert.ok(cells.includes(localSystemsVi.standing.justified));
    assert.deepEqual(await audit(id), [
      'local_system.update',
      'local_system.justification_accepted',
      'local_system.justification',
      'local_system.create',
    ]);
  });

  it('the list links to what each may do; a former province’s system still shows where it came from', async () => {
    const origin = await organisationId(t, 'tinh-ha-giang-truoc-2025');
    const id = await record({ ...BIDDING, name: 'Sổ vườn ươm Hà Giang (thử nghiệm)', organisation: origin });
    const detail = await page(`${LIST}/${id}`, officer);
    assert.ok(detail.text.includes(`${w.origin} Tỉnh Hà Giang`));
    const list = await page(LIST, officer);
    assert.ok(list.html.includes(`href="${LIST}/moi"`));
    assert.ok(!list.html.includes(`href="${LIST}/giai-trinh-cho-tham-dinh"`));
    assert.ok(list.html.includes(`href="${LIST}/${id}"`));
    assert.ok(list.text.includes(`${localSystemsVi.page.origin}: Tỉnh Hà Giang`));
    const authority = await page(LIST, reviewer);
    assert.ok(authority.html.includes(`href="${LIST}/giai-trinh-cho-tham-dinh"`));
    assert.ok(!authority.html.includes(`href="${LIST}/moi"`));
    // The work area leads there too.
    const home = await page('/cong-viec', officer);
    assert.ok(home.html.includes(`href="${LIST}"`));
    assert.ok(!home.html.includes(`href="${LIST}/giai-trinh-cho-tham-dinh"`));
    assert.ok((await page('/cong-viec', reviewer)).html.includes(`href="${LIST}/giai-trinh-cho-tham-dinh"`));
    assert.ok(!(await page('/cong-viec', editor)).html.includes(`href="${LIST}`));
  });

  it('keeps a system typed in while the session expired, and records it after signing in again', async () => {
    const user = await createTestUser(t, 'locality_officer');
    const stale = { cookie: 'ndp_session=het-han-tu-lau-roi-khong-con-dung-duoc-nua' };
    const name = 'Hệ thống gõ khi phiên đã hết hạn (thử nghiệm)';
    const fields = Object.entries({ ...BIDDING, name, _csrf: 'old-token' });
    const expired = await postForm(t, `${LIST}/moi`, fields, stale);
    assert.equal(expired.status, 401);
    const kept = hiddenInputs(expired.html);
    assert.ok(kept.some(([n, v]) => n === '_keep.name' && v === name));
    const signedIn = await postForm(t, '/dang-nhap', [
      ...kept,
      ['email', user.email],
      ['password', user.password],
    ]);
    assert.equal(signedIn.status, 200);
    assert.ok(signedIn.html.includes(`action="${LIST}/moi"`), 'the form goes on to where it was sent');
    const resend = hiddenInputs(signedIn.html);
    const csrf = resend.find(([n]) => n === '_csrf')?.[1] ?? null;
    const sent = await postForm(
      t,
      `${LIST}/moi`,
      resend.filter(([n]) => n !== '_csrf'),
      { cookie: signedIn.cookie ?? '' },
      { csrf },
    );
    assert.equal(sent.status, 303);
    const created = await fetchPage(t, sent.res.headers.get('location') ?? '', {
      headers: { cookie: signedIn.cookie ?? '' },
    });
    assert.ok(created.text.includes(name));
  });
});
