import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { vietnamDate } from '../clock.ts';
import { readConfig } from '../config.ts';
import { claimDueEmails, listEmailsTo } from '../db/email-delivery.repository.ts';
import { listUnsentEmails } from '../db/email-outbox.repository.ts';
import { vi } from '../i18n/vi.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createTestUser, send } from '../testing/test-session.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/test-smtp-server.ts';
import { createEmailSender } from './email-sender.ts';

// Synthetic accounts and addresses only (example.gov.vn); a real SMTP server on 127.0.0.1.
let now = new Date('2026-11-30T02:00:00Z').getTime();
const clock = { now: () => new Date(now), today: () => vietnamDate(new Date(now)) };
const log = pino({ level: 'silent' });
const LINK = /https:\/\/ndp\.example\.gov\.vn\/dat-lai-mat-khau\?token=([A-Za-z0-9_-]+)/;

describe('SMTP delivery of the e-mail outbox', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  const mailConfig = (extra: Record<string, string> = {}) =>
    readConfig({
      SMTP_URL: `smtp://mailer:${encodeURIComponent('mật-khẩu-thử')}@127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Sổ đăng ký nền tảng số – thử nghiệm <no-reply@example.gov.vn>',
      MAIL_RETRY_SECONDS: '60',
      ...extra,
    }).mail;
  const senderWith = (extra: Record<string, string> = {}) =>
    createEmailSender({ db: t.db, clock, log, config: mailConfig(extra) });
  const requestReset = async (email: string) =>
    assert.equal((await send(t, 'POST', '/api/v1/auth/password-reset', { body: { email } })).status, 202);

  before(async () => {
    smtp = await startTestSmtpServer();
    t = await openTestApp({
      clock,
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://ndp.example.gov.vn' },
    });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a password reset: recipient, Vietnamese subject, a working link; then clears the body', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    await requestReset(user.email);
    const sender = senderWith();
    assert.deepEqual(await sender.runOnce(), { sent: 1, failed: 0 });

    const mail = smtp.received.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.envelopeTo, [user.email]);
    assert.equal(mail.user, 'mailer', 'signed in to the SMTP server with the URL’s credentials');
    assert.equal(mail.subject, vi.email.passwordReset.subject);
    assert.match(mail.subject, /Đặt lại mật khẩu/);
    assert.match(mail.from, /^Sổ đăng ký nền tảng số – thử nghiệm <no-reply@example\.gov\.vn>$/);
    const token = LINK.exec(mail.text)?.[1];
    assert.ok(token, 'the mail carries the reset link');
    assert.ok(mail.text.includes('Kính gửi'), 'the Vietnamese body arrives intact');

    const [row] = await listEmailsTo(t.db, user.email);
    assert.ok(row?.sentAt, 'marked sent');
    assert.equal(row.attempts, 1);
    assert.equal(row.body, '', 'the body with the link is not kept once sent');
    assert.ok(!JSON.stringify(row).includes(token));

    // The link that arrived works.
    const password = 'mật khẩu mới qua thư điện tử';
    const confirmed = await send(t, 'POST', '/api/v1/auth/password-reset/confirm', {
      body: { token, password },
    });
    assert.equal(confirmed.status, 204);

    assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 0 }, 'a sent message is not sent again');
    assert.equal(smtp.received.length, 1);
  });

  it('retries a refused message after the back-off, counting attempts and keeping the last error', async () => {
    const user = await createTestUser(t, 'locality_officer');
    await requestReset(user.email);
    const sender = senderWith();
    smtp.refuse = true;
    try {
      assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 1 });
      let [row] = await listEmailsTo(t.db, user.email);
      assert.ok(row);
      assert.equal(row.sentAt, null);
      assert.equal(row.attempts, 1);
      assert.match(row.lastError ?? '', /451/);
      assert.match(row.body, LINK, 'kept for the retry');
      assert.equal(row.nextAttemptAt?.getTime(), now + 60_000);

      assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 0 }, 'not before the back-off');
      now += 60_000;
      assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 1 });
      [row] = await listEmailsTo(t.db, user.email);
      assert.equal(row?.attempts, 2);
      assert.equal(row?.nextAttemptAt?.getTime(), now + 120_000, 'the wait doubles');

      smtp.refuse = false;
      now += 120_000;
      assert.deepEqual(await sender.runOnce(), { sent: 1, failed: 0 });
      [row] = await listEmailsTo(t.db, user.email);
      assert.ok(row?.sentAt);
      assert.equal(row.attempts, 3);
      assert.equal(row.lastError, null);
      assert.equal(row.body, '');
      assert.deepEqual(smtp.received.at(-1)?.envelopeTo, [user.email]);
    } finally {
      smtp.refuse = false;
    }
  });

  it('gives up after MAIL_MAX_ATTEMPTS, keeps the error and clears the body', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    await requestReset(user.email);
    const sender = senderWith({ MAIL_MAX_ATTEMPTS: '2' });
    smtp.refuse = true;
    try {
      assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 1 });
      now += 60_000;
      assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 1 });
      const [row] = await listEmailsTo(t.db, user.email);
      assert.equal(row?.attempts, 2);
      assert.equal(row?.sentAt, null);
      assert.equal(row?.nextAttemptAt, null);
      assert.match(row?.lastError ?? '', /451/);
      assert.equal(row?.body, '');
      now += 86_400_000;
      smtp.refuse = false;
      assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 0 }, 'not tried again');
    } finally {
      smtp.refuse = false;
    }
  });

  it('claims a message once: a second sender does not take it while the first holds it', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    await requestReset(user.email);
    const options = { now: clock.now(), leaseMs: 300_000, maxAttempts: 5, limit: 10 };
    const [first, second] = await Promise.all([claimDueEmails(t.db, options), claimDueEmails(t.db, options)]);
    // (Only this test's message counts: earlier tests leave given-up messages that a higher limit re-admits.)
    const mine = <T extends { to: string }>(claimed: T[]) => claimed.filter((m) => m.to === user.email);
    const ids = mine([...first, ...second]).map((m) => m.id);
    assert.equal(ids.length, 1, 'claimed by exactly one of two concurrent senders');
    assert.deepEqual(mine(await claimDueEmails(t.db, options)), [], 'nor later, while the lease runs');
    now += 300_000;
    const again = await claimDueEmails(t.db, { ...options, now: clock.now() });
    assert.deepEqual(
      mine(again).map((m) => [m.id, m.attempt]),
      [[ids[0], 2]],
      'an expired lease (a sender that died) frees it again',
    );
  });

  it('without SMTP_URL sends nothing and leaves the mail in the outbox', async () => {
    const user = await createTestUser(t, 'ministry_editor');
    await requestReset(user.email);
    const config = readConfig({}).mail;
    const sender = createEmailSender({ db: t.db, clock, log, config });
    assert.equal(sender.enabled, false);
    const before = smtp.received.length;
    await sender.runOnce();
    assert.equal(smtp.received.length, before);
    assert.ok((await listUnsentEmails(t.db)).some((m) => m.to === user.email && LINK.test(m.body)));
  });
});
