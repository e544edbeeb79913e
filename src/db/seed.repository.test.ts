import assert from 'node:assert/strict';
import { seedCatalogue } from '../seed/seed-catalogue.ts';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { readSeed } from '../seed/read-seed.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { migrate } from './migrate.ts';
import { loadOrganisations } from './organisation.repository.ts';
import { loadPlatforms, readCatalogueRevision } from './platform.repository.ts';

describe('seeding the real catalogue', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
  });
  after(() => t.close());

  it('loads every known platform with its sources', async () => {
    const platforms = await loadPlatforms(t.database.db);
    assert.equal(platforms.length, readSeed().platforms.length);
    assert.equal(platforms.length, 37);
    for (const p of platforms) assert.ok(p.sources.length > 0, `${p.name} has a source`);
    const unknown = platforms.filter((p) => p.ownerBasis === 'unknown');
    assert.ok(unknown.length > 0 && unknown.every((p) => p.declaredOwnerId === null));
  });

  it('records the 2025 lineage: Bộ Kế hoạch và Đầu tư into Bộ Tài chính on 01/03/2025, 34 provinces from 63', async () => {
    const { organisations, links } = await loadOrganisations(t.database.db);
    const byName = (name: string, current = true) =>
      organisations.find((o) => o.name === name && (o.validTo === null) === current);
    const bkhdt = byName('Bộ Kế hoạch và Đầu tư', false);
    const btc = byName('Bộ Tài chính');
    assert.ok(bkhdt && btc);
    const link = links.find((l) => l.predecessorId === bkhdt.id);
    assert.equal(link?.successorId, btc.id);
    assert.equal(link?.effectiveDate, '2025-03-01');
    assert.equal(bkhdt.validTo, '2025-02-28');

    const provinces = organisations.filter((o) => o.level === 'province');
    assert.equal(provinces.filter((o) => o.validTo === null).length, 34);
    const former = provinces.filter((o) => o.validTo !== null);
    assert.equal(former.length + 11, 63, '63 former units, 11 of them unchanged');
    const haGiang = organisations.find((o) => o.name === 'Tỉnh Hà Giang');
    const tuyenQuang = byName('Tỉnh Tuyên Quang');
    const merged = links.find((l) => l.predecessorId === haGiang?.id);
    assert.equal(merged?.successorId, tuyenQuang?.id);
    assert.equal(merged?.effectiveDate, '2025-07-01');
  });

  it('is idempotent: a second run inserts nothing and keeps the revision', async () => {
    const revision = await readCatalogueRevision(t.database.db);
    const again = await seedCatalogue(t.database.db, new Date());
    assert.equal(again.inserted, 0);
    assert.equal(await readCatalogueRevision(t.database.db), revision);
    assert.deepEqual(await migrate(t.database), [], 'migrations already applied');
  });

  it('keeps the declared counts of 2765/BTTTT-CĐSQG, summing to 103', async () => {
    const rows = await sql<{ total: number }>`
      SELECT sum(c.count)::int AS total FROM declared_count c
      JOIN edition e ON e.id = c.edition_id JOIN document d ON d.id = e.document_id
      WHERE d.number = '2765/BTTTT-CĐSQG'`.execute(t.database.db);
    assert.equal(rows.rows[0]?.total, 103);
  });
});
