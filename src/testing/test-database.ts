import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedCatalogue } from '../seed/seed-catalogue.ts';

/**
 * A real database for a test file: PGlite in memory by default, or, when TEST_DATABASE_URL
 * names a PostgreSQL server, a new database on it created for this file and dropped after.
 * Never a mock. (Tests read this variable here; the product reads its configuration in config.ts.)
 */
export interface TestDatabase {
  database: Database;
  config: Config['database'];
  close(): Promise<void>;
}

export async function openTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let config: Config['database'];
  let drop: () => Promise<void> = async () => {};
  if (adminUrl) {
    const name = `ndp_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { kind: 'postgres', url: url.toString(), poolSize: 5 };
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pg's pool.end() resolves before its sockets have closed; a forced drop while they are
      // still closing kills them mid-way and the "terminating connection" error escapes as an
      // uncaught exception. Wait (briefly) for the database's connections to go first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    config = { kind: 'pglite', dataDir: 'memory://' };
  }
  const database = await openDatabase(config);
  await migrate(database);
  if (options.seed !== false) await seedCatalogue(database.db, new Date('2026-01-01T00:00:00Z'));
  return {
    database,
    config,
    async close() {
      await database.close();
      await drop();
    },
  };
}
