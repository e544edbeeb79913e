import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { workVi } from '../../../i18n/work.vi.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { createTestUser } from '../../../testing/test-session.ts';
import { fetchPage } from '../test-helpers.ts';
import { hiddenInputs, postForm } from './test-forms.ts';

describe('signing in and out', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ env: { SIGN_IN_MAX_FAILURES: '2' } });
  });
  after(async () => {
    await t.close();
  });

  const signIn = async (email: string, password: string) => {
    const res = await postForm(t, '/dang-nhap', [
      ['email', email],
      ['password', password],
    ]);
    return { ...res, session: { cookie: res.cookie ?? '' } };
  };

  it('says when an account is locked out, and how long for', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    assert.equal((await signIn(user.email, 'sai lần một')).status, 401);
    const second = await signIn(user.email, 'sai lần hai');
    const locked = await signIn(user.email, user.password);
    assert.equal(locked.status, 429, second.text.slice(0, 200));
    assert.ok(locked.res.headers.get('retry-after'));
    assert.match(locked.text, /Hãy thử lại sau \d+ phút/);
    assert.ok(!locked.cookie, 'no session while locked out');
  });

  it('signs out, and signs out everywhere', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const one = await signIn(user.email, user.password);
    const two = await signIn(user.email, user.password);
    const home = await fetchPage(t, '/cong-viec', { headers: { cookie: one.session.cookie } });
    assert.equal(home.status, 200);
    assert.match(home.res.headers.get('cache-control') ?? '', /no-store/);
    const csrf = hiddenInputs(home.html).find(([n]) => n === '_csrf')?.[1] ?? '';

    const everywhere = await postForm(t, '/dang-xuat-moi-noi', [], one.session, { csrf });
    assert.equal(everywhere.status, 200);
    assert.ok(everywhere.text.includes('(2 phiên)'));
    for (const s of [one.session, two.session]) {
      const res = await t.app.request('/cong-viec', { headers: { cookie: s.cookie } });
      assert.equal(res.status, 303, 'every session ended');
    }

    const three = await signIn(user.email, user.password);
    const page = await fetchPage(t, '/cong-viec', { headers: { cookie: three.session.cookie } });
    const token = hiddenInputs(page.html).find(([n]) => n === '_csrf')?.[1] ?? '';
    const out = await postForm(t, '/dang-xuat', [], three.session, { csrf: token });
    assert.ok(out.text.includes(workVi.signIn.signedOut));
    assert.equal(
      (await t.app.request('/cong-viec', { headers: { cookie: three.session.cookie } })).status,
      303,
    );
  });

  it('refuses a sign-in form posted from another site', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    const res = await t.app.request('/dang-nhap', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.getSetCookie().length, 0);
  });
});
