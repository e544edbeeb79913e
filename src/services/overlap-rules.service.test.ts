import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Clock } from '../clock.ts';
import { vietnamDate } from '../clock.ts';
import { actorFor } from '../domain/permission.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createTestUser } from '../testing/test-session.ts';
import { createOverlapRulesService } from './overlap-rules.service.ts';

/** Two instances sharing one database: a change made on one shows on the other after its poll. */
describe('overlap rules across instances', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('the other instance picks up a change within its poll interval', async () => {
    let ms = Date.parse('2026-11-29T03:00:00Z');
    const clock: Clock = { now: () => new Date(ms), today: () => vietnamDate(new Date(ms)) };
    const writer = createOverlapRulesService({ db: t.db, clock, pollMs: 1000 });
    const reader = createOverlapRulesService({ db: t.db, clock, pollMs: 1000 });
    assert.equal((await reader.current()).version, 0);

    const user = await createTestUser(t, 'authority_admin');
    const actor = actorFor(
      { id: user.userId, role: 'authority_admin', organisationId: user.organisationId },
      (await t.catalogue.snapshot()).directory,
      clock.today(),
    );
    const context = {
      actor: { userId: user.userId, organisationId: user.organisationId },
      requestId: null,
      clientAddress: null,
    };
    const written = await writer.put(actor, 0, { overlapThreshold: 0.8 }, context);
    assert.equal(written.version, 1);
    assert.equal((await writer.current()).rules.overlapThreshold, 0.8, 'the writer at once');

    assert.equal((await reader.current()).version, 0, 'the reader still within its poll interval');
    ms += 1001;
    const seen = await reader.current();
    assert.equal(seen.version, 1);
    assert.equal(seen.rules.overlapThreshold, 0.8);
  });
});
