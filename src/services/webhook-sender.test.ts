import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { postWebhook } from './webhook-sender.ts';

describe('sending a webhook', () => {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    res.statusCode = req.url === '/moved' ? 302 : 202;
    if (req.url === '/moved') res.setHeader('Location', 'http://127.0.0.1:1/elsewhere');
    req.resume();
    req.on('end', () => res.end());
  });
  let port = 0;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const options = (allowPrivate: boolean) => ({ timeoutMs: 2000, allowPrivate });

  it('refuses a name that resolves to a private address when connecting (DNS rebinding), sending nothing', async () => {
    const result = await postWebhook(`http://localhost:${port}/`, {}, '{}', options(false));
    assert.equal(result.statusCode, null);
    assert.equal(result.error, 'private_address');
    const literal = await postWebhook(`http://127.0.0.1:${port}/`, {}, '{}', options(false));
    assert.equal(literal.error, 'private_address');
    assert.equal(hits, 0);
  });

  it('delivers where private addresses are allowed, and does not follow redirects', async () => {
    const ok = await postWebhook(`http://localhost:${port}/`, {}, '{}', options(true));
    assert.deepEqual([ok.statusCode, ok.error], [202, null]);
    const moved = await postWebhook(`http://127.0.0.1:${port}/moved`, {}, '{}', options(true));
    assert.equal(moved.statusCode, 302);
    assert.equal(hits, 2, 'the redirect target was not requested');
  });
});
