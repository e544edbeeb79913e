import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { fixedClock } from '../clock.ts';
import { applyFilters, facetCounts, type PlatformFilters } from '../domain/platform-query.ts';
import { ownerFamily } from '../domain/catalogue.ts';
import type { Platform } from '../domain/platform.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createCatalogueService, type CatalogueService } from './catalogue.service.ts';
import { createPlatformSearch, SEARCH_WINDOW } from './platform-search.ts';
import { createPlatformService } from './platform.service.ts';

// The q path takes its facets, filters and total from the engine; they must be exactly what the
// catalogue's own rule (facetCounts over every match, each facet without its own filter) gives.
describe('search facets from the engine', () => {
  let t: TestDatabase;
  let catalogue: CatalogueService;
  const today = '2026-11-29';
  before(async () => {
    t = await openTestDatabase();
    const clock = fixedClock(`${today}T03:00:00Z`);
    catalogue = createCatalogueService({ db: t.database.db, clock, log: pino({ level: 'silent' }) });
  });
  after(() => t.close());

  it('equal the catalogue rule for queries with and without filters', async () => {
    const snapshot = await catalogue.snapshot();
    const search = createPlatformSearch();
    const service = createPlatformService(catalogue, search, () => today);
    const finance = snapshot.organisations.find((o) => o.code === 'bo-tai-chinh');
    assert.ok(finance, 'the seeded catalogue has Bộ Tài chính');
    const filterSets: [Record<string, string[]>, PlatformFilters][] = [
      [{}, {}],
      [{ kind: ['shared_platform'] }, { kind: ['shared_platform'] }],
      [
        { owner: ['bo-tai-chinh'], status: ['unknown', 'in_operation'] },
        { ownerIds: ownerFamily(snapshot.directory, finance.id), status: ['unknown', 'in_operation'] },
      ],
      [
        { edition: [snapshot.editions[0]?.document.number ?? ''], scope: ['national'] },
        { edition: [snapshot.editions[0]?.document.number ?? ''], scope: ['national'] },
      ],
    ];
    let compared = 0;
    for (const q of ['dữ liệu', 'dau thau', 'hệ thống thông tin', 'CSDL', 'thuế', 'zzzz không có']) {
      // The old computation: every match of q, then the catalogue's filters and facet rule.
      const all = search
        .search(snapshot, q, {}, SEARCH_WINDOW)
        .matches.map((m) => snapshot.platformById.get(m.id))
        .filter((p): p is Platform => !!p);
      for (const [query, filters] of filterSets) {
        const got = await service.list({ q, ...query, limit: 100, offset: 0 });
        const expected = applyFilters(all, filters);
        assert.deepEqual(
          got.items.map((p) => p.id),
          all.filter((p) => expected.includes(p)).map((p) => p.id),
          `${q} ${JSON.stringify(query)}: items`,
        );
        assert.equal(got.total, expected.length, `${q} ${JSON.stringify(query)}: total`);
        assert.deepEqual(got.facets, facetCounts(all, filters), `${q} ${JSON.stringify(query)}: facets`);
        compared += expected.length;
      }
    }
    assert.ok(compared > 20, 'the queries matched enough entries to compare');
  });

  it('browse (no query) equals the catalogue rule over every platform, in name order, page by page', async () => {
    const snapshot = await catalogue.snapshot();
    const service = createPlatformService(catalogue, createPlatformSearch(), () => today);
    const finance = snapshot.organisations.find((o) => o.code === 'bo-tai-chinh');
    assert.ok(finance);
    const filterSets: [Record<string, string[]>, PlatformFilters][] = [
      [{}, {}],
      [
        { kind: ['shared_platform', 'national_platform'] },
        { kind: ['shared_platform', 'national_platform'] },
      ],
      [
        { owner: ['bo-tai-chinh'], status: ['unknown'] },
        { ownerIds: ownerFamily(snapshot.directory, finance.id), status: ['unknown'] },
      ],
      [{ edition: ['không có'] }, { edition: ['không có'] }],
    ];
    for (const [query, filters] of filterSets) {
      const expected = applyFilters(snapshot.platforms, filters);
      for (const [offset, limit] of [
        [0, 100],
        [0, 5],
        [5, 5],
        [35, 10],
        [1000, 20],
      ] as const) {
        const got = await service.list({ ...query, limit, offset });
        assert.deepEqual(
          got.items.map((p) => p.id),
          expected.slice(offset, offset + limit).map((p) => p.id),
          `${JSON.stringify(query)} ${offset}+${limit}: items`,
        );
        assert.equal(got.total, expected.length);
        assert.deepEqual(
          got.facets,
          facetCounts(snapshot.platforms, filters),
          `${JSON.stringify(query)}: facets`,
        );
      }
    }
  });
});
