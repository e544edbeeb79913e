import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { serveRegistry } from './serve.ts';

// The real server (as main.ts starts it) with a very long search: Node reads the request head
// before the app does, so its limit decides whether the API can answer at all.
// 10,000 characters of Vietnamese, percent-encoded: 9 bytes each for "ệ", ~74 KB of address.
const LONG = 'tra cứu dịch vụ công trực tuyến '.repeat(313).slice(0, 10_000);

async function started(t: TestApp) {
  let server: ReturnType<typeof serveRegistry> | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serveRegistry(t.app.fetch, t.config, (info) => resolve(info.port));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

describe('very long query strings on the real server', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof started>>;
  before(async () => {
    t = await openTestApp({ seed: false, env: { PORT: '0' } });
    server = await started(t);
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('reaches the API, which answers 400 problem+json naming q', async () => {
    assert.equal(LONG.length, 10_000);
    const url = `${server.base}/api/v1/platforms?q=${encodeURIComponent(LONG)}`;
    assert.ok(url.length > 16 * 1024, 'longer than Node’s default header limit');
    const res = await fetch(url);
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = (await res.json()) as { code: string; errors: { field: string; code: string }[] };
    assert.equal(body.code, 'invalid_input');
    assert.ok(body.errors.some((e) => e.field === 'q' && e.code === 'too_big'));
  });

  it('still answers a search within the limit', async () => {
    const res = await fetch(`${server.base}/api/v1/platforms?q=${encodeURIComponent(LONG.slice(0, 500))}`);
    assert.equal(res.status, 200);
  });

  it('gives the search page an answer, not an error from Node', async () => {
    const res = await fetch(`${server.base}/nen-tang?q=${encodeURIComponent(LONG)}`);
    assert.ok(res.status === 200 || res.status === 400, String(res.status));
    await res.body?.cancel();
  });
});

describe('the header limit comes from HTTP_MAX_HEADER_BYTES', () => {
  it('refuses a head larger than the configured limit with 431', async () => {
    const t = await openTestApp({ seed: false, env: { PORT: '0', HTTP_MAX_HEADER_BYTES: '16384' } });
    const server = await started(t);
    try {
      const res = await fetch(`${server.base}/api/v1/platforms?q=${encodeURIComponent(LONG)}`);
      assert.equal(res.status, 431);
      await res.body?.cancel();
    } finally {
      await server.close();
      await t.close();
    }
  });
});
