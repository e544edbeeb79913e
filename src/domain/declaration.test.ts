import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followUp, isOverdue, officialDeclaredBodies, reminderDue } from './declaration.ts';
import type { Organisation } from './organisation.ts';

// Synthetic bodies: a successor ministry and its predecessor, and one that declared nothing.
const org = (id: string, validTo: string | null = null): Organisation => ({
  id,
  code: id,
  name: id,
  nameEn: null,
  kind: 'ministry',
  level: 'central',
  validFrom: null,
  validTo,
  sourceUrl: null,
  note: null,
});
const NOW = new Date('2026-11-29T03:00:00Z');

describe('declaration follow-up', () => {
  it('a successor answers for its predecessor’s platforms and requests', () => {
    const rows = followUp({
      bodies: [org('btc'), org('bxd')],
      familyOf: (id) => new Set(id === 'btc' ? ['btc', 'bkhdt'] : [id]),
      platforms: [
        { id: 'p1', slug: 'p1', name: 'P1', declaredOwnerId: 'bkhdt' },
        { id: 'p2', slug: 'p2', name: 'P2', declaredOwnerId: 'btc' },
        { id: 'p3', slug: 'p3', name: 'P3', declaredOwnerId: null },
      ],
      firstSubmitted: new Map([['bkhdt', '2025-01-02T00:00:00.000Z']]),
      lastConfirmed: new Map([['p2', '2026-10-01T00:00:00.000Z']]),
      lastReminder: new Map(),
      now: NOW,
      periodDays: 180,
    });
    const [btc, bxd] = rows;
    assert.equal(btc?.declared, true);
    assert.equal(btc?.platformCount, 2);
    assert.equal(btc?.firstSubmittedAt, '2025-01-02T00:00:00.000Z');
    assert.equal(btc?.overdueCount, 1); // p1 was never confirmed
    assert.equal(btc?.oldestConfirmedAt, null);
    assert.equal(bxd?.declared, false);
    assert.equal(bxd?.platformCount, 0);
    assert.equal(bxd?.overdueCount, 0);
  });

  it('overdue after the period, and a reminder again only once a period has passed', () => {
    assert.equal(isOverdue(null, NOW, 180), true);
    assert.equal(isOverdue('2026-07-01T03:00:00Z', NOW, 180), false);
    assert.equal(isOverdue('2026-05-01T03:00:00Z', NOW, 180), true);
    assert.equal(reminderDue(null, NOW, 180), true);
    assert.equal(reminderDue('2026-11-28T03:00:00Z', NOW, 180), false);
    assert.equal(reminderDue('2026-06-01T03:00:00Z', NOW, 180), true);
  });

  it('reads the official count from the document’s note, and invents none', () => {
    assert.deepEqual(officialDeclaredBodies('103 platforms; 18 of 29 bodies declared'), {
      declared: 18,
      total: 29,
    });
    assert.equal(officialDeclaredBodies('55 shared platforms; Bộ Công an owns 13'), null);
    assert.equal(officialDeclaredBodies(null), null);
  });
});
