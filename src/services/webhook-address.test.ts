import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrivateAddress, webhookUrlProblem } from './webhook-address.ts';

describe('where webhooks may be sent (SSRF)', () => {
  it('refuses loopback, private, link-local and metadata addresses unless allowed', () => {
    for (const url of [
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://10.1.2.3/x',
      'https://172.20.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://[::ffff:7f00:1]/x',
    ])
      assert.equal(webhookUrlProblem(url, false), 'private_address', url);
    assert.equal(webhookUrlProblem('http://127.0.0.1:8080/x', true), null);
  });

  it('asks for https to a public address, without credentials in the URL', () => {
    assert.equal(webhookUrlProblem('https://example.gov.vn/hooks', false), null);
    assert.equal(webhookUrlProblem('https://8.8.8.8/hooks', false), null);
    assert.equal(webhookUrlProblem('http://example.gov.vn/hooks', false), 'https_required');
    assert.equal(webhookUrlProblem('ftp://example.gov.vn/hooks', true), 'https_required');
    assert.equal(webhookUrlProblem('https://a:b@example.gov.vn/hooks', false), 'credentials_in_url');
    assert.equal(webhookUrlProblem('not a url', false), 'invalid_url');
  });

  it('classifies bare addresses', () => {
    assert.equal(isPrivateAddress('192.168.0.10'), true);
    assert.equal(isPrivateAddress('203.162.0.1'), false);
    assert.equal(isPrivateAddress('2001:db8::1'), false);
    assert.equal(isPrivateAddress('example.gov.vn'), false);
  });
});
