import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Applies the SQL files in migrations/ in name order, once each, in one transaction. The
 * advisory lock lets several instances start against one PostgreSQL at the same time: the
 * second waits, then finds nothing left to do. Shipped files are never edited.
 */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  await database.runScript(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7283645101)');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migration')).map((r) => r.version),
    );
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      if (done.has(version)) continue;
      await tx.exec(readFileSync(join(dir, file), 'utf8'));
      await tx.query('INSERT INTO schema_migration (version) VALUES ($1)', [version]);
      applied.push(version);
    }
  });
  return applied;
}
