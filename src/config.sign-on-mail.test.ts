import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from './config.ts';

const oidc = {
  OIDC_ISSUER: 'https://id.example.gov.vn',
  OIDC_CLIENT_ID: 'ndp',
  OIDC_CLIENT_SECRET: 's3cret',
};

describe('configuration of single sign-on and mail', () => {
  it('leaves both off by default', () => {
    const config = readConfig({});
    assert.equal(config.oidc, null);
    assert.equal(config.mail.smtpUrl, null);
  });

  it('turns single sign-on on with all three, the callback under PUBLIC_URL by default', () => {
    const config = readConfig({ ...oidc, PUBLIC_URL: 'https://ndp.example.gov.vn/' });
    assert.equal(config.oidc?.redirectUri, 'https://ndp.example.gov.vn/api/v1/auth/oidc/callback');
    assert.equal(config.oidc?.scopes, 'openid email');
    assert.equal(config.oidc?.requireVerifiedEmail, true);
  });

  it('refuses half a sign-on configuration, and a plain-http provider off this machine', () => {
    assert.throws(() => readConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER }), ConfigError);
    assert.throws(() => readConfig({ ...oidc, OIDC_ISSUER: 'http://id.example.gov.vn' }), ConfigError);
    assert.throws(
      () => readConfig({ ...oidc, OIDC_ISSUER: 'http://localhost:80@id.example.gov.vn' }),
      ConfigError,
    );
    assert.equal(
      readConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer,
      'http://127.0.0.1:9000',
    );
    assert.equal(
      readConfig({ ...oidc, OIDC_ISSUER: 'http://localhost:9000/realm' }).oidc?.issuer,
      'http://localhost:9000/realm',
    );
  });

  it('needs SMTP_FROM with SMTP_URL, and an smtp(s) URL', () => {
    assert.throws(() => readConfig({ SMTP_URL: 'smtp://mail.example.gov.vn:587' }), ConfigError);
    assert.throws(
      () => readConfig({ SMTP_URL: 'http://mail.example.gov.vn', SMTP_FROM: 'a@example.gov.vn' }),
      ConfigError,
    );
    const mail = readConfig({
      SMTP_URL: 'smtps://u:p@mail.example.gov.vn',
      SMTP_FROM: 'a@example.gov.vn',
    }).mail;
    assert.equal(mail.smtpUrl, 'smtps://u:p@mail.example.gov.vn');
    assert.equal(mail.maxAttempts, 8);
  });
});
