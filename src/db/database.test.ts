import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { openDatabase } from './database.ts';
import { DataDirLockedError } from './lock.ts';

describe('database engines', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase({ seed: false });
  });
  after(() => t.close());

  it('returns dates as yyyy-mm-dd and counts as numbers on every engine', async () => {
    const { rows } = await sql<{
      d: unknown;
      n: unknown;
    }>`SELECT DATE '2025-03-01' AS d, count(*) AS n FROM organisation`.execute(t.database.db);
    assert.equal(rows[0]?.d, '2025-03-01');
    assert.equal(rows[0]?.n, 0);
  });

  it('rolls back a failed transaction completely, and concurrent work does not see it', async () => {
    const db = t.database.db;
    const insert = (id: string, code: string) =>
      db
        .insertInto('organisation')
        .values({
          id,
          code,
          name_vi: code,
          name_en: null,
          kind: 'other',
          level: 'central',
          valid_from: null,
          valid_to: null,
          source_url: null,
          note: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute();
    const failing = db.transaction().execute(async (tx) => {
      await tx
        .insertInto('organisation')
        .values({
          id: '00000000-0000-4000-8000-000000000001',
          code: 'tx-a',
          name_vi: 'a',
          name_en: null,
          kind: 'other',
          level: 'central',
          valid_from: null,
          valid_to: null,
          source_url: null,
          note: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute();
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('boom');
    });
    const concurrent = insert('00000000-0000-4000-8000-000000000002', 'tx-b');
    await assert.rejects(failing, /boom/);
    await concurrent;
    const codes = (await db.selectFrom('organisation').select('code').execute()).map((r) => r.code);
    assert.deepEqual(codes, ['tx-b']);
  });
});

describe('PGlite data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndp-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener of the same directory, and frees it on close', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    // Same process: simulate another live process by writing its pid (the parent's is alive).
    await first.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'registry.lock'), String(process.ppid));
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir: dir }), DataDirLockedError);
    rmSync(join(dir, 'registry.lock'));
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a dead process', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'registry.lock'), '999999999');
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    await db.close();
  });
});
