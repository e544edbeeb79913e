import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedFields, EMPTY, readContent, type Content } from './proposal-form.ts';

const published: Content = {
  ...EMPTY,
  name: 'Nền tảng thử nghiệm (dữ liệu thử)',
  kind: 'shared_platform',
  scope: 'nationwide',
  // A value an older rule let in: never rewritten by a save that does not touch it.
  website: 'ftp://cu.example.gov.vn',
  focalPoints: [{ name: 'Đầu mối thử', unit: null, email: 'thu@example.gov.vn', phone: null }],
};

describe('the proposal form', () => {
  it('proposes only the fields the person changed', () => {
    const values = readContent([
      ['name', 'Nền tảng thử nghiệm (dữ liệu thử)'],
      ['kind', 'shared_platform'],
      ['scope', 'nationwide'],
      ['website', 'ftp://cu.example.gov.vn'],
      ['functions', 'Chức năng một\r\n\r\n  Chức năng hai  '],
      ['focalPoints[0].name', 'Đầu mối thử'],
      ['focalPoints[0].email', 'thu@example.gov.vn'],
      ['focalPoints[1].name', ''],
      ['ndxp.status', 'connected'],
      ['ndxp.since', '5/7/2024'],
    ]);
    const { proposed, issues } = changedFields(values, published);
    assert.deepEqual(issues, []);
    assert.deepEqual(proposed, {
      functions: ['Chức năng một', 'Chức năng hai'],
      ndxp: { status: 'connected', since: '2024-07-05' },
    });
  });

  it('names each invalid field as the API does', () => {
    const values = readContent([
      ['name', ''],
      ['website', 'không phải địa chỉ'],
      ['ndop.since', '31-12-2024'],
      ['focalPoints[0].email', 'khong-hop-le'],
    ]);
    const fields = changedFields(values, published).issues.map((i) => `${i.field}:${i.code}`);
    assert.ok(fields.includes('name:required'));
    assert.ok(fields.some((f) => f.startsWith('website:')));
    assert.ok(fields.some((f) => f.startsWith('ndop.since:')));
    assert.ok(
      fields.some((f) => f.startsWith('focalPoints[0].name:')),
      'a contact needs a name',
    );
    assert.ok(fields.some((f) => f.startsWith('focalPoints[0].email:')));
  });
});
