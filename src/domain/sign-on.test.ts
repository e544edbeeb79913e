import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnPath, signOnIdentity } from './sign-on.ts';

const options = { emailClaim: 'email', requireVerifiedEmail: true };

describe('signOnIdentity', () => {
  it('takes a verified address, normalised as account addresses are', () => {
    assert.deepEqual(
      signOnIdentity({ sub: 'a1', email: ' Can.Bo@Example.GOV.vn ', email_verified: true }, options),
      {
        subject: 'a1',
        email: 'can.bo@example.gov.vn',
      },
    );
    assert.equal(
      signOnIdentity({ sub: 'a1', email: 'x@example.gov.vn', email_verified: 'true' }, options).email,
      'x@example.gov.vn',
    );
  });

  it('gives no address when it is unverified, missing or not an address', () => {
    for (const claims of [
      { sub: 'a1', email: 'x@example.gov.vn', email_verified: false },
      { sub: 'a1', email: 'x@example.gov.vn' },
      { sub: 'a1', email_verified: true },
      { sub: 'a1', email: 42, email_verified: true },
      { sub: 'a1', email: 'khong-phai-dia-chi', email_verified: true },
    ])
      assert.equal(signOnIdentity(claims, options).email, null, JSON.stringify(claims));
  });

  it('reads the configured claim, and may trust a provider that verifies every address', () => {
    const claims = { sub: 'a1', mail: 'y@example.gov.vn' };
    assert.equal(
      signOnIdentity(claims, { emailClaim: 'mail', requireVerifiedEmail: false }).email,
      'y@example.gov.vn',
    );
    assert.equal(signOnIdentity(claims, { emailClaim: 'mail', requireVerifiedEmail: true }).email, null);
  });
});

describe('safeReturnPath', () => {
  it('keeps a path on this site', () => {
    assert.equal(safeReturnPath('/nen-tang?q=ndxp'), '/nen-tang?q=ndxp');
  });
  it('sends anything that could leave the site home', () => {
    for (const value of [
      undefined,
      null,
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'nen-tang',
      '/a\nb',
      `/${'a'.repeat(600)}`,
    ])
      assert.equal(safeReturnPath(value), '/', String(value));
  });
});
