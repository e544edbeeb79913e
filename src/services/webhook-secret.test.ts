import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { newWebhookSecret, openSecret, sealSecret } from './webhook-secret.ts';

describe('webhook secrets at rest', () => {
  const key = randomBytes(32);
  it('are sealed with the configured key and opened again for signing', () => {
    const secret = newWebhookSecret();
    const sealed = sealSecret(secret, key);
    assert.ok(sealed.startsWith('v1:') && !sealed.includes(secret.slice(6)));
    assert.notEqual(sealSecret(secret, key), sealed, 'a fresh nonce each time');
    assert.equal(openSecret(sealed, key), secret);
  });

  it('cannot be opened with another key, or with none', () => {
    const sealed = sealSecret(newWebhookSecret(), key);
    assert.throws(() => openSecret(sealed, randomBytes(32)));
    assert.throws(() => openSecret(sealed, null));
  });

  it('are stored as is without a key, and still readable once a key is configured', () => {
    const secret = newWebhookSecret();
    const stored = sealSecret(secret, null);
    assert.equal(openSecret(stored, null), secret);
    assert.equal(openSecret(stored, key), secret);
  });
});
