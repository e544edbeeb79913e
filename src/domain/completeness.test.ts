import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeness } from './completeness.ts';

const complete = {
  name: 'Nền tảng học liệu số dùng chung',
  kind: 'shared_platform' as const,
  scope: 'sector' as const,
  description: 'Kho học liệu số cho các cơ sở giáo dục',
  functions: ['Tra cứu học liệu'],
  status: 'operating' as const,
  operator: 'Cục Khoa học, Công nghệ và Thông tin',
  focalPoints: [{ name: 'Phòng Hạ tầng', unit: null, email: 'hatang@example.gov.vn', phone: null }],
};

describe('completeness', () => {
  it('names every missing required and recommended field of an empty draft', () => {
    const c = completeness({});
    assert.equal(c.score, 0);
    assert.equal(c.ready, false);
    assert.deepEqual(c.missingRequired, [
      'name',
      'kind',
      'scope',
      'description',
      'functions',
      'status',
      'operator',
      'focalPoints',
    ]);
    assert.equal(c.missingRecommended.length, 8);
  });
  it('is ready when the required fields are there, and scores the recommended ones', () => {
    const c = completeness(complete);
    assert.equal(c.ready, true);
    assert.equal(c.score, 67); // 16 of 24 points
    const full = completeness({
      ...complete,
      nameEn: 'Shared digital learning materials platform',
      field: 'Giáo dục',
      deploymentLevels: ['central', 'province'],
      website: 'https://example.gov.vn',
      ndxp: { status: 'connected', since: null },
      ndop: { status: 'planned', since: null },
      legalBasis: 'Quyết định ...',
      sources: [{ url: 'https://example.gov.vn/a', note: null }],
    });
    assert.equal(full.score, 100);
  });
  it('does not count blank text or a focal point nobody can reach', () => {
    const c = completeness({
      ...complete,
      name: '   ',
      focalPoints: [{ name: 'A', unit: null, email: null, phone: '' }],
    });
    assert.deepEqual(c.missingRequired, ['name', 'focalPoints']);
  });
});
