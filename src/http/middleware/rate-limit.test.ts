import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { problemResponse } from '../problem.ts';
import { rateLimit } from './rate-limit.ts';

function app(perMinute: number, clock: { t: number }) {
  const a = new Hono<AppEnv>();
  a.use('*', async (c, next) => {
    c.set('locale', 'vi');
    c.set('requestId', 'test');
    await next();
  });
  a.use('*', rateLimit({ perMinute, trustProxy: true, now: () => clock.t }));
  a.get('/', (c) => c.text('ok'));
  a.onError((e, c) => problemResponse(c, e));
  return a;
}

describe('rateLimit', () => {
  it('allows the configured rate per client, then answers 429 problem+json with Retry-After', async () => {
    const clock = { t: 0 };
    const a = app(120, clock);
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 120; i++) assert.equal((await a.request('/', from('10.0.0.1'))).status, 200);
    const limited = await a.request('/', from('10.0.0.1'));
    assert.equal(limited.status, 429);
    assert.equal(((await limited.json()) as { code: string }).code, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await a.request('/', from('10.0.0.2'))).status, 200, 'another client is not affected');
    clock.t += 1000; // a second later: two more tokens at 120 a minute
    assert.equal((await a.request('/', from('10.0.0.1'))).status, 200);
  });
});
