import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { fixedClock } from '../../clock.ts';
import { startReminderJob } from '../../jobs/declaration-reminders.ts';
import { createDeclarationService } from '../../services/declaration.service.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Row {
  organisation: { id: string; code: string; name: string };
  declared: boolean;
  platformCount: number;
  overdueCount: number;
  lastReminderAt: string | null;
  platforms: { id: string; slug: string; lastConfirmedAt: string | null; overdue: boolean }[];
}
interface Report {
  bodies: number;
  declaredBodies: number;
  items: Row[];
  notDeclared: { code: string }[];
  official: { document: string; declared: number; total: number; citation: string }[];
}

const BIDDING = 'he-thong-mang-dau-thau-quoc-gia'; // declared by Bộ Kế hoạch và Đầu tư, now Bộ Tài chính's

describe('declaration follow-up, confirmations and reminders', () => {
  let t: TestApp;
  let reviewer: TestSession;
  let finance: TestSession;
  let police: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    reviewer = await signInAs(t, 'authority_reviewer');
    finance = await signInAs(t, 'ministry_editor'); // Bộ Tài chính (synthetic test account)
    police = await signInAs(t, 'ministry_editor', { organisation: 'bo-cong-an' });
  });
  after(() => t.close());

  const report = async () => {
    const res = await send<Report>(t, 'GET', '/api/v1/declarations', { session: reviewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const serviceAt = (iso: string) =>
    createDeclarationService({
      db: t.db,
      clock: fixedClock(iso),
      catalogue: t.catalogue,
      periodDays: 180,
      linkBase: 'https://ndp.example.gov.vn',
    });

  it('is for the authority only', async () => {
    assert.equal((await send(t, 'GET', '/api/v1/declarations')).status, 401);
    assert.equal((await send(t, 'GET', '/api/v1/declarations', { session: finance })).status, 403);
    assert.equal((await send(t, 'GET', '/api/v1/declarations.csv', { session: finance })).status, 403);
  });

  it('lists the current ministries and agencies, successors answering for predecessors', async () => {
    const r = await report();
    const codes = r.items.map((i) => i.organisation.code);
    assert.ok(codes.includes('bo-tai-chinh'));
    assert.ok(!codes.includes('bo-ke-hoach-va-dau-tu'), 'a former body is not followed up');
    const financeRow = r.items.find((i) => i.organisation.code === 'bo-tai-chinh');
    assert.ok(financeRow?.declared);
    assert.ok(financeRow?.platforms.some((p) => p.slug === BIDDING));
    assert.equal(r.bodies, r.items.length);
    assert.equal(r.declaredBodies + r.notDeclared.length, r.bodies);
    for (const nd of r.notDeclared) {
      const row = r.items.find((i) => i.organisation.code === nd.code);
      assert.equal(row?.platformCount, 0);
    }
    assert.deepEqual(
      r.official.map((o) => [o.document, o.declared, o.total, o.citation]),
      [['2765/BTTTT-CĐSQG', 18, 29, '2765/BTTTT-CĐSQG ngày 15/07/2024']],
    );
  });

  it('the owner’s editor confirms a record is current; nobody else may', async () => {
    assert.equal(
      (await send(t, 'POST', `/api/v1/platforms/${BIDDING}/confirm`, { session: police })).status,
      403,
    );
    assert.equal(
      (await send(t, 'POST', `/api/v1/platforms/${BIDDING}/confirm`, { session: reviewer })).status,
      403,
    );
    assert.equal(
      (await send(t, 'POST', '/api/v1/platforms/khong-co/confirm', { session: finance })).status,
      404,
    );
    const res = await send<{ confirmedAt: string; confirmedBy: string }>(
      t,
      'POST',
      `/api/v1/platforms/${BIDDING}/confirm`,
      { session: finance },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.confirmedBy, finance.userId);
    const entry = (await report()).items
      .find((i) => i.organisation.code === 'bo-tai-chinh')
      ?.platforms.find((p) => p.slug === BIDDING);
    assert.equal(entry?.lastConfirmedAt, res.body.confirmedAt);
    assert.equal(entry?.overdue, false);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'platform.confirm')
      .execute();
    assert.deepEqual(audited, [{ action: 'platform.confirm', actor_user_id: finance.userId }]);
  });

  it('reminds each body with overdue records once per period, to its editors', async () => {
    // Bộ Tài chính confirms every one of its records: it is not reminded.
    const financeRow = (await report()).items.find((i) => i.organisation.code === 'bo-tai-chinh');
    for (const p of financeRow?.platforms ?? [])
      assert.equal(
        (await send(t, 'POST', `/api/v1/platforms/${p.id}/confirm`, { session: finance })).status,
        200,
      );

    const job = startReminderJob({
      declarations: serviceAt('2026-11-29T03:00:00Z'),
      intervalMinutes: 0,
      log: pino({ level: 'silent' }),
    });
    const first = await job.runOnce();
    const policeId = (await report()).items.find((i) => i.organisation.code === 'bo-cong-an')?.organisation
      .id;
    assert.ok(
      policeId && first.reminded.includes(policeId),
      'Bộ Công an has unconfirmed records and an editor',
    );
    assert.ok(!first.reminded.includes(financeRow?.organisation.id ?? ''), 'all confirmed: no reminder');
    const mail = await t.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject', 'body_text'])
      .where('purpose', '=', 'declaration_reminder')
      .execute();
    assert.equal(mail.length, first.emails);
    const toPolice = mail.filter((m) => m.to_address === police.email);
    assert.equal(toPolice.length, 1);
    assert.match(toPolice[0]?.body_text ?? '', /Bộ Công an/);
    assert.ok(!mail.some((m) => m.to_address === finance.email));

    // Again the same day, and a month later: nothing new.
    assert.equal((await job.runOnce()).emails, 0);
    assert.equal((await serviceAt('2026-12-29T03:00:00Z').remindOnce()).emails, 0);
    const row = (await report()).items.find((i) => i.organisation.code === 'bo-cong-an');
    assert.ok(row?.lastReminderAt);

    // A period later the records are still overdue: one more reminder.
    const later = await serviceAt('2027-06-01T03:00:00Z').remindOnce();
    assert.ok(later.reminded.includes(policeId));
    const reminders = await t.db
      .selectFrom('declaration_reminder')
      .select('sent_at')
      .where('organisation_id', '=', policeId)
      .execute();
    assert.equal(reminders.length, 2);
  });

  it('exports the follow-up as CSV', async () => {
    const res = await send<string>(t, 'GET', '/api/v1/declarations.csv', { session: reviewer });
    assert.equal(res.status, 200);
    assert.match(res.res.headers.get('content-type') ?? '', /text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, (await report()).bodies + 1);
    assert.ok(lines.some((l) => l.startsWith('Bộ Tài chính,bo-tai-chinh,')));
  });
});
