import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createApp } from '../../app.ts';
import { systemClock } from '../../clock.ts';
import { readConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { createCatalogueService } from '../../services/catalogue.service.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface List {
  items: { slug: string; name: string }[];
  total: number;
}
interface Detail {
  id: string;
  version: number;
  status: string;
}

const BIDDING = 'he-thong-mang-dau-thau-quoc-gia';
// Made-up words (SYNTHETIC test data): nothing in the catalogue or the dictionary contains them.
const NEW_WORD = 'zolvantrix';
const SYNONYM = 'kwibbelor';
const DEADLINE_MS = 2000;

/**
 * Two registry instances on one PostgreSQL database (as behind a load balancer): what one
 * publishes, the other finds within 2 s, by polling the catalogue revision. On PGlite one process
 * owns the data directory, so there is no second instance to test.
 */
describe('search freshness across two instances', () => {
  let a: TestApp;
  let b: { app: ReturnType<typeof createApp>; database: Database } | null = null;
  let admin: TestSession;

  before(async () => {
    a = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    if (a.databaseConfig.kind !== 'postgres') return;
    const database = await openDatabase(a.databaseConfig);
    const log = pino({ level: 'silent' });
    // Instance B: the production catalogue service (1 s poll) on the system clock.
    const catalogue = createCatalogueService({ db: database.db, clock: systemClock, log });
    const app = createApp({
      config: readConfig({ SEED: 'false' }),
      database,
      log,
      clock: systemClock,
      catalogue,
    });
    b = { app, database };
    admin = await signInAs(a, 'authority_admin');
  });
  after(async () => {
    await b?.database.close();
    await a.close();
  });

  const searchOnB = async (q: string): Promise<List> => {
    const res = await b!.app.request(`/api/v1/platforms?q=${encodeURIComponent(q)}&limit=5`);
    assert.equal(res.status, 200);
    return (await res.json()) as List;
  };

  /** Polls B until `found` holds; the elapsed time from the write's answer, or null after the deadline. */
  const within = async (since: number, found: () => Promise<boolean>): Promise<number | null> => {
    for (;;) {
      if (await found()) return Date.now() - since;
      if (Date.now() - since > DEADLINE_MS) return null;
      await new Promise((resolve) => setTimeout(resolve, 25)); // a polling step, not a wait for the result
    }
  };

  it('a change approved on instance A is searchable on instance B within 2 s', async (t) => {
    if (!b) return t.skip('needs PostgreSQL (TEST_DATABASE_URL): PGlite has one process per data directory');
    assert.equal((await searchOnB(NEW_WORD)).total, 0, 'B has read the catalogue before the change');
    const editor = await signInAs(a, 'ministry_editor'); // Bộ Tài chính owns the bidding network
    const reviewer = await signInAs(a, 'authority_reviewer');
    const created = await send<Detail>(a, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: {
        kind: 'update',
        platform: BIDDING,
        summary: 'Bổ sung mô tả (dữ liệu thử)',
        proposed: {
          description: `Mô tả thử nghiệm có từ ${NEW_WORD}`,
          functions: ['Đăng tải thông tin đấu thầu'],
          status: 'operating',
          operator: 'Đơn vị vận hành thử',
          focalPoints: [{ name: 'Bộ phận hỗ trợ', unit: null, email: 'hotro@example.gov.vn', phone: null }],
        },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const submitted = await send<Detail>(a, 'POST', `/api/v1/change-requests/${created.body.id}/submit`, {
      session: editor,
      body: { version: created.body.version },
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const approved = await send<Detail>(a, 'POST', `/api/v1/change-requests/${created.body.id}/decision`, {
      session: reviewer,
      body: { version: submitted.body.version, decision: 'approve' },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const elapsed = await within(
      Date.now(),
      async () => (await searchOnB(NEW_WORD)).items[0]?.slug === BIDDING,
    );
    assert.notEqual(elapsed, null, `not searchable on B within ${DEADLINE_MS} ms`);
  });

  it('a synonym added on instance A is used by search on instance B within 2 s', async (t) => {
    if (!b) return t.skip('needs PostgreSQL (TEST_DATABASE_URL): PGlite has one process per data directory');
    assert.equal((await searchOnB(SYNONYM)).total, 0);
    const added = await send<{ id: string }>(a, 'POST', '/api/v1/terms', {
      session: admin,
      body: { term: SYNONYM, expansions: ['mạng đấu thầu'], note: 'SYNTHETIC test entry' },
    });
    assert.equal(added.status, 201);
    const hit = await within(Date.now(), async () => (await searchOnB(SYNONYM)).items[0]?.slug === BIDDING);
    assert.notEqual(hit, null, `the synonym was not used on B within ${DEADLINE_MS} ms`);
    assert.equal((await send(a, 'DELETE', `/api/v1/terms/${added.body.id}`, { session: admin })).status, 204);
    const gone = await within(Date.now(), async () => (await searchOnB(SYNONYM)).total === 0);
    assert.notEqual(gone, null, `the removed synonym still matched on B after ${DEADLINE_MS} ms`);
  });
});
