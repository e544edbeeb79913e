import pino from 'pino';
import { createApp } from '../app.ts';
import { fixedClock, type Clock } from '../clock.ts';
import { readConfig } from '../config.ts';
import { createCatalogueService } from '../services/catalogue.service.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

/** The whole application in-process on a real test database, for `app.request()` tests. */
export async function openTestApp(
  options: {
    seed?: boolean;
    clock?: Clock;
    /** configuration overrides, as environment variables */ env?: Record<string, string>;
  } = {},
) {
  const testDb: TestDatabase = await openTestDatabase(options);
  const clock = options.clock ?? fixedClock('2026-11-29T03:00:00Z');
  const log = pino({ level: 'silent' });
  const config = readConfig({ SEED: 'false', ...options.env });
  const catalogue = createCatalogueService({ db: testDb.database.db, clock, log, pollMs: 0 });
  const app = createApp({ config, database: testDb.database, log, clock, catalogue });
  return {
    app,
    db: testDb.database.db,
    database: testDb.database,
    /** How to open the same database again (a second instance, on PostgreSQL). */
    databaseConfig: testDb.config,
    catalogue,
    clock,
    config,
    close: () => testDb.close(),
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
