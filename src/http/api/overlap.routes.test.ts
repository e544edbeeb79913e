import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

interface Check {
  verdict: string;
  matches: { platform: { id: string; name: string }; level: string; score: number; reasons: string[] }[];
}

const SAMPLE = new URL('../../../tests/contract/overlap-sample.jsonl', import.meta.url);

describe('POST /api/v1/overlap-checks', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.request('/api/v1/overlap-checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as Check & { code?: string; errors?: { field: string }[] },
      res,
    };
  };

  it('flags every expected platform of the sample set, and nothing unexpected, anonymously', async () => {
    for (const line of readFileSync(SAMPLE, 'utf8').trim().split('\n')) {
      const c = JSON.parse(line) as {
        name: string;
        description: string;
        expect: string[];
        related: string[];
      };
      const { status, body } = await post({ name: c.name, description: c.description });
      assert.equal(status, 200, c.name);
      const flagged = body.matches.filter((m) => m.level === 'overlap').map((m) => m.platform.name);
      for (const e of c.expect)
        assert.ok(flagged.includes(e), `${c.name}: expected ${e}, got ${flagged.join(' | ')}`);
      for (const f of flagged)
        assert.ok(c.expect.includes(f) || c.related.includes(f), `${c.name}: unexpected ${f}`);
      assert.equal(
        body.verdict,
        c.expect.length > 0 ? 'overlap' : body.verdict === 'related' ? 'related' : 'clear',
      );
      for (const m of body.matches) {
        assert.ok(m.score >= 0 && m.score <= 1);
        assert.ok(m.reasons.length > 0 && m.reasons.every((r) => typeof r === 'string' && r.length > 0));
      }
    }
  });

  it('treats a province’s own LGSP as related to NDXP, not a duplicate', async () => {
    const { body } = await post({
      name: 'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) của tỉnh',
      description: 'Kết nối các hệ thống thông tin của tỉnh với nền tảng quốc gia.',
    });
    const ndxp = body.matches.find((m) => m.platform.name.includes('NDXP'));
    assert.equal(ndxp?.level, 'related');
    assert.notEqual(body.verdict, 'overlap');
  });

  it('refuses bad input with the field named, never a 5xx', async () => {
    const cases: [unknown, number, string | null][] = [
      [{}, 400, 'name'],
      [{ name: '' }, 400, 'name'],
      [{ name: 'x'.repeat(100_000) }, 400, 'name'],
      [{ name: 'Hệ thống', functions: Array.from({ length: 5000 }, () => 'a') }, 400, 'functions'],
      [{ name: 'Hệ thống', functions: 'not a list' }, 400, 'functions'],
      ['{"name": ', 400, null],
      ['[]', 400, null],
    ];
    for (const [body, status, field] of cases) {
      const r = await post(body);
      assert.equal(r.status, status, JSON.stringify(body).slice(0, 60));
      assert.match(r.res.headers.get('content-type') ?? '', /problem\+json/);
      if (field) assert.equal(r.body.errors?.[0]?.field, field);
    }
    const hostile = await post({ name: 'Hệ thống \u0000\uD800 <script>alert(1)</script> %s $(rm -rf)' });
    assert.equal(hostile.status, 200);
  });
});

describe('overlap checks rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ env: { RATE_LIMIT_PER_MINUTE: '120', TRUST_PROXY: 'true' } });
  });
  after(() => t.close());

  it('allows 120 checks a minute from one client, then 429', async () => {
    const send = () =>
      t.app.request('/api/v1/overlap-checks', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ name: 'Cổng dịch vụ công của tỉnh' }),
      });
    for (let i = 0; i < 120; i++) assert.equal((await send()).status, 200, `request ${i + 1}`);
    const limited = await send();
    assert.equal(limited.status, 429);
    assert.equal(((await limited.json()) as { code: string }).code, 'rate_limited');
  });
});
