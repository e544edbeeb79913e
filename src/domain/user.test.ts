import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emailIssue, normaliseEmail, passwordIssues, roleOrganisationIssue } from './user.ts';

describe('normaliseEmail and emailIssue', () => {
  it('trims, lower-cases and composes', () => {
    assert.equal(normaliseEmail('  Nguyen.Van.A@MOF.gov.vn '), 'nguyen.van.a@mof.gov.vn');
    assert.equal(normaliseEmail('tra\u0300n@x.vn'), 'tr\u00e0n@x.vn');
  });
  it('flags what is not an address', () => {
    assert.equal(emailIssue('email', 'a@b.vn'), null);
    assert.equal(emailIssue('email', 'không có')?.code, 'invalid_email');
    assert.equal(emailIssue('email', `${'a'.repeat(250)}@b.vn`)?.code, 'too_big');
  });
});

describe('passwordIssues (ASVS 2.1)', () => {
  it('accepts a long passphrase of any characters, Vietnamese included', () => {
    assert.deepEqual(passwordIssues('password', 'một con vịt xòe ra hai cái cánh', 'a@b.vn'), []);
  });
  it('refuses fewer than 12 characters, counted after NFKC', () => {
    assert.equal(passwordIssues('password', 'ngắn-quá', null)[0]?.code, 'password_too_short');
    // 11 decomposed letters are 11 characters, not 22 code units.
    assert.equal(passwordIssues('p', 'e\u0301'.repeat(11), null)[0]?.code, 'password_too_short');
    assert.deepEqual(passwordIssues('p', 'e\u0301'.repeat(12), null), []);
  });
  it('refuses more than 128 characters', () => {
    assert.equal(passwordIssues('password', 'x'.repeat(129), null)[0]?.code, 'too_big');
  });
  it('refuses a password that contains the account name', () => {
    assert.equal(
      passwordIssues('password', 'NguyenVanAn-2026!', 'nguyenvanan@mof.gov.vn')[0]?.code,
      'password_contains_email',
    );
    assert.deepEqual(passwordIssues('password', 'abcdefghijklmnop', 'ab@mof.gov.vn'), []);
  });
});

describe('roleOrganisationIssue', () => {
  const ministry = { level: 'central' as const, validFrom: null, validTo: null };
  const province = { level: 'province' as const, validFrom: '2025-07-01', validTo: null };
  const merged = { level: 'central' as const, validFrom: null, validTo: '2025-02-28' };
  it('puts editors and the authority in central bodies, locality officers in localities', () => {
    assert.equal(roleOrganisationIssue('o', 'ministry_editor', ministry, '2026-01-01'), null);
    assert.equal(roleOrganisationIssue('o', 'authority_admin', ministry, '2026-01-01'), null);
    assert.equal(roleOrganisationIssue('o', 'locality_officer', province, '2026-01-01'), null);
    assert.equal(
      roleOrganisationIssue('o', 'locality_officer', ministry, '2026-01-01')?.code,
      'role_organisation_mismatch',
    );
    assert.equal(
      roleOrganisationIssue('o', 'ministry_editor', province, '2026-01-01')?.code,
      'role_organisation_mismatch',
    );
  });
  it('refuses a body that no longer exists, or does not exist yet', () => {
    assert.equal(
      roleOrganisationIssue('o', 'ministry_editor', merged, '2026-01-01')?.code,
      'organisation_not_current',
    );
    assert.equal(
      roleOrganisationIssue('o', 'locality_officer', province, '2025-06-30')?.code,
      'organisation_not_current',
    );
  });
});
