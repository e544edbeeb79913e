import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { listUnsentEmails } from '../db/email-outbox.repository.ts';
import { DEFAULT_OVERLAP_RULES } from '../domain/overlap/index.ts';
import { createLocalSystemChecker } from '../services/local-system.check.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../testing/test-session.ts';
import { createOverlapRecheckJob, type OverlapRecheckJob } from './overlap-recheck.job.ts';

// Synthetic test data only: the systems and the platform published below are invented and
// marked "(thử nghiệm)".
interface System {
  id: string;
  version: number;
  latestCheck: {
    id: number;
    verdict: string;
    trigger: string;
    catalogueRevision: number;
    rulesVersion: string;
  } | null;
  checks: { id: number }[];
}
interface Run {
  id: string;
  kind: string;
  status: string;
  checked: number;
  newlyOverlapping: number;
  startedAt: string | null;
  finishedAt: string | null;
}
interface Report {
  catalogueRevision: number;
  totals: { systems: number; localities: number; overlapping: number; unresolved: number };
  byPlatform: { platform: { name: string }; systems: { id: string; standing: string }[] }[];
  byLocality: { locality: { name: string } | null; systems: number; overlapping: number }[];
  runs: Run[];
}

const NURSERY_PLATFORM = {
  name: 'Nền tảng cấp mã số vườn ươm cây giống (thử nghiệm)',
  kind: 'shared_platform',
  scope: 'nationwide',
  description: 'Dữ liệu thử nghiệm: cấp mã số vườn ươm cây giống.',
  functions: ['Cấp mã số vườn ươm cây giống'],
  status: 'operating',
  operator: 'Đơn vị vận hành thử nghiệm',
  focalPoints: [
    { name: 'Bộ phận hỗ trợ (thử nghiệm)', unit: null, email: 'hotro@example.gov.vn', phone: null },
  ],
};

describe('background re-check and the nationwide report', () => {
  let t: TestApp;
  let officer: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  let job: OverlapRecheckJob;
  let nursery: System;
  let bidding: System;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await signInAs(t, 'locality_officer');
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor');
    job = createOverlapRecheckJob({
      db: t.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
      checker: createLocalSystemChecker(t.catalogue),
      linkBase: 'https://ndp.example.gov.vn',
    });
    const record = async (body: Record<string, unknown>) =>
      (await send<System>(t, 'POST', '/api/v1/local-systems', { session: officer, body })).body;
    nursery = await record({
      name: 'Hệ thống quản lý vườn ươm cây giống của tỉnh (thử nghiệm)',
      functions: ['Cấp mã số vườn ươm cây giống'],
    });
    bidding = await record({
      name: '=HYPERLINK("http://example.com") Hệ thống đấu thầu qua mạng của tỉnh (thử nghiệm)',
      functions: ['Lựa chọn nhà thầu qua mạng'],
    });
  });
  after(() => t.close());

  it('the report groups systems by duplicated platform and by locality, for the authority only', async () => {
    assert.equal(nursery.latestCheck?.verdict, 'clear');
    assert.equal(bidding.latestCheck?.verdict, 'overlap');
    assert.equal((await send(t, 'GET', '/api/v1/overlap-report', { session: officer })).status, 403);
    assert.equal((await send(t, 'GET', '/api/v1/overlap-report')).status, 401);
    const { status, body } = await send<Report>(t, 'GET', '/api/v1/overlap-report', { session: reviewer });
    assert.equal(status, 200);
    assert.deepEqual(body.totals, { systems: 2, localities: 1, overlapping: 1, unresolved: 1, unchecked: 0 });
    const top = body.byPlatform[0];
    assert.equal(top?.platform.name, 'Hệ thống mạng đấu thầu quốc gia');
    assert.deepEqual(
      top?.systems.map((s) => [s.id, s.standing]),
      [[bidding.id, 'unresolved']],
    );
    assert.equal(body.byLocality[0]?.locality?.name, 'Tỉnh Tuyên Quang');
    assert.equal(body.byLocality[0]?.systems, 2);
  });

  it('exports the report as CSV with formulas made inert', async () => {
    const res = await send<string>(t, 'GET', '/api/v1/overlap-report/export', { session: reviewer });
    assert.equal(res.status, 200);
    assert.match(res.res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 3);
    assert.ok(lines[0]?.startsWith('locality,recorded_for,system_id,system,status'));
    const row = lines.find((l) => l.includes(bidding.id)) ?? '';
    assert.ok(row.includes(`"'=HYPERLINK(""http://example.com"")`), row);
    assert.ok(row.includes('Hệ thống mạng đấu thầu quốc gia'));
    assert.equal((await send(t, 'GET', '/api/v1/overlap-report/export', { session: officer })).status, 403);
  });

  it('nothing to do while every check is current', async () => {
    assert.equal(await job.runOnce(), null);
  });

  it('a newly published platform re-checks the systems and mails the localities newly in overlap', async () => {
    const cr = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: { kind: 'create', summary: 'Nền tảng mới (thử nghiệm)', proposed: NURSERY_PLATFORM },
    });
    assert.equal(cr.status, 201, JSON.stringify(cr.body));
    const submitted = await send<{ version: number }>(
      t,
      'POST',
      `/api/v1/change-requests/${cr.body.id}/submit`,
      {
        session: editor,
        body: { version: cr.body.version },
      },
    );
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const approved = await send(t, 'POST', `/api/v1/change-requests/${cr.body.id}/decision`, {
      session: reviewer,
      body: { version: submitted.body.version, decision: 'approve' },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    const result = await job.runOnce();
    assert.equal(result?.checked, 2);
    assert.equal(result?.newlyOverlapping, 1);
    const after = await send<System>(t, 'GET', `/api/v1/local-systems/${nursery.id}`, { session: officer });
    assert.equal(after.body.latestCheck?.verdict, 'overlap');
    assert.equal(after.body.latestCheck?.trigger, 'recheck');
    assert.ok(
      (after.body.latestCheck?.catalogueRevision ?? 0) > (nursery.latestCheck?.catalogueRevision ?? 0),
    );
    assert.equal(after.body.checks.length, 2, 'the first snapshot is kept');

    const mails = (await listUnsentEmails(t.db)).filter((m) => m.purpose === 'overlap_recheck');
    assert.deepEqual(
      mails.map((m) => m.to),
      [officer.email],
    );
    assert.ok(mails[0]?.body.includes('Hệ thống quản lý vườn ươm cây giống của tỉnh (thử nghiệm)'));
    assert.ok(!mails[0]?.body.includes('HYPERLINK'), 'the bidding system was in overlap already');
    assert.ok(mails[0]?.body.includes('https://ndp.example.gov.vn/he-thong-dia-phuong'));

    assert.equal(await job.runOnce(), null, 'a second pass finds nothing new');
    assert.equal((await listUnsentEmails(t.db)).filter((m) => m.purpose === 'overlap_recheck').length, 1);
  });

  it('a recompute asked for by the authority runs in the background and reports its time', async () => {
    assert.equal(
      (await send(t, 'POST', '/api/v1/overlap-report/recompute', { session: officer })).status,
      403,
    );
    const queued = await send<Run>(t, 'POST', '/api/v1/overlap-report/recompute', { session: reviewer });
    assert.equal(queued.status, 202);
    assert.equal(queued.body.status, 'queued');
    const result = await job.runOnce();
    assert.equal(result?.checked, 2);
    assert.equal(result?.newlyOverlapping, 0);
    const run = await send<Run>(t, 'GET', `/api/v1/overlap-report/runs/${queued.body.id}`, {
      session: reviewer,
    });
    assert.equal(run.body.status, 'done');
    assert.equal(run.body.checked, 2);
    assert.ok(run.body.startedAt && run.body.finishedAt);
    const report = await send<Report>(t, 'GET', '/api/v1/overlap-report', { session: reviewer });
    // (The test clock stands still, so runs requested in one test tie on time: find it by id.)
    assert.equal(report.body.runs.find((r) => r.id === queued.body.id)?.status, 'done');
    assert.equal(report.body.totals.overlapping, 2);
    assert.equal(report.body.byPlatform.length, 2);
    const audit = await send<{ items: { action: string }[] }>(
      t,
      'GET',
      `/api/v1/audit?targetId=${queued.body.id}`,
      { session: reviewer },
    );
    assert.deepEqual(
      audit.body.items.map((i) => i.action),
      ['overlap_report.recompute'],
    );
  });

  it('a change of the overlap rules is a new rules version: every system is checked again', async () => {
    const stricter = { ...DEFAULT_OVERLAP_RULES, overlapThreshold: 0.99 };
    const other = createOverlapRecheckJob({
      db: t.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
      checker: createLocalSystemChecker(t.catalogue, () => stricter),
      linkBase: 'https://ndp.example.gov.vn',
    });
    const mailsBefore = (await listUnsentEmails(t.db)).length;
    const result = await other.runOnce();
    assert.equal(result?.checked, 2);
    const after = await send<System & { latestCheck: { rulesVersion: string } }>(
      t,
      'GET',
      `/api/v1/local-systems/${bidding.id}`,
      { session: officer },
    );
    assert.notEqual(after.body.latestCheck?.verdict, 'overlap');
    assert.notEqual(after.body.latestCheck?.rulesVersion, bidding.latestCheck?.rulesVersion);
    assert.equal(
      (await listUnsentEmails(t.db)).length,
      mailsBefore,
      'nothing newly in overlap, nobody mailed',
    );
    assert.equal(await other.runOnce(), null);
  });
});
