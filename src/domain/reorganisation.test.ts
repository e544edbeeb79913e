import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Organisation, OrganisationLink } from './organisation.ts';
import { dayBefore, planReorganisation } from './reorganisation.ts';

// Synthetic bodies for the rules; none is a real organisation.
const org = (id: string, validFrom: string | null = null, validTo: string | null = null): Organisation => ({
  id,
  code: id,
  name: id,
  nameEn: null,
  kind: 'ministry',
  level: 'central',
  validFrom,
  validTo,
  sourceUrl: null,
  note: null,
});
const byId = new Map(
  [org('a'), org('b'), org('c', '2030-01-01'), org('old', null, '2020-12-31')].map((o) => [o.id, o]),
);

describe('planning a reorganisation', () => {
  it('absorb: the absorbed body ends the day before, the absorbing one goes on unchanged', () => {
    const r = planReorganisation(
      { kind: 'absorb', predecessorIds: ['a'], successorIds: ['b'], effectiveDate: '2025-03-01' },
      byId,
      [],
    );
    assert.ok('plan' in r);
    assert.deepEqual(r.plan.links, [{ predecessorId: 'a', successorId: 'b' }]);
    assert.deepEqual(r.plan.ends, [{ organisationId: 'a', validTo: '2025-02-28' }]);
    assert.deepEqual(r.plan.starts, []);
  });

  it('merge: a new successor starts on the date; a body already reorganised is reported', () => {
    const links: OrganisationLink[] = [
      {
        id: 'l',
        predecessorId: 'a',
        successorId: 'b',
        kind: 'absorb',
        effectiveDate: '2025-03-01',
        legalBasis: null,
        sourceUrl: null,
      },
    ];
    const r = planReorganisation(
      { kind: 'merge', predecessorIds: ['a', 'b'], successorIds: ['c'], effectiveDate: '2025-07-01' },
      byId,
      links,
    );
    assert.ok('plan' in r);
    assert.deepEqual(r.alreadyReorganised, ['a']);
    assert.deepEqual(r.plan.starts, [{ organisationId: 'c', validFrom: '2025-07-01' }]);
  });

  it('refuses the wrong shape, a successor among predecessors, and a body that had already ended', () => {
    const split = planReorganisation(
      { kind: 'split', predecessorIds: ['a'], successorIds: ['b'], effectiveDate: '2025-01-01' },
      byId,
      [],
    );
    assert.ok('issues' in split);
    assert.deepEqual(
      split.issues.map((i) => `${i.field}:${i.code}`),
      ['successors:too_small'],
    );
    const self = planReorganisation(
      { kind: 'merge', predecessorIds: ['a', 'b'], successorIds: ['b'], effectiveDate: '2025-01-01' },
      byId,
      [],
    );
    assert.ok('issues' in self && self.issues.some((i) => i.code === 'successor_in_predecessors'));
    const ended = planReorganisation(
      { kind: 'rename', predecessorIds: ['old'], successorIds: ['b'], effectiveDate: '2025-01-01' },
      byId,
      [],
    );
    assert.ok('issues' in ended && ended.issues[0]?.code === 'not_current');
    assert.equal(dayBefore('2024-03-01'), '2024-02-29');
  });
});
