import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

interface Edition {
  declaredTotal: number | null;
  registeredTotal: number;
  document: { number: string; citation: string };
  perOwner: {
    owner: { name: string };
    currentOwner: { name: string } | null;
    declared: number | null;
    registered: number;
  }[];
  platforms: { name: string }[];
}

describe('editions and statistics API', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('shows 2765/BTTTT-CĐSQG with 103 declared beside what the registry holds', async () => {
    const { status, body } = await t.get<Edition>(
      `/api/v1/editions/${encodeURIComponent('2765/BTTTT-CĐSQG')}`,
    );
    assert.equal(status, 200);
    assert.equal(body.declaredTotal, 103);
    assert.equal(body.registeredTotal, body.platforms.length);
    assert.equal(body.document.citation, '2765/BTTTT-CĐSQG ngày 15/07/2024');
    const planning = body.perOwner.find((r) => r.owner.name === 'Bộ Kế hoạch và Đầu tư');
    assert.equal(planning?.declared, 7);
    assert.equal(planning?.registered, 3);
    assert.equal(planning?.currentOwner?.name, 'Bộ Tài chính');
    const ethnic = body.perOwner.find((r) => r.owner.name === 'Ủy ban Dân tộc');
    assert.equal(ethnic?.currentOwner?.name, 'Bộ Dân tộc và Tôn giáo');
    assert.equal(
      body.perOwner.reduce((n, r) => n + (r.declared ?? 0), 0),
      103,
    );
  });

  it('lists editions newest first', async () => {
    const { body } = await t.get<{ items: Edition[] }>('/api/v1/editions');
    assert.deepEqual(
      body.items.map((e) => e.document.number),
      ['2618/QĐ-BKHCN', '1527/QĐ-BKHCN', '2765/BTTTT-CĐSQG', '186/QĐ-BTTTT'],
    );
  });

  it('computes statistics from the records', async () => {
    const { body } = await t.get<{
      total: number;
      byOwner: { owner: { name: string } | null; count: number }[];
    }>('/api/v1/statistics');
    assert.equal(body.total, 37);
    assert.equal(
      body.byOwner.reduce((n, r) => n + r.count, 0),
      37,
    );
    assert.equal(body.byOwner[0]?.owner?.name, 'Bộ Công an');
  });

  it('gives 404 for an unknown edition', async () => {
    assert.equal((await t.get('/api/v1/editions/999%2FXX')).status, 404);
  });
});

describe('service endpoints', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ seed: false });
  });
  after(() => t.close());

  it('serves health, the OpenAPI document and problem+json for unknown API paths', async () => {
    assert.equal((await t.get('/healthz')).status, 200);
    const doc = await t.get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    assert.equal(doc.body.openapi, '3.1.0');
    assert.ok(doc.body.paths['/api/v1/platforms']);
    const missing = await t.get<{ code: string }>('/api/v1/khong-co');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
  });

  it('serves an empty catalogue when nothing is seeded', async () => {
    const { body } = await t.get<{ total: number }>('/api/v1/platforms');
    assert.equal(body.total, 0);
  });
});
