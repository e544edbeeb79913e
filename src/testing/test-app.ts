import pino from 'pino';
import { createApp } from '../app.ts';
import { fixedClock, type Clock } from '../clock.ts';
import { readConfig } from '../config.ts';
import { createCatalogueService } from '../services/catalogue.service.ts';
import { recordWrites, unauditedWrites } from './audit-coverage.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

/** The whole application in-process on a real test database, for `app.request()` tests. */
export async function openTestApp(
  options: {
    seed?: boolean;
    clock?: Clock;
    /** configuration overrides, as environment variables */ env?: Record<string, string>;
    /**
     * Off only where a test writes through a database that disappears under the app (the
     * audit check on close needs the database).
     */
    auditCheck?: boolean;
  } = {},
) {
  const testDb: TestDatabase = await openTestDatabase(options);
  const clock = options.clock ?? fixedClock('2026-11-29T03:00:00Z');
  const log = pino({ level: 'silent' });
  const config = readConfig({ SEED: 'false', ...options.env });
  const catalogue = createCatalogueService({ db: testDb.database.db, clock, log, pollMs: 0 });
  const app = createApp({ config, database: testDb.database, log, clock, catalogue });
  const writes = recordWrites(app);
  return {
    app,
    db: testDb.database.db,
    database: testDb.database,
    /** How to open the same database again (a second instance, on PostgreSQL). */
    databaseConfig: testDb.config,
    catalogue,
    clock,
    config,
    /** Every successful write request made through this app so far. */
    writes,
    /**
     * Closes the database, after checking that every write made through the app left an audit
     * entry with its request id (throws, naming the requests, if any did not).
     */
    async close() {
      const missing = options.auditCheck === false ? [] : await unauditedWrites(testDb.database.db, writes);
      await testDb.close();
      if (missing.length > 0) {
        const list = missing.map((w) => `${w.method} ${w.path} → ${w.status}`).join('\n  ');
        throw new Error(`writes without an audit entry:\n  ${list}`);
      }
    },
    /** GET returning parsed JSON and the response. */
    async get<T = unknown>(
      path: string,
      init?: RequestInit,
    ): Promise<{ status: number; body: T; res: Response }> {
      const res = await app.request(path, init);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T, res };
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof openTestApp>>;
