import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareVi } from '../../domain/text/vietnamese.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

interface Item {
  id: string;
  slug: string;
  name: string;
  kind: string;
  owner: { id: string; name: string } | null;
  declaredOwner: { id: string; name: string } | null;
  editions: string[];
}
interface List {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
  facets: Record<string, { value: string; count: number }[]>;
}
interface Problem {
  code: string;
  status: number;
  errors?: { field: string; code: string }[];
}

describe('GET /api/v1/platforms', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('lists the seeded catalogue in Vietnamese collation order', async () => {
    const { status, body, res } = await t.get<List>('/api/v1/platforms?limit=100');
    assert.equal(status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(body.total, 37);
    assert.equal(body.items.length, 37);
    const names = body.items.map((i) => i.name);
    assert.deepEqual(names, [...names].sort(compareVi));
  });

  it('honours limit and offset', async () => {
    const first = await t.get<List>('/api/v1/platforms?limit=5');
    const second = await t.get<List>('/api/v1/platforms?limit=5&offset=5');
    assert.equal(first.body.items.length, 5);
    assert.equal(second.body.offset, 5);
    assert.equal(new Set([...first.body.items, ...second.body.items].map((i) => i.id)).size, 10);
  });

  it('shows a platform declared by Bộ Kế hoạch và Đầu tư under its successor Bộ Tài chính', async () => {
    const { body } = await t.get<List>('/api/v1/platforms?q=dau%20thau&limit=5');
    const bidding = body.items.find((i) => i.name === 'Hệ thống mạng đấu thầu quốc gia');
    assert.equal(bidding?.owner?.name, 'Bộ Tài chính');
    assert.equal(bidding?.declaredOwner?.name, 'Bộ Kế hoạch và Đầu tư');
  });

  it('filters by owner including predecessors, and by a former owner alone', async () => {
    const finance = await t.get<List>('/api/v1/platforms?owner=bo-tai-chinh&limit=100');
    assert.ok(finance.body.items.some((i) => i.declaredOwner?.name === 'Bộ Kế hoạch và Đầu tư'));
    assert.ok(finance.body.items.every((i) => i.owner?.name === 'Bộ Tài chính'));
    const planning = await t.get<List>('/api/v1/platforms?owner=bo-ke-hoach-va-dau-tu&limit=100');
    assert.equal(planning.body.total, 3);
    assert.ok(planning.body.total <= finance.body.total);
  });

  it('combines filters and reports facet counts', async () => {
    const { body } = await t.get<List>('/api/v1/platforms?kind=internal_system&limit=100');
    assert.equal(body.total, 4);
    assert.ok(body.items.every((i) => i.kind === 'internal_system'));
    const kinds = body.facets.kind ?? [];
    assert.ok(kinds.length > 1, 'the kind facet still offers the other kinds');
    const edition = await t.get<List>(
      `/api/v1/platforms?edition=${encodeURIComponent('2765/BTTTT-CĐSQG')}&kind=national_platform,shared_platform`,
    );
    assert.equal(edition.body.total, 3);
    const unknownOwner = (edition.body.facets.owner ?? []).length;
    assert.ok(unknownOwner >= 1);
  });

  it('names the offending parameter on bad input', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['kind=spaceship', 'kind'],
      ['status=operating,exploded', 'status'],
      [`q=${'a'.repeat(10_000)}`, 'q'],
    ] as const) {
      const { status, body, res } = await t.get<Problem>(`/api/v1/platforms?${query}`);
      assert.equal(status, 400, query);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(body.code, 'invalid_input');
      assert.equal(body.errors?.[0]?.field, field, query);
    }
  });

  it('answers hostile but short queries normally', async () => {
    for (const q of ["'; DROP TABLE platform; --", '.*(a+)+$', '\u0000\u0007', '%', '[[[']) {
      const { status } = await t.get(`/api/v1/platforms?q=${encodeURIComponent(q)}`);
      assert.equal(status, 200, JSON.stringify(q));
    }
    // A lone surrogate as UTF-8 bytes, and a broken percent-escape.
    for (const raw of ['%ED%A0%80', '%ZZ', '%']) {
      const { status } = await t.get(`/api/v1/platforms?q=${raw}`);
      assert.ok(status === 200 || status === 400, raw);
    }
  });

  it('suggests platforms as people type, without diacritics', async () => {
    const { status, body } = await t.get<{ items: { name: string; slug: string }[] }>(
      '/api/v1/platforms/suggest?q=tro%20ly',
    );
    assert.equal(status, 200);
    assert.ok(body.items.some((i) => i.name === 'Trợ lý ảo quốc gia' && i.slug === 'tro-ly-ao-quoc-gia'));
    assert.equal((await t.get('/api/v1/platforms/suggest')).status, 400);
  });

  it('gives 404 problem+json for an unknown owner', async () => {
    const { status, body } = await t.get<Problem>('/api/v1/platforms?owner=bo-khong-co');
    assert.equal(status, 404);
    assert.equal(body.code, 'not_found');
  });
});

describe('GET /api/v1/platforms/{id}', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('finds a platform by id and by slug, with sources', async () => {
    const bySlug = await t.get<Item & { sources: unknown[] }>(
      '/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia',
    );
    assert.equal(bySlug.status, 200);
    assert.ok(bySlug.body.sources.length > 0);
    const byId = await t.get<Item>(`/api/v1/platforms/${bySlug.body.id}`);
    assert.equal(byId.body.name, 'Hệ thống mạng đấu thầu quốc gia');
  });

  it('says who owned it on a given date', async () => {
    const before2025 = await t.get<{ ownerOn: { owner: { name: string } } }>(
      '/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia?on=2024-12-31',
    );
    assert.equal(before2025.body.ownerOn.owner.name, 'Bộ Kế hoạch và Đầu tư');
    const after2025 = await t.get<{ ownerOn: { owner: { name: string } } }>(
      '/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia?on=2025-03-01',
    );
    assert.equal(after2025.body.ownerOn.owner.name, 'Bộ Tài chính');
    const bad = await t.get<Problem>('/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia?on=31/12/2024');
    assert.equal(bad.status, 400);
  });

  it('gives 404 problem+json for an unknown id', async () => {
    const { status, body, res } = await t.get<Problem>('/api/v1/platforms/khong-ton-tai');
    assert.equal(status, 404);
    assert.equal(body.code, 'not_found');
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  });

  it('supports conditional GET with ETag', async () => {
    const first = await t.app.request('/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const second = await t.app.request('/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia', {
      headers: { 'if-none-match': tag },
    });
    assert.equal(second.status, 304);
  });
});
