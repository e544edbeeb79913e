import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { vietnamDate, type Clock } from '../../../clock.ts';
import { workEn } from '../../../i18n/work.en.ts';
import { openTestApp, type TestApp } from '../../../testing/test-app.ts';
import { signInAs } from '../../../testing/test-session.ts';
import { fetchPage } from '../test-helpers.ts';
import { postForm } from './test-forms.ts';

describe('the review queue over time', () => {
  let t: TestApp;
  let now = Date.parse('2026-11-30T03:00:00Z'); // a Monday
  const clock: Clock = { now: () => new Date(now), today: () => vietnamDate(new Date(now)) };
  before(async () => {
    t = await openTestApp({ clock });
  });
  after(async () => {
    await t.close();
  });

  it('highlights a request past its deadline in working days, in either language', async () => {
    const editor = await signInAs(t, 'ministry_editor');
    const sent = await postForm(
      t,
      '/cong-viec/de-nghi',
      [
        ['requestKind', 'retire'],
        ['platform', 'he-thong-mang-dau-thau-quoc-gia'],
        ['summary', 'Ngừng nền tảng (dữ liệu thử)'],
        ['action', 'submit'],
      ],
      editor,
      { csrf: editor.csrfToken },
    );
    assert.equal(sent.status, 303, sent.text.slice(0, 500));
    const path = (sent.res.headers.get('location') ?? '').replace(/\?.*$/, '');

    now += 60 * 24 * 3600_000; // two months later: past 20 working days
    const reviewer = await signInAs(t, 'authority_reviewer');
    const queue = await fetchPage(t, '/cong-viec/tham-dinh', { headers: { cookie: reviewer.cookie } });
    assert.equal(queue.status, 200);
    const row = queue.html.slice(queue.html.lastIndexOf('<tr', queue.html.indexOf(`href="${path}"`)));
    assert.match(row, /^<tr class="overdue-row">/);
    assert.match(queue.text, /\d\d\/\d\d\/\d{4} \(quá hạn \d+ ngày làm việc\)/);

    const english = await fetchPage(t, '/cong-viec/tham-dinh?lang=en', {
      headers: { cookie: reviewer.cookie },
    });
    assert.ok(english.text.includes(workEn.work.reviewQueue));
    assert.match(english.text, /\(overdue by \d+ working days\)/);
  });
});
