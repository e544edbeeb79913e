import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyProposal, compareContent, sameValue, type PlatformContent } from './platform-version.ts';

const base: PlatformContent = {
  name: 'Hệ thống mạng đấu thầu quốc gia',
  nameEn: null,
  aliases: ['e-GP'],
  description: null,
  functions: [],
  field: null,
  kind: 'national_information_system',
  scope: 'nationwide',
  deploymentLevels: [],
  status: 'operating',
  declaredOwnerId: 'bkhdt',
  operator: null,
  website: null,
  ndxp: { status: 'unknown', since: null },
  ndop: { status: 'unknown', since: null },
  legalBasis: null,
  note: null,
  focalPoints: [],
  sources: [{ url: 'https://muasamcong.mpi.gov.vn', note: null }],
};

describe('compareContent', () => {
  it('lists the fields that differ, in a fixed order, and nothing else', () => {
    const next = {
      ...base,
      aliases: ['e-GP', 'mạng đấu thầu'],
      ndxp: { since: '2024-01-01', status: 'connected' as const },
    };
    assert.deepEqual(
      compareContent(base, next).map((c) => c.field),
      ['aliases', 'ndxp'],
    );
    assert.deepEqual(compareContent(base, { ...base }), []);
  });
  it('ignores key order inside nested values', () => {
    assert.ok(sameValue({ status: 'connected', since: null }, { since: null, status: 'connected' }));
  });
  it('compares a partial proposal only on the fields it names', () => {
    assert.deepEqual(compareContent(base, { status: 'retired' }), [
      { field: 'status', from: 'operating', to: 'retired' },
    ]);
  });
  it('shows every field of a new platform as added', () => {
    assert.deepEqual(
      compareContent(null, base).map((c) => c.field),
      ['name', 'aliases', 'kind', 'scope', 'status', 'declaredOwnerId', 'ndxp', 'ndop', 'sources'],
    );
  });
});

describe('applyProposal', () => {
  it('lays the proposal over the base and keeps the owner', () => {
    const next = applyProposal(base, { website: 'https://muasamcong.mpi.gov.vn', name: undefined }, 'other');
    assert.equal(next.website, 'https://muasamcong.mpi.gov.vn');
    assert.equal(next.name, base.name);
    assert.equal(next.declaredOwnerId, 'bkhdt');
  });
  it('fills a new platform with empty values and the proposer as owner', () => {
    const next = applyProposal(
      null,
      { name: 'Nền tảng mới', kind: 'shared_platform', scope: 'sector' },
      'btc',
    );
    assert.equal(next.declaredOwnerId, 'btc');
    assert.deepEqual(next.focalPoints, []);
    assert.equal(next.ndop.status, 'unknown');
  });
});
