import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { appendAudit } from '../db/audit.repository.ts';
import { recordWrites, unauditedWrites } from './audit-coverage.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

// The check every test app runs on close: it must catch a write that left no audit entry.
describe('audit coverage check', () => {
  let testDb: TestDatabase;
  before(async () => {
    testDb = await openTestDatabase({ seed: false });
  });
  after(() => testDb.close());

  it('names the successful writes without an audit entry, and only those', async () => {
    const app = new Hono();
    let n = 0;
    app.use(async (c, next) => {
      c.header('X-Request-Id', `synthetic-${++n}`);
      await next();
    });
    app.post('/audited', async (c) => {
      const requestId = c.res.headers.get('x-request-id');
      await appendAudit(
        testDb.database.db,
        { actor: null, requestId, clientAddress: null },
        [{ action: 'synthetic.write', targetType: 'synthetic', targetId: null }],
        new Date('2026-11-29T03:00:00Z'),
      );
      return c.body(null, 201);
    });
    app.post('/silent', (c) => c.body(null, 204));
    app.post('/refused', (c) => c.json({ code: 'invalid' }, 400));
    app.get('/read', (c) => c.text('ok'));
    app.post('/api/v1/overlap-checks', (c) => c.json({ verdict: 'clear' }));

    const writes = recordWrites(app);
    for (const [method, path] of [
      ['POST', '/audited'],
      ['POST', '/silent'],
      ['POST', '/refused'],
      ['GET', '/read'],
      ['POST', '/api/v1/overlap-checks'],
    ] as const)
      await app.request(path, { method });

    assert.deepEqual(
      writes.map((w) => `${w.method} ${w.path} ${w.status}`),
      ['POST /audited 201', 'POST /silent 204'],
      'failed requests, reads and the stateless check are not writes',
    );
    const missing = await unauditedWrites(testDb.database.db, writes);
    assert.deepEqual(
      missing.map((w) => w.path),
      ['/silent'],
    );
  });
});
