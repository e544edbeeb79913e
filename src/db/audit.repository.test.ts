import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { appendAudit, queryAudit } from './audit.repository.ts';

describe('audit log', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase({ seed: false });
  });
  after(() => t.close());
  const context = {
    actor: {
      userId: '00000000-0000-4000-8000-0000000000a1',
      organisationId: '00000000-0000-4000-8000-0000000000b1',
    },
    requestId: 'req-1',
    clientAddress: '10.0.0.1',
  };

  it('stores entries with their JSON before and after, newest first', async () => {
    const db = t.database.db;
    await appendAudit(
      db,
      context,
      [
        {
          action: 'user.create',
          targetType: 'user',
          targetId: 'u1',
          after: { name: 'Nguyễn Văn A', roles: ['x'] },
        },
        {
          action: 'user.update',
          targetType: 'user',
          targetId: 'u1',
          before: { role: 'a' },
          after: { role: 'b' },
          actor: null,
        },
      ],
      new Date('2026-11-29T03:00:00Z'),
    );
    const entries = await queryAudit(db, { limit: 10 });
    assert.equal(entries.length, 2);
    assert.equal(entries[0]?.action, 'user.update');
    assert.equal(entries[0]?.actorUserId, null, 'an event may name no actor (a failed sign-in)');
    assert.deepEqual(entries[1]?.after, { name: 'Nguyễn Văn A', roles: ['x'] });
    assert.equal(entries[1]?.actorUserId, context.actor.userId);
    assert.equal(entries[1]?.requestId, 'req-1');
    const filtered = await queryAudit(db, { limit: 10, action: 'user.create', targetId: 'u1' });
    assert.equal(filtered.length, 1);
    const page = await queryAudit(db, { limit: 10, before: entries[0]?.id });
    assert.deepEqual(
      page.map((e) => e.action),
      ['user.create'],
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on every engine', async () => {
    const db = t.database.db;
    await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_log`.execute(db), /append-only/);
    await assert.rejects(sql`TRUNCATE audit_log`.execute(db), /append-only/);
    assert.equal((await queryAudit(db, { limit: 10 })).length, 2);
  });

  it('rolls back with the write it records', async () => {
    const db = t.database.db;
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await appendAudit(tx, context, [{ action: 'x.fail', targetType: 'x', targetId: null }], new Date());
        throw new Error('the write failed');
      }),
    );
    assert.equal((await queryAudit(db, { limit: 10, action: 'x.fail' })).length, 0);
  });
});
