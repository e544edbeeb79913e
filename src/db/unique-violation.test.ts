import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DuplicateError } from '../domain/errors.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { insertOrganisation } from './organisation-admin.repository.ts';

// On the real engine (PGlite, or PostgreSQL with TEST_DATABASE_URL): the constraint itself
// refuses, and the error that reaches the service is typed. Synthetic organisations only.
const fields = (code: string) => ({
  code,
  name: 'Cơ quan thử nghiệm (dữ liệu giả lập)',
  nameEn: null,
  kind: 'ministry' as const,
  level: 'central' as const,
  validFrom: null,
  validTo: null,
  sourceUrl: null,
  note: null,
});

describe('unique violations from the database', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase({ seed: false });
  });
  after(() => t.close());
  const now = new Date('2026-11-29T03:00:00Z');

  it('names the field and the reason of a known key, and the transaction writes nothing', async () => {
    const db = t.database.db;
    await insertOrganisation(db, randomUUID(), fields('co-quan-trung-ma'), now);
    const second = randomUUID();
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto('setting')
          .values({ key: `thu-nghiem-${second}`, value: JSON.stringify(1) })
          .execute();
        await insertOrganisation(tx, second, fields('co-quan-trung-ma'), now);
      }),
      (error: unknown) =>
        error instanceof DuplicateError &&
        error.code === 'conflict' &&
        error.reason === 'organisation_code_taken' &&
        error.field === 'code',
    );
    const left = await db
      .selectFrom('setting')
      .select('key')
      .where('key', '=', `thu-nghiem-${second}`)
      .execute();
    assert.deepEqual(left, [], 'rolled back');
    // The connection is usable afterwards (PGlite's one session, PostgreSQL's pool).
    const orgs = await db
      .selectFrom('organisation')
      .select('id')
      .where('code', '=', 'co-quan-trung-ma')
      .execute();
    assert.equal(orgs.length, 1);
  });

  it('names the column of any other unique key', async () => {
    const db = t.database.db;
    const key = `thu-nghiem-${randomUUID()}`;
    await db
      .insertInto('setting')
      .values({ key, value: JSON.stringify(1) })
      .execute();
    await assert.rejects(
      db
        .insertInto('setting')
        .values({ key, value: JSON.stringify(2) })
        .execute(),
      (error: unknown) =>
        error instanceof DuplicateError && error.reason === 'duplicate' && error.field === 'key',
    );
  });

  it('leaves other database errors alone', async () => {
    await assert.rejects(
      t.database.db
        .insertInto('organisation')
        .values({ ...fields('x'), id: 'khong-phai-uuid' } as never)
        .execute(),
      (error: unknown) => !(error instanceof DuplicateError),
    );
  });
});
