// The nationwide overlap report through the service, on a real database: N SYNTHETIC local
// systems spread over today's provinces, checked once by the background job (a full recompute:
// every check stored as a snapshot), then the report and its CSV built from the latest snapshots.
//   node --import tsx bench/overlap-report.bench.ts [-- --locals 2000]
// The engine's own cost per check is in bench/overlap.bench.ts; this adds the database and service.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { fixedClock } from '../src/clock.ts';
import { insertRun } from '../src/db/local-system-check-run.repository.ts';
import { insertLocalSystem } from '../src/db/local-system.repository.ts';
import { createOverlapRecheckJob } from '../src/jobs/overlap-recheck.job.ts';
import { createCatalogueService } from '../src/services/catalogue.service.ts';
import { createLocalSystemChecker } from '../src/services/local-system.check.ts';
import { createOverlapReportService } from '../src/services/overlap-report.service.ts';
import { openTestDatabase } from '../src/testing/test-database.ts';
import { syntheticLocalSystems } from './synthetic/local-systems.ts';

const arg = process.argv.indexOf('--locals');
const locals = arg > 0 ? Number(process.argv[arg + 1]) : 2000;
const clock = fixedClock('2026-11-29T03:00:00Z');
const log = pino({ level: 'silent' });
const ms = (start: number) => Math.round(performance.now() - start);

const testDb = await openTestDatabase();
const db = testDb.database.db;
try {
  const catalogue = createCatalogueService({ db, clock, log, pollMs: 0 });
  const snapshot = await catalogue.snapshot();
  const provinces = snapshot.organisations.filter((o) => o.level === 'province' && o.validTo === null);
  const systems = syntheticLocalSystems(
    locals,
    provinces.map((p) => p.name),
    snapshot.platforms.map((p) => p.name),
  );
  const provinceId = new Map(provinces.map((p) => [p.name, p.id]));
  let started = performance.now();
  await db.transaction().execute(async (tx) => {
    for (const s of systems) {
      const org = provinceId.get(s.province) ?? '';
      await insertLocalSystem(
        tx,
        {
          id: randomUUID(),
          organisationId: org,
          originOrganisationId: org,
          createdBy: null,
          name: s.name,
          description: s.description ?? '',
          functions: s.functions ?? [],
          data: s.data ?? [],
          status: 'proposed',
          decision: null,
          budgetVnd: null,
          contact: { name: null, email: null, phone: null },
        },
        clock.now(),
      );
    }
  });
  console.log(`inserted ${locals} synthetic local systems   ${ms(started)} ms`);

  const job = createOverlapRecheckJob({
    db,
    clock,
    log,
    checker: createLocalSystemChecker(catalogue),
    linkBase: 'http://localhost',
  });
  await insertRun(
    db,
    { id: randomUUID(), kind: 'recompute', status: 'queued', requestedBy: null },
    clock.now(),
  );
  started = performance.now();
  const pass = await job.runOnce();
  console.log(`recompute (check + snapshot each)  ${ms(started)} ms   checked ${pass?.checked ?? 0}`);

  const reports = createOverlapReportService({ db, clock, catalogue });
  const authority = {
    userId: randomUUID(),
    role: 'authority_reviewer' as const,
    organisationId: randomUUID(),
    organisationFamily: new Set<string>(),
    organisationActive: true,
  };
  started = performance.now();
  const report = await reports.report(authority);
  console.log(
    `report (JSON)                      ${ms(started)} ms   ${report.totals.overlapping} overlapping, ${report.byPlatform.length} platforms duplicated`,
  );
  started = performance.now();
  const csv = await reports.exportCsv(authority, { actor: null, requestId: null, clientAddress: null });
  console.log(`report (CSV)                       ${ms(started)} ms   ${csv.length} characters`);
} finally {
  await testDb.close();
}
