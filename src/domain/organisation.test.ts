import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allPredecessors, isActiveOn, successorsOn, type OrganisationLink } from './organisation.ts';

const link = (predecessorId: string, successorId: string, effectiveDate: string): OrganisationLink => ({
  id: `${predecessorId}>${successorId}`,
  predecessorId,
  successorId,
  kind: 'merge',
  effectiveDate,
  legalBasis: null,
  sourceUrl: null,
});

const links = [
  link('bkhdt', 'btc', '2025-03-01'),
  link('a', 'b', '2020-01-01'),
  link('b', 'c', '2025-07-01'),
  link('x', 'y1', '2024-01-01'),
  link('x', 'y2', '2024-01-01'),
  link('loop1', 'loop2', '2020-01-01'),
  link('loop2', 'loop1', '2020-01-01'),
];

describe('successorsOn', () => {
  it('finds the current successor of a merged ministry', () => {
    assert.deepEqual(successorsOn('bkhdt', links, '2026-01-01'), ['btc']);
  });
  it('keeps the old owner before the merger took effect', () => {
    assert.deepEqual(successorsOn('bkhdt', links, '2025-02-28'), ['bkhdt']);
  });
  it('follows several reorganisations in turn, each from its date', () => {
    assert.deepEqual(successorsOn('a', links, '2021-01-01'), ['b']);
    assert.deepEqual(successorsOn('a', links, '2025-07-01'), ['c']);
  });
  it('yields every part of a split', () => {
    assert.deepEqual(successorsOn('x', links, '2025-01-01').sort(), ['y1', 'y2']);
  });
  it('does not hang on a cycle in bad data', () => {
    assert.equal(successorsOn('loop1', links, '2026-01-01').length, 0);
  });
});

describe('allPredecessors', () => {
  it('walks back through every earlier body', () => {
    assert.deepEqual(allPredecessors('c', links), ['b', 'a']);
    assert.deepEqual(allPredecessors('btc', links), ['bkhdt']);
  });
});

describe('isActiveOn', () => {
  it('treats validity dates as inclusive', () => {
    const org = { validFrom: '2025-07-01', validTo: null };
    assert.equal(isActiveOn(org, '2025-06-30'), false);
    assert.equal(isActiveOn(org, '2025-07-01'), true);
    assert.equal(isActiveOn({ validFrom: null, validTo: '2025-02-28' }, '2025-03-01'), false);
  });
});
